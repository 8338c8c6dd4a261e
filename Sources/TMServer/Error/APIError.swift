import Glossary
import Hummingbird

/// An error as the API reports it: a status and `{"error":{"code","message","field"}}`.
///
/// Every error a route can throw ends up here, mapped once by `APIError.init(_:)`.
public struct APIError: Error, HTTPResponseError, Sendable {
    public let status: HTTPResponse.Status
    public let code: String
    public let message: String
    public let field: String?
    /// For a 409: the stored entries the request collides with.
    public let existing: [Term]?

    public init(status: HTTPResponse.Status, code: String, message: String, field: String? = nil, existing: [Term]? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.existing = existing
    }

    /// The API form of any error: library errors by their case, Hummingbird's by their status, anything
    /// else as an internal error (a bug, logged by the caller with the request id).
    init(_ error: any Error) {
        switch error {
        case let error as APIError:
            self = error
        case let error as TMError:
            var existing: [Term]? = nil
            if case .conflict(_, let terms) = error { existing = terms }
            self.init(status: Self.status(of: error), code: error.code, message: error.description, field: error.field, existing: existing)
        case let error as HTTPError:
            self.init(status: error.status, code: Self.code(of: error.status), message: error.body ?? error.status.reasonPhrase)
        case let error as any HTTPResponseError:
            self.init(status: error.status, code: Self.code(of: error.status), message: error.status.reasonPhrase)
        default:
            self.init(status: .internalServerError, code: "internal", message: "internal error")
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try context.responseEncoder.encode(
            Body(error: .init(code: code, message: message, field: field, existing: existing)), from: request, context: context)
        response.status = status
        return response
    }

    private struct Body: Encodable {
        struct Detail: Encodable {
            let code: String
            let message: String
            let field: String?
            let existing: [Term]?
        }
        let error: Detail
    }

    private static func status(of error: TMError) -> HTTPResponse.Status {
        switch error {
        case .invalidInput: .badRequest
        case .badFile: .unprocessableContent
        case .notFound: .notFound
        case .tooLarge: .contentTooLarge
        case .storage: .internalServerError
        case .conflict: .conflict
        case .storageFull: HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage")
        case .tooBroad: .unprocessableContent
        case .unavailable: .serviceUnavailable
        }
    }

    private static func code(of status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "not_found"
        case .methodNotAllowed: "method_not_allowed"
        case .contentTooLarge: "too_large"
        case .badRequest: "invalid_input"
        case .unauthorized: "unauthorized"
        case .forbidden: "forbidden"
        case .unsupportedMediaType: "unsupported_media_type"
        case .requestHeaderFieldsTooLarge: "headers_too_large"
        default: status.code >= 500 ? "internal" : "http_\(status.code)"
        }
    }
}
