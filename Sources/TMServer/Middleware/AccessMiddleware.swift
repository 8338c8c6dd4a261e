import Glossary
import Hummingbird

/// Writes need `Authorization: Bearer TOKEN` when the server has a token: 401 without one, 403 with a wrong
/// one. Which requests write comes from `APIOperations`; `/v1/align` writes only with `"add": true`, and
/// checks that itself with `check(_:)`.
struct AccessMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let writes = APIOperations.matching(path: request.uri.path).contains { $0.method == request.method && $0.writes }
        if writes { try Self.check(request, token: token) }
        return try await next(request, context)
    }

    /// Throws 401 or 403 unless the request carries the server's token (or the server has none).
    static func check(_ request: Request, token: String?) throws {
        guard let token else { return }
        guard let header = request.headers[.authorization] else {
            throw APIError(status: .unauthorized, code: "unauthorized", message: "this write needs Authorization: Bearer TOKEN")
        }
        let prefix = "Bearer "
        let given = header.hasPrefix(prefix) ? String(header.dropFirst(prefix.count)) : ""
        guard constantTimeEqual(Array(given.utf8), Array(token.utf8)) else {
            throw APIError(status: .forbidden, code: "forbidden", message: "the bearer token is wrong")
        }
    }

    /// Compares without returning early, so the time taken does not tell how much of a guess was right.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        for index in 0..<max(a.count, b.count) {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            difference |= x ^ y
        }
        return difference == 0
    }
}
