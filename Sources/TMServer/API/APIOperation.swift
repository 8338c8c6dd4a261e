import Hummingbird

/// One operation of the API: what `/openapi.json` documents, what the access check reads, and what the
/// 405 answer lists. Routes are registered in `Routes/`; a test checks that both lists agree.
struct APIOperation: Sendable {
    enum Location: String, Sendable {
        case query
        case path
    }

    struct Parameter: Sendable {
        let name: String
        let location: Location
        let type: String
        let required: Bool
        let description: String
        var values: [String] = []
    }

    let method: HTTPRequest.Method
    /// The path with `{name}` captures, as registered (`/v1/segments/{id}`); `**` matches the rest.
    let path: String
    let summary: String
    /// Needs the bearer token when the server has one.
    let writes: Bool
    var parameters: [Parameter] = []
    /// The request body: a media type and a schema name from `OpenAPIDocument.schemas`, or a description.
    var body: (mediaType: String, schema: String)? = nil
    /// Status → (description, schema name or nil).
    var responses: [(status: Int, description: String, schema: String?)]

    /// The path's segments, for matching a concrete path.
    var pattern: [Substring] { path.split(separator: "/") }

    /// Whether a concrete (still percent-encoded) path is one this operation serves.
    func matches(path concrete: String) -> Bool {
        var wanted = pattern[...]
        var given = concrete.split(separator: "/")[...]
        while let next = wanted.popFirst() {
            if next == "**" { return !given.isEmpty }
            guard let part = given.popFirst() else { return false }
            if next.hasPrefix("{") || next == "*" { continue }
            if next != part { return false }
        }
        return given.isEmpty
    }
}

extension APIOperation.Parameter {
    static func query(_ name: String, _ type: String, _ description: String, required: Bool = false, values: [String] = []) -> Self {
        .init(name: name, location: .query, type: type, required: required, description: description, values: values)
    }

    static func path(_ name: String, _ type: String, _ description: String) -> Self {
        .init(name: name, location: .path, type: type, required: true, description: description)
    }
}
