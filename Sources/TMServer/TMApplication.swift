import Glossary
import Hummingbird
import Logging

/// The HTTP API of tm: routes over the `Glossary` library, with JSON errors.
public enum TMApplication {
    /// The router with every route; tests drive it in process.
    ///
    /// Middleware, outermost first: the request log (id, status, duration, metrics) sees the final answer;
    /// errors become JSON (and 405s); writes are checked for the token; slow requests time out.
    public static func router(
        store: TMStore, glossary: TermGlossary, memory: TranslationMemory, options: ServerOptions = ServerOptions()
    ) -> Router<TMRequestContext> {
        let router = Router(context: TMRequestContext.self)
        let metrics = ServerMetrics()
        router.add(middleware: RequestLogMiddleware(metrics: metrics))
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: AccessMiddleware(token: options.token, publicHosts: options.publicHosts))
        router.add(middleware: TimeoutMiddleware(timeout: options.timeout))
        WebRoutes().register(on: router)
        HealthRoutes(store: store).register(on: router)
        ServiceRoutes(store: store, metrics: metrics).register(on: router)
        RomanizeRoutes().register(on: router)
        GlossaryRoutes(glossary: glossary, importLimit: options.maxImportBody).register(on: router)
        MemoryRoutes(memory: memory, importLimit: options.maxImportBody).register(on: router)
        AmaGamaRoutes(memory: memory).register(on: router)
        AlignRoutes(aligner: LazyAligner(glossary: glossary, memory: memory), memory: memory, token: options.token, bodyLimit: options.maxImportBody)
            .register(on: router)
        return router
    }

    /// The application listening on `host:port` (port 0 picks a free one); `onRunning` gets the bound port.
    public static func application(
        store: TMStore, glossary: TermGlossary, memory: TranslationMemory, options: ServerOptions = ServerOptions(), host: String, port: Int,
        logger: Logger,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(store: store, glossary: glossary, memory: memory, options: options),
            server: .http1(
                configuration: .init(
                    additionalChannelHandlers: [ParseErrorResponder()],
                    idleTimeout: .nanoseconds(Int64(options.headerTimeout.components.seconds) * 1_000_000_000
                        + options.headerTimeout.components.attoseconds / 1_000_000_000))),
            configuration: .init(address: .hostname(host, port: port), serverName: "tm/\(TMVersion.current)"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger
        )
    }
}
