import Glossary
import Hummingbird
import Logging

/// The HTTP API of tm: routes over the `Glossary` library, with JSON errors.
public enum TMApplication {
    /// The router with every route; tests drive it in process.
    public static func router(store: TMStore, glossary: TermGlossary, memory: TranslationMemory) -> Router<TMRequestContext> {
        let router = Router(context: TMRequestContext.self)
        router.add(middleware: ErrorMiddleware())
        HealthRoutes(store: store).register(on: router)
        RomanizeRoutes().register(on: router)
        GlossaryRoutes(glossary: glossary).register(on: router)
        MemoryRoutes(memory: memory).register(on: router)
        AmaGamaRoutes(memory: memory).register(on: router)
        return router
    }

    /// The application listening on `host:port` (port 0 picks a free one); `onRunning` gets the bound port.
    public static func application(
        store: TMStore, glossary: TermGlossary, memory: TranslationMemory, host: String, port: Int, logger: Logger,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(store: store, glossary: glossary, memory: memory),
            configuration: .init(address: .hostname(host, port: port), serverName: "tm/\(TMVersion.current)"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger
        )
    }
}
