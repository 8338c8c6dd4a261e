import Glossary
import Hummingbird

/// Typed access to a request's query string; a bad value is a 400 that names the parameter.
///
/// Decoded as HTML forms and curl's `--data-urlencode` encode it: `+` is a space, `%2B` a plus sign.
struct QueryParameters {
    private let values: [String: String]

    init(_ request: Request) {
        var values: [String: String] = [:]
        for pair in (request.uri.query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            // The first occurrence wins; a value that does not decode (bad escapes, invalid UTF-8) is kept
            // as a marker that `optional` reports.
            if values[name] == nil { values[name] = value ?? Self.undecodable }
        }
        self.values = values
    }

    /// The value of `name`, or nil when it is absent.
    func optional(_ name: String) -> String? {
        values[name]
    }

    /// The value of `name`, or nil when absent; an undecodable value is an error naming the parameter.
    func decoded(_ name: String) throws(TMError) -> String? {
        guard let value = values[name] else { return nil }
        guard value != Self.undecodable else {
            throw .invalidInput(field: name, message: "the parameter '\(name)' is not valid percent-encoded UTF-8")
        }
        return value
    }

    private static let undecodable = "\u{FFFF}undecodable"

    private static func decode(_ part: Substring) -> String? {
        PercentDecoding.decode(part, plusIsSpace: true)
    }

    /// The value of `name`; absent or empty is an error.
    func required(_ name: String) throws(TMError) -> String {
        guard let value = try decoded(name), !value.isEmpty else {
            throw .invalidInput(field: name, message: "the parameter '\(name)' is required and must not be empty")
        }
        return value
    }

    /// A value from a fixed set, such as `system=rr`.
    func choice<Value: RawRepresentable & CaseIterable>(_ name: String, default defaultValue: Value) throws(TMError) -> Value
    where Value.RawValue == String {
        guard let raw = try decoded(name) else { return defaultValue }
        guard let value = Value(rawValue: raw) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidInput(field: name, message: "unknown value '\(raw)' (expected one of \(allowed))")
        }
        return value
    }

    /// A value from a fixed set, or nil when absent.
    func optionalChoice<Value: RawRepresentable & CaseIterable>(_ name: String) throws(TMError) -> Value? where Value.RawValue == String {
        guard let raw = try decoded(name) else { return nil }
        guard let value = Value(rawValue: raw) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidInput(field: name, message: "unknown value '\(raw)' (expected one of \(allowed))")
        }
        return value
    }

    /// A whole number; anything else (`min=abc`, `limit=2.5`) is an error, never ignored.
    func integer(_ name: String, default defaultValue: Int) throws(TMError) -> Int {
        guard let raw = try decoded(name) else { return defaultValue }
        guard let value = Int(raw) else { throw .invalidInput(field: name, message: "expected a whole number, got '\(raw)'") }
        return value
    }

    /// A boolean: `true`/`false`, `1`/`0`, or the bare name (`?variants`) for true.
    func flag(_ name: String, default defaultValue: Bool = false) throws(TMError) -> Bool {
        guard let raw = try decoded(name) else { return defaultValue }
        switch raw.lowercased() {
        case "", "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw .invalidInput(field: name, message: "expected true or false, got '\(raw)'")
        }
    }
}
