import Foundation
import Glossary
import Hummingbird

/// amaGama's API, so clients written for it (Weblate, Virtaal, Pootle, translate-toolkit, Okapi) use tm unchanged:
/// `GET /tmserver/{src}/{tgt}/unit/{text}`, `GET /tmserver/{src}/{tgt}/unit/?source=…` and `GET /tmserver/languages/`.
///
/// What those clients need, read from their source: the text is one path segment percent-escaped once (a
/// literal `+` stays a plus); a doubled `//` from a base URL ending in `/` is merged; the answer is a JSON
/// list, best first, with `quality` a float on 0–100 (Okapi casts it to a Double: an integer 100 breaks it);
/// an unsupported language pair is `200 []` (Weblate probes en→de when it saves the service); reads never
/// answer 401/403/429/503 (Weblate would stop asking); Pootle calls from the browser, so CORS is open.
struct AmaGamaRoutes {
    let memory: TranslationMemory

    static let defaultMaxCandidates = 5
    static let defaultMinSimilarity = 70

    /// The three documented forms share one catch-all handler: a text may hold unescaped slashes.
    var routes: [APIRoute] {
        let similarity = APIOperation.Parameter.query("min_similarity", "integer", "0–100 (default 70)")
        let candidates = APIOperation.Parameter.query("max_candidates", "integer", "1–100 (default 5)")
        let operations: [APIOperation] = [
            .init(
                method: .get, path: "/tmserver/languages/", summary: "amaGama: the languages served", access: .read,
                responses: [(200, "sourceLanguages and targetLanguages", "AmaGamaLanguages")]),
            .init(
                method: .get, path: "/tmserver/{source}/{target}/unit/{text}", summary: "amaGama: fuzzy matches", access: .read,
                parameters: [
                    .path("source", "string", "Source language (en, ko; en_US works)"), .path("target", "string", "Target language"),
                    .path("text", "string", "The text, percent-escaped"), similarity, candidates,
                ],
                responses: [(200, "Matches (an empty list for other language pairs)", "AmaGamaList"), APIOperation.badRequest]),
            .init(
                method: .get, path: "/tmserver/{source}/{target}/unit/", summary: "amaGama: fuzzy matches, text as a query parameter (Pootle)",
                access: .read,
                parameters: [
                    .path("source", "string", "Source language"), .path("target", "string", "Target language"),
                    .query("source", "string", "The text", required: true), similarity, candidates,
                ],
                responses: [(200, "Matches", "AmaGamaList"), APIOperation.badRequest]),
        ]
        return operations.map { operation in APIRoute(operation, registeredAt: "/tmserver/**") { request, _ in try await answer(request) } }
    }

    private func answer(_ request: Request) async throws -> Response {
        let parts = request.uri.path.split(separator: "/").map(String.init)
        guard parts.first == "tmserver" else { throw HTTPError(.notFound) }
        let rest = Array(parts.dropFirst())
        if rest == ["languages"] { return Self.json(Self.languages) }
        guard rest.count >= 3, rest[2] == "unit" else { throw HTTPError(.notFound) }
        let query = QueryParameters(request)
        let text: String
        if rest.count > 3 {
            // Everything after unit/ is the text; an unescaped "/" inside it split it, so join it back.
            guard let decoded = PercentDecoding.decode(rest[3...].joined(separator: "/")[...], plusIsSpace: false) else {
                throw TMError.invalidInput(field: "text", message: "the text is not valid percent-encoded UTF-8")
            }
            text = decoded
        } else {
            text = try query.decoded("source") ?? ""
        }
        let minimum = try query.integer("min_similarity", default: Self.defaultMinSimilarity)
        let maximum = try query.integer("max_candidates", default: Self.defaultMaxCandidates)
        guard (0...100).contains(minimum) else { throw TMError.invalidInput(field: "min_similarity", message: "must be between 0 and 100") }
        guard (1...TranslationMemory.maximumLimit).contains(maximum) else {
            throw TMError.invalidInput(field: "max_candidates", message: "must be between 1 and \(TranslationMemory.maximumLimit)")
        }
        guard let source = Self.language(rest[0]), let target = Self.language(rest[1]), source != target, !text.allSatisfy(\.isWhitespace)
        else { return Self.json("[]") }
        let result = try await BlockingWork.run { try memory.search(text, from: source, minScore: minimum, limit: maximum) }
        return Self.json(Self.encode(result.matches, source: source))
    }

    /// `en_US`, `en-us`, `EN` → en; `ko_KR` → ko; anything else is not served.
    static func language(_ code: String) -> Language? {
        let primary = code.lowercased().split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "@" }).first.map(String.init) ?? ""
        return Language(rawValue: primary)
    }

    static let languages = #"{"sourceLanguages":["en","ko"],"targetLanguages":["en","ko"]}"#

    /// The list amaGama returns, written by hand so that `quality` and `rank` always carry a decimal point.
    static func encode(_ matches: [MemoryMatch], source: Language) -> String {
        let items = matches.map { match in
            let (from, to) = source == .ko ? (match.ko, match.en) : (match.en, match.ko)
            let quality = String(format: "%.2f", match.score)
            return #"{"source":\#(jsonString(from)),"target":\#(jsonString(to)),"quality":\#(quality),"rank":\#(quality)}"#
        }
        return "[" + items.joined(separator: ",") + "]"
    }

    private static func jsonString(_ text: String) -> String {
        (try? String(decoding: JSONEncoder().encode(text), as: UTF8.self)) ?? "\"\""
    }

    private static func json(_ body: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8", .accessControlAllowOrigin: "*"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
