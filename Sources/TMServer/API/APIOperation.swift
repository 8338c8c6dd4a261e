import Hummingbird

/// What an operation of the API is: what `/openapi.json` documents, who may call it, whether it times out, and what
/// the 405 answer lists. Declared together with its handler as an `APIRoute` in `Routes/`.
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
    /// Whether it writes: a write needs the bearer token when the server has one, is refused from another site when
    /// it has none, and is never cut off by the timeout (it answers its real result).
    enum Access: Sendable {
        case read
        case write
        /// Writes only when the body asks (`/v1/align` with `"add": true`): the handler checks the token then.
        case writeWhenAsked
    }

    let access: Access

    /// Whether the operation may write.
    var mayWrite: Bool { access != .read }

    /// Reads are cut off after the server's `--timeout`; writes never are (they answer their real result), and
    /// neither are the amaGama reads (Weblate stops asking for half an hour after a 503).
    var timesOut: Bool { access == .read && !path.hasPrefix("/tmserver") }
    var parameters: [Parameter] = []
    /// The request body: a media type and a schema name from `OpenAPIDocument.schemas`, or a description.
    var body: (mediaType: String, schema: String)? = nil
    /// Status → (description, schema name or nil).
    var responses: [(status: Int, description: String, schema: String?)]

    /// `responses` and the answers every operation of its kind may give: 421 for a host not served, 415 for a JSON
    /// body not sent as JSON, 403 for a cross-site write and 507 for a full disk, 503 for a read past the timeout.
    var documentedResponses: [(status: Int, description: String, schema: String?)] {
        var all = responses
        func add(_ status: Int, _ description: String) {
            if !all.contains(where: { $0.status == status }) { all.append((status, description, "Error")) }
        }
        add(421, "The Host is not one this server answers for (see --public-host)")
        if body?.mediaType == "application/json" { add(415, "The body was not sent as application/json") }
        if mayWrite {
            add(403, "Wrong bearer token, or a write a page of another site sent to a server without a token")
            add(507, "The disk or the database is full; nothing was written")
        }
        if timesOut { add(503, "The read took longer than the server's --timeout") }
        return all
    }

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

extension APIOperation {
    static let json = "application/json"
    static let badRequest = (400, "Bad input: a JSON error naming the field", Optional("Error"))
    static let unauthorized = (401, "No bearer token (the server has one)", Optional("Error"))
    static let forbidden = (403, "Wrong bearer token", Optional("Error"))
    static let notFound = (404, "No such item", Optional("Error"))
    static let tooLarge = (413, "The body is over the limit", Optional("Error"))
    static let badFile = (422, "The file could be read but holds bad units; nothing was imported", Optional("Error"))
    static let writeErrors = [unauthorized, forbidden]
}

extension APIOperation.Parameter {
    static func query(_ name: String, _ type: String, _ description: String, required: Bool = false, values: [String] = []) -> Self {
        .init(name: name, location: .query, type: type, required: required, description: description, values: values)
    }

    static func path(_ name: String, _ type: String, _ description: String) -> Self {
        .init(name: name, location: .path, type: type, required: true, description: description)
    }
}
