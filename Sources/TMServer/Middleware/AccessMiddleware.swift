import Glossary
import HTTPTypes
import Hummingbird

/// Who may ask what.
///
/// - Every request: a `Host` that is not a loopback name or address (nor one of `--public-host`) is a 421, so a
///   page on a rebound DNS name cannot reach the server through a visitor's browser.
/// - Writes, with a token: `Authorization: Bearer TOKEN` (401 without one, 403 with a wrong one).
/// - Writes, without a token: refused (403) when a browser says another site sent them (`Sec-Fetch-Site` other than
///   same-origin or none, or an `Origin` that is not this host); programs such as curl send neither.
///
/// Which requests write comes from `APIOperations`; `/v1/align` writes only with `"add": true`, and checks that
/// itself with `checkWrite(_:token:)`.
struct AccessMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String?
    let publicHosts: [String]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try Self.checkHost(request, publicHosts: publicHosts)
        if APIOperations.operation(for: request)?.access == .write { try Self.checkWrite(request, token: token) }
        return try await next(request, context)
    }

    /// Throws 421 unless the request's `Host` is served here.
    static func checkHost(_ request: Request, publicHosts: [String]) throws {
        // HTTP/1.0 clients may send no Host; no browser does.
        guard let authority = requestHost(request), !authority.isEmpty else { return }
        let host = Self.hostName(of: authority)
        if Self.isLoopback(host) || publicHosts.contains("*") || publicHosts.contains(where: { $0.lowercased() == host }) { return }
        throw APIError(
            status: .misdirectedRequest, code: "unknown_host",
            message: "this server does not answer for the host '\(host)'; start it with --public-host \(host) to allow that name")
    }

    /// Throws unless the request may write: the token when the server has one, else no sign of another site.
    static func checkWrite(_ request: Request, token: String?) throws {
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
        if let site = request.headers[secFetchSite]?.lowercased(), site != "same-origin", site != "none" { throw refusal }
        if let origin = request.headers[.origin] {
            // An Origin is scheme://host[:port]; a same-origin request names the Host it was sent to.
            let authority = origin.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init)
            guard let authority, let host = requestHost(request), authority.lowercased() == host.lowercased() else { throw refusal }
        }
    }

    /// The `Host` the client asked for: HTTP/1 turns the Host header into the request's authority.
    static func requestHost(_ request: Request) -> String? {
        request.headers[hostField] ?? request.head.authority
    }

    /// `name` from `name:port`, `[::1]` from `[::1]:port`, lower case.
    static func hostName(of authority: String) -> String {
        let lowered = authority.lowercased()
        if lowered.hasPrefix("["), let end = lowered.firstIndex(of: "]") { return String(lowered[...end]) }
        return lowered.split(separator: ":", maxSplits: 1).first.map(String.init) ?? lowered
    }

    /// localhost and its subdomains, 127.0.0.0/8, ::1.
    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host.hasSuffix(".localhost") || host == "[::1]" || host == "::1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
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

private let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
private let hostField = HTTPField.Name("Host")!
