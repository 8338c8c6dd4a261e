import Glossary
import Hummingbird
import Logging

/// The HTTP API of tm: routes over the `Glossary` library, with JSON errors.
public enum TMApplication {
    /// The router with every route; tests drive it in process.
    ///
    /// Every route is registered from its `APIRoute` declaration. Middleware, outermost first: the request log (id,
    /// status, duration, metrics) sees the final answer; errors become JSON (and 405s); a Host not served is a 421.
    /// Then by group: writes are checked for the token (or for another site's page), reads that time out are cut off
    /// after `options.timeout`.
    public static func router(
        store: any Store, glossary: TermGlossary, memory: TranslationMemory, options: ServerOptions = ServerOptions()
    ) -> Router<TMRequestContext> {
        let metrics = ServerMetrics()
        let routes = routes(store: store, glossary: glossary, memory: memory, options: options, metrics: metrics)
        let table = APITable(operations: routes.map(\.operation))
        let router = Router(context: TMRequestContext.self)
        router.add(middleware: RequestLogMiddleware(metrics: metrics, table: table))
        router.add(middleware: ErrorMiddleware(table: table))
        router.add(middleware: HostMiddleware(publicHosts: options.publicHosts))
        let writes = router.group().add(middleware: WriteAccessMiddleware(token: options.token))
        let timedReads = router.group().add(middleware: TimeoutMiddleware(timeout: options.timeout))
        let others = router.group()
        var registered: Set<String> = []
        for route in routes where registered.insert("\(route.operation.method) \(route.registeredPath)").inserted {
            let group =
                switch route.operation.access {
                case .write: writes
                case .read where route.operation.timesOut: timedReads
                default: others
                }
            group.on(RouterPath(route.registeredPath), method: route.operation.method, use: route.handler)
        }
        return router
    }

    /// Every route of the API, in the order `/openapi.json` lists them.
    static func routes(
        store: any Store, glossary: TermGlossary, memory: TranslationMemory, options: ServerOptions, metrics: ServerMetrics = ServerMetrics()
    ) -> [APIRoute] {
        let routes =
            WebRoutes().routes + HealthRoutes(store: store).routes + RomanizeRoutes().routes
            + GlossaryRoutes(glossary: glossary, importLimit: options.maxImportBody).routes
            + MemoryRoutes(memory: memory, importLimit: options.maxImportBody).routes
            + AlignRoutes(
                aligner: LazyAligner(glossary: glossary, memory: memory), memory: memory, token: options.token, bodyLimit: options.maxImportBody
            )
            .routes
            + DocumentRoutes(analyzer: DocumentAnalyzer(memory: memory, glossary: glossary), bodyLimit: options.maxImportBody).routes
            + AmaGamaRoutes(memory: memory).routes
        let document = OpenAPIDocument.json(for: routes.map(\.operation) + ServiceRoutes.operations)
        return routes + ServiceRoutes(store: store, metrics: metrics, document: document).routes
    }

    /// The application listening on `host:port` (port 0 picks a free one); `onRunning` gets the bound port.
    public static func application(
        store: any Store, glossary: TermGlossary, memory: TranslationMemory, options: ServerOptions = ServerOptions(), host: String, port: Int,
        logger: Logger,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(store: store, glossary: glossary, memory: memory, options: options),
            server: .http1(
                configuration: .init(
                    additionalChannelHandlers: [ParseErrorResponder()],
                    idleTimeout: .nanoseconds(
                        Int64(options.headerTimeout.components.seconds) * 1_000_000_000
                            + options.headerTimeout.components.attoseconds / 1_000_000_000))),
            configuration: .init(address: .hostname(host, port: port), serverName: "tm/\(TMVersion.current)"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger
        )
    }
}
