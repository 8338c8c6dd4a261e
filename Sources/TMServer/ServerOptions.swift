/// How the server guards itself: who may write, how much a request may send, how long it may run.
public struct ServerOptions: Sendable {
    /// The bearer token writes need; nil leaves writes open (and the server then listens on loopback only).
    public var token: String?
    /// The largest import body, in bytes; other bodies are capped at 1 MiB.
    public var maxImportBody: Int
    /// A request still running after this long is answered with 503 (amaGama reads excepted).
    public var timeout: Duration

    public init(token: String? = nil, maxImportBody: Int = 64 << 20, timeout: Duration = .seconds(30)) {
        self.token = token
        self.maxImportBody = maxImportBody
        self.timeout = timeout
    }
}
