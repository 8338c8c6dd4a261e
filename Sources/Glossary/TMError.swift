/// The one error type of the library: what went wrong, in words a user can act on.
///
/// The server maps each case once to an HTTP status, the CLI once to an exit status; neither invents
/// messages of its own.
public enum TMError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input is malformed or out of range; `field` names the parameter when there is one.
    case invalidInput(field: String?, message: String)
    /// A file or body could be read but holds bad content; `line` is 1-based when known.
    case badFile(name: String, line: Int?, message: String)
    /// Something asked for does not exist.
    case notFound(String)
    /// The input is larger than the service accepts.
    case tooLarge(field: String?, message: String)
    /// The database failed; the message comes from SQLite.
    case storage(String)
    /// The new term shares its Hangul or its English with these stored ones: a homonym must be asked for.
    case conflict(message: String, existing: [Term])
    /// The disk (or the database's size limit) is full: nothing was written.
    case storageFull(String)
    /// A search would do more work than one request may ask for (a long query with a low minimum score).
    case tooBroad(field: String?, message: String)
    /// The database server cannot be reached (PostgreSQL down or restarting): try again; nothing was written.
    case unavailable(String)

    /// A short stable code for clients: `invalid_input`, `bad_file`, `not_found`, `too_large`, `storage`, `storage_full`,
    /// `too_broad`, `unavailable`.
    public var code: String {
        switch self {
        case .invalidInput: "invalid_input"
        case .badFile: "bad_file"
        case .notFound: "not_found"
        case .tooLarge: "too_large"
        case .storage: "storage"
        case .conflict: "conflict"
        case .storageFull: "storage_full"
        case .tooBroad: "too_broad"
        case .unavailable: "unavailable"
        }
    }

    /// The parameter or field at fault, when there is one.
    public var field: String? {
        switch self {
        case .invalidInput(let field, _), .tooLarge(let field, _), .tooBroad(let field, _): field
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .invalidInput(let field, let message): field.map { "\($0): \(message)" } ?? message
        case .badFile(let name, let line, let message): line.map { "\(name):\($0): \(message)" } ?? "\(name): \(message)"
        case .notFound(let what): "not found: \(what)"
        case .tooLarge(let field, let message): field.map { "\($0): \(message)" } ?? message
        case .storage(let message): "database error: \(message)"
        case .conflict(let message, _): message
        case .storageFull(let message): message
        case .tooBroad(let field, let message): field.map { "\($0): \(message)" } ?? message
        case .unavailable(let message): "database unavailable: \(message)"
        }
    }
}
