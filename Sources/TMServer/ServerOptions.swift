/// How the server guards itself: who may write, which host names it answers to, how much a request may send, how
/// long it may run.
public struct ServerOptions: Sendable {
    /// The bearer token writes need; nil leaves writes open to this machine (the server then listens on loopback
    /// only, and refuses writes that a web page of another origin sends).
    public var token: String?
    /// Host names (the `Host` header, port ignored) answered besides loopback names and addresses: a request for
    /// any other name is refused, so a DNS-rebinding page cannot read the memory. "*" accepts every name.
    public var publicHosts: [String]
    /// The largest import body, in bytes; other bodies are capped at 1 MiB.
    public var maxImportBody: Int
    /// A read still running after this long is answered with 503 (amaGama reads excepted). Writes always answer
    /// with their real result.
    public var timeout: Duration
    /// A connection that has not sent a whole request head this long after opening or after its last answer is
    /// closed (a slow or idle client cannot hold a connection open).
    public var headerTimeout: Duration

    /// localhost and its subdomains, 127.0.0.0/8, ::1 (bare or bracketed): names and addresses only this machine
    /// reaches. `tm serve` binds without a token only to these; the Host check accepts them always.
    public static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased()
        if host == "localhost" || host.hasSuffix(".localhost") || host == "[::1]" || host == "::1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    public init(
        token: String? = nil, publicHosts: [String] = [], maxImportBody: Int = 64 << 20, timeout: Duration = .seconds(30),
        headerTimeout: Duration = .seconds(10)
    ) {
        self.token = token
        self.publicHosts = publicHosts
        self.maxImportBody = maxImportBody
        self.timeout = timeout
        self.headerTimeout = headerTimeout
    }
}
