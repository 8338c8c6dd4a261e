import Glossary
import HTTPTypes
import Hummingbird

/// Guards the routes that write (registered in its group by `TMApplication`).
///
/// - With a token: `Authorization: Bearer TOKEN` (401 without one, 403 with a wrong one).
/// - Without a token: refused (403) when a browser says another site sent the request (`Sec-Fetch-Site` other than
///   same-origin or none, or an `Origin` that is not this host); programs such as curl send neither.
///
/// `/v1/align` writes only with `"add": true`; its handler calls `check(_:token:)` then.
struct WriteAccessMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try Self.check(request, token: token)
        return try await next(request, context)
    }

    /// Throws unless the request may write: the token when the server has one, else no sign of another site.
    static func check(_ request: Request, token: String?) throws {
        guard let token else {
            try checkSameOrigin(request)
            return
        }
        guard let header = request.headers[.authorization] else {
            throw APIError(status: .unauthorized, code: "unauthorized", message: "this write needs Authorization: Bearer TOKEN")
        }
        let prefix = "Bearer "
        let given = header.hasPrefix(prefix) ? String(header.dropFirst(prefix.count)) : ""
        guard constantTimeEqual(Array(given.utf8), Array(token.utf8)) else {
            throw APIError(status: .forbidden, code: "forbidden", message: "the bearer token is wrong")
        }
    }

    private static func checkSameOrigin(_ request: Request) throws {
        let refusal = APIError(
            status: .forbidden, code: "cross_site",
            message: "a page of another site may not write to a server without a token; give the server a token (--token)")
        if let field = secFetchSite, let site = request.headers[field]?.lowercased(), site != "same-origin", site != "none" { throw refusal }
        if let origin = request.headers[.origin] {
            // An Origin is scheme://host[:port]; a same-origin request names the Host it was sent to.
            let authority = origin.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init)
            guard let authority, let host = HostMiddleware<Context>.requestHost(request), authority.lowercased() == host.lowercased() else {
                throw refusal
            }
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

private let secFetchSite = HTTPField.Name("Sec-Fetch-Site")
