/// How deeply a JSON text nests, found by a scan over its bytes before any parser sees it.
///
/// Foundation's JSON scanner traps (killing the process) past 512 levels; no body of this API nests more than
/// four, so a body deeper than `limit` is refused as bad input first.
enum JSONDepth {
    /// The deepest a request body may nest.
    static let limit = 32

    /// Whether `bytes` nest arrays and objects deeper than `limit`, counting only brackets outside strings.
    static func exceedsLimit(_ bytes: [UInt8], limit: Int = limit) -> Bool {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > limit { return true }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return false
    }
}
