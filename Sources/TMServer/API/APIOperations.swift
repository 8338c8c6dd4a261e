import Glossary
import Hummingbird

/// Every operation of the API, in the order `/openapi.json` lists them.
enum APIOperations {
    private static let json = "application/json"
    private static let badRequest = (400, "Bad input: a JSON error naming the field", Optional("Error"))
    private static let unauthorized = (401, "No bearer token (the server has one)", Optional("Error"))
    private static let forbidden = (403, "Wrong bearer token", Optional("Error"))
    private static let notFound = (404, "No such item", Optional("Error"))
    private static let tooLarge = (413, "The body is over the limit", Optional("Error"))
    private static let badFile = (422, "The file could be read but holds bad units; nothing was imported", Optional("Error"))
    private static let writeErrors = [unauthorized, forbidden]

    private static let systems = RomanizationSystem.allCases.map(\.rawValue)
    private static let kinds = RomanizationKind.allCases.map(\.rawValue)
    private static let styles = NameStyle.allCases.map(\.rawValue)
    private static let languages = Language.allCases.map(\.rawValue)

    static let all: [APIOperation] = [
        .init(method: .get, path: "/", summary: "The web page (HTML)", access: .read, responses: [(200, "The page", nil)]),
        .init(method: .get, path: "/web/app.css", summary: "The web page's style sheet", access: .read, responses: [(200, "CSS", nil)]),
        .init(method: .get, path: "/web/app.js", summary: "The web page's script", access: .read, responses: [(200, "JavaScript", nil)]),
        .init(method: .get, path: "/v1/health", summary: "Status, versions and counts", access: .read, responses: [(200, "Healthy", "Health")]),
        .init(method: .get, path: "/v1/stats", summary: "Counts and sizes", access: .read, responses: [(200, "Statistics", "Stats")]),
        .init(
            method: .get, path: "/metrics", summary: "Prometheus metrics", access: .read,
            responses: [(200, "Metrics in the Prometheus text format", nil)]),
        .init(method: .get, path: "/openapi.json", summary: "This description", access: .read, responses: [(200, "OpenAPI 3.0 document", nil)]),
        .init(
            method: .get, path: "/v1/romanize", summary: "Romanize Hangul", access: .read,
            parameters: [
                .query("text", "string", "The text to romanize", required: true), .query("system", "string", "Romanization system", values: systems),
                .query("kind", "string", "word, name or place", values: kinds), .query("style", "string", "Name style", values: styles),
                .query("plain", "boolean", "Drop breves and apostrophes"), .query("variants", "boolean", "List a name's likely spellings"),
            ],
            responses: [(200, "The romanization", "Romanization"), badRequest]),
        .init(
            method: .get, path: "/v1/glossary/lookup", summary: "Glossary entries by any spelling", access: .read,
            parameters: [.query("q", "string", "Hangul, the house form, a variant or a romanization", required: true)],
            responses: [(200, "Matches, best first", "Lookup"), badRequest]),
        .init(
            method: .post, path: "/v1/glossary/recognize", summary: "Glossary terms in a text", access: .read, body: (json, "TextBody"),
            responses: [(200, "Terms with spans", "Recognition"), badRequest, tooLarge]),
        .init(
            method: .post, path: "/v1/glossary/check", summary: "Off-style names in an English draft", access: .read, body: (json, "TextBody"),
            responses: [(200, "Issues and the corrected text", "StyleCheck"), badRequest, tooLarge]),
        .init(method: .get, path: "/v1/glossary/terms", summary: "Every term", access: .read, responses: [(200, "The terms", "TermList")]),
        .init(
            method: .post, path: "/v1/glossary/terms", summary: "Add a term", access: .write, body: (json, "TermInput"),
            responses: [(201, "The stored term", "Term"), badRequest, tooLarge] + writeErrors),
        .init(
            method: .get, path: "/v1/glossary/terms/{id}", summary: "One term", access: .read, parameters: [.path("id", "integer", "Term id")],
            responses: [(200, "The term", "Term"), badRequest, notFound]),
        .init(
            method: .put, path: "/v1/glossary/terms/{id}", summary: "Replace a term", access: .write, parameters: [.path("id", "integer", "Term id")],
            body: (json, "TermInput"), responses: [(200, "The stored term", "Term"), badRequest, notFound, tooLarge] + writeErrors),
        .init(
            method: .delete, path: "/v1/glossary/terms/{id}", summary: "Delete a term", access: .write, parameters: [.path("id", "integer", "Term id")],
            responses: [(204, "Deleted", nil), badRequest, notFound] + writeErrors),
        .init(
            method: .post, path: "/v1/glossary/import", summary: "Import a glossary file", access: .write,
            parameters: [
                .query("format", "string", "tsv, omegat or tbx (else from the Content-Type)", values: GlossaryFormat.allCases.map(\.rawValue)),
                .query("skip_bad", "boolean", "Import the good rows of a file with bad ones"), .query("name", "string", "A name for the report"),
            ],
            body: ("application/octet-stream", "File"),
            responses: [(200, "The report", "GlossaryImport"), badRequest, tooLarge, badFile] + writeErrors),
        .init(
            method: .get, path: "/v1/glossary/export", summary: "The glossary as a file", access: .read,
            parameters: [.query("format", "string", "tsv, omegat or tbx", values: GlossaryFormat.allCases.map(\.rawValue))],
            responses: [(200, "The file", nil), badRequest]),
        .init(
            method: .post, path: "/v1/segments", summary: "Add one pair or an array of pairs (one transaction)", access: .write,
            body: (json, "SegmentInput"), responses: [(201, "What was stored", "Added"), badRequest, tooLarge] + writeErrors),
        .init(
            method: .get, path: "/v1/segments/{id}", summary: "One pair", access: .read, parameters: [.path("id", "integer", "Segment id")],
            responses: [(200, "The pair", "Segment"), badRequest, notFound]),
        .init(
            method: .put, path: "/v1/segments/{id}", summary: "Replace a pair", access: .write, parameters: [.path("id", "integer", "Segment id")],
            body: (json, "SegmentInput"), responses: [(200, "The pair", "Segment"), badRequest, notFound, tooLarge] + writeErrors),
        .init(
            method: .delete, path: "/v1/segments/{id}", summary: "Delete a pair", access: .write, parameters: [.path("id", "integer", "Segment id")],
            responses: [(204, "Deleted", nil), badRequest, notFound] + writeErrors),
        .init(
            method: .get, path: "/v1/matches", summary: "Fuzzy matches from the memory", access: .read,
            parameters: [
                .query("q", "string", "The sentence", required: true), .query("from", "string", "The query's language", values: languages),
                .query("min", "integer", "Lowest score, 0–100 (default 75)"), .query("limit", "integer", "Most matches, 1–100 (default 5)"),
                .query("hints", "boolean", "Add the glossary terms of the query"),
            ],
            responses: [
                (200, "Matches, best first", "Search"), badRequest,
                (422, "The query would compare too much of the memory (long query, low min): raise min or shorten it", "Error"),
            ]),
        .init(
            method: .get, path: "/v1/concordance", summary: "Pairs containing a phrase", access: .read,
            parameters: [
                .query("q", "string", "The phrase", required: true), .query("lang", "string", "The side to search", values: languages),
                .query("limit", "integer", "Most hits, 1–100 (default 20)"),
            ],
            responses: [(200, "Hits with spans", "Concordance"), badRequest]),
        .init(
            method: .post, path: "/v1/import", summary: "Import a TMX, PO or TSV file (one transaction)", access: .write,
            parameters: [
                .query("format", "string", "tmx, po or tsv (else from the Content-Type)", values: MemoryFormat.allCases.map(\.rawValue)),
                .query("skip_bad", "boolean", "Import the good units of a file with bad ones"), .query("origin", "string", "Origin of the pairs"),
                .query("name", "string", "A name for the report"),
            ],
            body: ("application/octet-stream", "File"), responses: [(200, "The report", "MemoryImport"), badRequest, tooLarge, badFile] + writeErrors),
        .init(
            method: .get, path: "/v1/export", summary: "The memory as TMX or TSV, streamed", access: .read,
            parameters: [.query("format", "string", "tmx or tsv", values: ["tmx", "tsv"])], responses: [(200, "The file", nil), badRequest]),
        .init(
            method: .post, path: "/v1/align", summary: "Align a Korean text and its English version; add the pairs when asked",
            access: .writeWhenAsked, body: (json, "AlignRequest"),
            responses: [(200, "Sentences and beads", "Alignment"), badRequest, tooLarge] + writeErrors),
        .init(
            method: .post, path: "/v1/backup", summary: "A consistent copy of the database (SQLite online backup)", access: .write,
            responses: [(200, "The SQLite file", nil)] + writeErrors),
        .init(
            method: .get, path: "/tmserver/languages/", summary: "amaGama: the languages served", access: .read,
            responses: [(200, "sourceLanguages and targetLanguages", "AmaGamaLanguages")]),
        .init(
            method: .get, path: "/tmserver/{source}/{target}/unit/{text}", summary: "amaGama: fuzzy matches", access: .read,
            parameters: [
                .path("source", "string", "Source language (en, ko; en_US works)"), .path("target", "string", "Target language"),
                .path("text", "string", "The text, percent-escaped"), .query("min_similarity", "integer", "0–100 (default 70)"),
                .query("max_candidates", "integer", "1–100 (default 5)"),
            ],
            responses: [(200, "Matches (an empty list for other language pairs)", "AmaGamaList"), badRequest]),
        .init(
            method: .get, path: "/tmserver/{source}/{target}/unit/", summary: "amaGama: fuzzy matches, text as a query parameter (Pootle)",
            access: .read,
            parameters: [
                .path("source", "string", "Source language"), .path("target", "string", "Target language"),
                .query("source", "string", "The text", required: true), .query("min_similarity", "integer", "0–100 (default 70)"),
                .query("max_candidates", "integer", "1–100 (default 5)"),
            ],
            responses: [(200, "Matches", "AmaGamaList"), badRequest]),
    ]

    /// The operations whose path pattern matches a concrete path, any method.
    static func matching(path: String) -> [APIOperation] {
        all.filter { $0.matches(path: path) }
    }

    /// The operation a request asks for, if the API has it.
    static func operation(for request: Request) -> APIOperation? {
        matching(path: request.uri.path).first { $0.method == request.method }
    }
}
