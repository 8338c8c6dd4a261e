import Hummingbird

/// One operation of the API declared once: its description (what `/openapi.json` says, who may call it, whether it
/// times out, its metrics label, the 405 answer's `Allow`) and the handler that answers it. `TMApplication` registers
/// every route from this declaration and nothing else.
struct APIRoute: Sendable {
    let operation: APIOperation
    /// The path given to Hummingbird when it differs from the documented one (the amaGama routes share one
    /// catch-all, since a text may hold unescaped slashes).
    let registeredPath: String
    let handler: @Sendable (Request, TMRequestContext) async throws -> Response

    init<Output: ResponseGenerator>(
        _ operation: APIOperation, registeredAt registeredPath: String? = nil,
        handler: @escaping @Sendable (Request, TMRequestContext) async throws -> Output
    ) {
        self.operation = operation
        self.registeredPath = registeredPath ?? operation.path
        self.handler = { request, context in try await handler(request, context).response(from: request, context: context) }
    }
}

/// The operations of the API, for the middleware that needs to know which one a request asks for.
struct APITable: Sendable {
    let operations: [APIOperation]

    /// The operations whose path pattern matches a concrete path, any method.
    func matching(path: String) -> [APIOperation] {
        operations.filter { $0.matches(path: path) }
    }

    /// The operation a request asks for, if the API has it.
    func operation(for request: Request) -> APIOperation? {
        matching(path: request.uri.path).first { $0.method == request.method }
    }
}
