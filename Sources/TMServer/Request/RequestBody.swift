import Foundation
import Glossary
import Hummingbird

/// Reading request bodies with a size cap, strict UTF-8 and errors that name the field at fault.
enum RequestBody {
    /// Bodies of ordinary requests are capped at 1 MiB; imports pass their own cap (`--max-body`).
    static let defaultLimit = 1 << 20

    /// The raw bytes, up to `limit` (413 beyond).
    static func bytes(_ request: Request, limit: Int = defaultLimit) async throws -> [UInt8] {
        var buffer = try await request.body.collect(upTo: limit)
        return buffer.readBytes(length: buffer.readableBytes) ?? []
    }

    /// The body written to a new temporary file, up to `limit` bytes (413 beyond), so that an import reads it as a
    /// stream instead of holding it in memory. The caller removes the file's folder (`removeSpool(_:)`).
    static func spool(_ request: Request, limit: Int) async throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("body")
        do {
            guard FileManager.default.createFile(atPath: file.path, contents: nil) else { throw TMError.storage("cannot write \(file.path)") }
            let handle = try FileHandle(forWritingTo: file)
            defer { try? handle.close() }
            var total = 0
            for try await buffer in request.body {
                total += buffer.readableBytes
                guard total <= limit else { throw HTTPError(.contentTooLarge) }
                try handle.write(contentsOf: buffer.readableBytesView)
            }
            return file
        } catch {
            removeSpool(file)
            throw error
        }
    }

    /// Removes a file `spool` wrote, and its folder.
    static func removeSpool(_ file: URL) {
        try? FileManager.default.removeItem(at: file.deletingLastPathComponent())
    }

    /// The body decoded as JSON; a body not sent as `application/json` is a 415 (a web page elsewhere can send
    /// text/plain without asking first, never JSON); malformed JSON, invalid UTF-8 and wrong types are 400s naming
    /// the field.
    static func json<Value: Decodable>(_ type: Value.Type, from request: Request, limit: Int = defaultLimit) async throws -> Value {
        try requireJSON(request)
        return try decodeJSON(type, from: try await bytes(request, limit: limit))
    }

    /// Throws 415 unless the request says its body is JSON (`application/json`, or a `+json` type).
    static func requireJSON(_ request: Request) throws {
        let given = request.headers[.contentType] ?? ""
        let type = given.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard type == "application/json" || (type.hasPrefix("application/") && type.hasSuffix("+json")) else {
            throw APIError(
                status: .unsupportedMediaType, code: "unsupported_media_type",
                message: given.isEmpty
                    ? "send the body with Content-Type: application/json"
                    : "the body must be sent as application/json, not \(given)")
        }
    }

    /// Bytes decoded as JSON, with the errors of `json(_:from:limit:)`.
    static func decodeJSON<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws -> Value {
        do {
            _ = try Normalizer.decodeUTF8(bytes)
        } catch {
            throw TMError.invalidInput(field: nil, message: "the body is not valid UTF-8: \(error.description)")
        }
        guard !JSONDepth.exceedsLimit(bytes) else {
            throw TMError.invalidInput(field: nil, message: "the JSON nests deeper than \(JSONDepth.limit) levels")
        }
        do {
            return try JSONDecoder().decode(Value.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw TMError.invalidInput(field: field(of: error), message: message(of: error))
        } catch let error as TMError {
            throw error
        } catch {
            throw TMError.invalidInput(field: nil, message: "the body is not valid JSON")
        }
    }

    private static func field(of error: DecodingError) -> String? {
        let path: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): path = context.codingPath
        @unknown default: path = []
        }
        let names = path.map { $0.intValue.map(String.init) ?? $0.stringValue }
        return names.isEmpty ? nil : names.joined(separator: ".")
    }

    private static func message(of error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "the field '\(key.stringValue)' is required"
        case .typeMismatch(let type, _): "expected \(describe(type))"
        case .valueNotFound(let type, _): "expected \(describe(type)), found null"
        case .dataCorrupted(let context):
            context.codingPath.isEmpty ? "the body is not valid JSON" : context.debugDescription
        @unknown default: "the body does not have the expected shape"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [String].Type: "an array of strings"
        default: "a value of another type"
        }
    }
}
