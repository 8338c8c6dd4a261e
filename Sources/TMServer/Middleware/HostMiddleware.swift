import Glossary
import HTTPTypes
import Hummingbird

/// Refuses (421) every request whose `Host` is not a loopback name or address nor one the server was told to answer
/// for (`--public-host`, the `--host` it listens on): a page on a DNS name rebound to 127.0.0.1 sends its own name,
/// so it cannot reach the memory through a visitor's browser.
struct HostMiddleware<Context: RequestContext>: RouterMiddleware {
    let publicHosts: [String]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try Self.checkHost(request, publicHosts: publicHosts)
        return try await next(request, context)
    }

    /// Throws 421 unless the request's `Host` is served here.
    static func checkHost(_ request: Request, publicHosts: [String]) throws {
        // HTTP/1.0 clients may send no Host; no browser does.
        guard let authority = Self.requestHost(request), !authority.isEmpty else { return }
        let host = Self.hostName(of: authority)
        if ServerOptions.isLoopback(host) || publicHosts.contains("*") || publicHosts.contains(where: { $0.lowercased() == host }) { return }
        throw APIError(
            status: .misdirectedRequest, code: "unknown_host",
            message: "this server does not answer for the host '\(host)'; start it with --public-host \(host) to allow that name")
    }

    /// The `Host` the client asked for: HTTP/1 turns the Host header into the request's authority.
    static func requestHost(_ request: Request) -> String? {
        hostField.flatMap { request.headers[$0] } ?? request.head.authority
    }

    /// `name` from `name:port`, `[::1]` from `[::1]:port`, lower case.
    static func hostName(of authority: String) -> String {
        let lowered = authority.lowercased()
        if lowered.hasPrefix("["), let end = lowered.firstIndex(of: "]") { return String(lowered[...end]) }
        return lowered.split(separator: ":", maxSplits: 1).first.map(String.init) ?? lowered
    }

}

private let hostField = HTTPField.Name("Host")
