import Hummingbird
import Logging

/// Turns every error a route throws, the router's own 404 included, into the API's JSON error body. A path
/// the API serves asked with another method is a 405 with an `Allow` header, not a 404.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let table: APITable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = table.matching(path: request.uri.path).map(\.method)
            guard !allowed.isEmpty, !allowed.contains(request.method) else {
                return try APIError(error).response(from: request, context: context)
            }
            let methods = Set(allowed.map(\.rawValue)).sorted().joined(separator: ", ")
            var response = try APIError(
                status: .methodNotAllowed, code: "method_not_allowed", message: "\(request.method.rawValue) is not allowed here; use \(methods)"
            ).response(from: request, context: context)
            response.headers[.allow] = methods
            return response
        } catch {
            let apiError = APIError(error)
            if apiError.status.code >= 500 {
                let id = context.logger[metadataKey: "hb.request.id"]?.description ?? "-"
                context.logger.error(
                    "request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)", "request_id": "\(id)"])
            }
            return try apiError.response(from: request, context: context)
        }
    }
}
