import Foundation
import Glossary
import Hummingbird

/// amaGama's API, so clients written for it (Weblate, Virtaal, Pootle, translate-toolkit, Okapi) use tm unchanged:
/// `GET /tmserver/{src}/{tgt}/unit/{text}`, `GET /tmserver/{src}/{tgt}/unit/?source=…` and `GET /tmserver/languages/`,
/// each also under `/api/v1/` (amaGama serves both; Virtaal, Pootle and older Weblate default to it), with HEAD and
/// OPTIONS.
///
/// What those clients need, read from their source: the text is one path segment percent-escaped once (a
/// literal `+` stays a plus); a doubled `//` from a base URL ending in `/` is merged; the answer is a JSON
/// list, best first, with `quality` a float on 0–100 (Okapi casts it to a Double: an integer 100 breaks it);
/// an unsupported language pair is `200 []` (Weblate probes en→de when it saves the service); reads never
/// answer 401/403/429/503 (Weblate would stop asking); Pootle calls from the browser, so CORS is open and
/// `jsoncallback` wraps the answer (JSONP). As amaGama: `max_candidates` and `min_similarity` that are not integers
/// are ignored (the defaults apply), a `max_candidates` above the cap is the cap, a similarity outside 0–100 is
/// clamped, and answers may be cached for an hour (`Cache-Control: max-age=3600, public`).
struct AmaGamaRoutes {
    let memory: TranslationMemory

    static let defaultMaxCandidates = 5
    static let defaultMinSimilarity = 70
    /// The two prefixes amaGama answers at.
    static let prefixes = ["/tmserver", "/api/v1"]

    /// The three documented forms share one catch-all handler per prefix: a text may hold unescaped slashes.
    /// (`jsoncallback`, Pootle's JSONP, is served but left out of `/openapi.json`: its answer is not JSON.)
    var routes: [APIRoute] {
        let similarity = APIOperation.Parameter.query("min_similarity", "integer", "0–100 (default 70; not an integer: ignored)")
        let candidates = APIOperation.Parameter.query("max_candidates", "integer", "1–100 (default 5; above 100: 100; not an integer: ignored)")
        var routes: [APIRoute] = []
        for prefix in Self.prefixes {
            let unit = [
                APIOperation.Parameter.path("source", "string", "Source language (en, ko; en_US works)"),
                .path("target", "string", "Target language"),
            ]
            let gets: [APIOperation] = [
                .init(
                    method: .get, path: "\(prefix)/languages/", summary: "amaGama: the languages served", access: .read,
                    responses: [(200, "sourceLanguages and targetLanguages", "AmaGamaLanguages")]),
                .init(
                    method: .get, path: "\(prefix)/{source}/{target}/unit/{text}", summary: "amaGama: fuzzy matches", access: .read,
                    parameters: unit + [.path("text", "string", "The text, percent-escaped"), similarity, candidates],
                    responses: [(200, "Matches (an empty list for other language pairs)", "AmaGamaList"), APIOperation.badRequest]),
                .init(
                    method: .get, path: "\(prefix)/{source}/{target}/unit/",
                    summary: "amaGama: fuzzy matches, text as a query parameter (Pootle)", access: .read,
                    parameters: unit + [.query("source", "string", "The text", required: true), similarity, candidates],
                    responses: [(200, "Matches", "AmaGamaList"), APIOperation.badRequest]),
            ]
            var operations = gets
            for get in gets {
                operations.append(
                    .init(
                        method: .head, path: get.path, summary: get.summary + " (headers only)", access: .read, parameters: get.parameters,
                        responses: [(200, "The headers a GET would answer", nil)]))
                operations.append(
                    .init(
                        method: .options, path: get.path, summary: "amaGama: the methods allowed (CORS preflight)", access: .read,
                        responses: [(204, "Allow and Access-Control-Allow-Methods", nil)]))
            }
            routes += operations.map { operation in
                APIRoute(operation, registeredAt: "\(prefix)/**") { request, _ in try await answer(request, prefix: prefix) }
            }
        }
        return routes
    }

    private func answer(_ request: Request, prefix: String) async throws -> Response {
        if request.method == .options {
            return Response(
                status: .noContent,
                headers: [
                    .allow: Self.allowed, .accessControlAllowOrigin: "*", .accessControlAllowMethods: Self.allowed,
                    .accessControlAllowHeaders: "*", .accessControlMaxAge: "86400",
                ])
        }
        var response = try await get(request, prefix: prefix)
        if request.method == .head { response.body = .init() }
        return response
    }

    private static let allowed = "GET, HEAD, OPTIONS"

    private func get(_ request: Request, prefix: String) async throws -> Response {
        let prefixParts = prefix.split(separator: "/").map(String.init)
        let parts = request.uri.path.split(separator: "/").map(String.init)
        guard parts.starts(with: prefixParts) else { throw HTTPError(.notFound) }
        let rest = Array(parts.dropFirst(prefixParts.count))
        let query = QueryParameters(request)
        let callback = try Self.callback(query)
        if rest == ["languages"] { return Self.json(Self.languages, callback: callback) }
        guard rest.count >= 3, rest[2] == "unit" else { throw HTTPError(.notFound) }
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
        let minimum = min(100, max(0, Self.integer(query, "min_similarity") ?? Self.defaultMinSimilarity))
        let asked = Self.integer(query, "max_candidates") ?? Self.defaultMaxCandidates
        let maximum = asked < 1 ? Self.defaultMaxCandidates : min(asked, TranslationMemory.maximumLimit)
        guard let source = Self.language(rest[0]), let target = Self.language(rest[1]), source != target, !text.allSatisfy(\.isWhitespace)
        else { return Self.json("[]", callback: callback) }
        let result = try await BlockingWork.run { try memory.search(text, from: source, minScore: minimum, limit: maximum) }
        return Self.json(Self.encode(result.matches, source: source), callback: callback)
    }

    /// An integer parameter as amaGama reads it: anything that is not an integer is as if it were absent.
    private static func integer(_ query: QueryParameters, _ name: String) -> Int? {
        (try? query.decoded(name)).flatMap { $0.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
    }

    /// A JSONP callback name: letters, digits, `_`, `$` and `.` only, so that it cannot inject script.
    private static func callback(_ query: QueryParameters) throws -> String? {
        guard let name = try query.decoded("jsoncallback"), !name.isEmpty else { return nil }
        let allowed = name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_$.".unicodeScalars.contains($0))
        }
        guard allowed, name.count <= 100 else {
            throw TMError.invalidInput(field: "jsoncallback", message: "a callback name is letters, digits, _, $ and . (at most 100)")
        }
        return name
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

    private static func json(_ body: String, callback: String?) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "application/json; charset=utf-8", .accessControlAllowOrigin: "*", .cacheControl: "max-age=3600, public",
            ],
            body: .init(byteBuffer: ByteBuffer(string: callback.map { "\($0)(\(body))" } ?? body)))
    }
}
