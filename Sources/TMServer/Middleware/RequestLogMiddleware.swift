import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// One structured log line per request (method, path, status, duration, request id), the request id in
/// an `X-Request-Id` header, and the request counted in the metrics.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics
    /// Labels metrics by the operation's documented path.
    let table: APITable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        let id = context.logger[metadataKey: "hb.request.id"]?.description ?? UUID().uuidString
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            // The error middleware inside answers every error; this only runs if something slipped past it.
            response = try APIError(error).response(from: request, context: context)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        if let field = requestIDField { response.headers[field] = id }
        let route = table.operation(for: request)?.path ?? table.matching(path: request.uri.path).first?.path ?? "unmatched"
        metrics.record(method: request.method.rawValue, route: route, status: response.status.code, seconds: seconds)
        context.logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)", "path": "\(request.uri.path)", "status": "\(response.status.code)",
                "duration_ms": "\(String(format: "%.2f", seconds * 1000))", "request_id": "\(id)",
            ])
        return response
    }
}

private let requestIDField = HTTPField.Name("X-Request-Id")
