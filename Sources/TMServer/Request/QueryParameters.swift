import Glossary
import Hummingbird

/// Typed access to a request's query string; a bad value is a 400 that names the parameter.
struct QueryParameters {
    let request: Request

    init(_ request: Request) {
        self.request = request
    }

    /// The value of `name`, or nil when it is absent.
    func optional(_ name: String) -> String? {
        request.uri.queryParameters.get(name)
    }

    /// The value of `name`; absent or empty is an error.
    func required(_ name: String) throws(TMError) -> String {
        guard let value = optional(name), !value.isEmpty else {
            throw .invalidInput(field: name, message: "the parameter '\(name)' is required and must not be empty")
        }
        return value
    }

    /// A value from a fixed set, such as `system=rr`.
    func choice<Value: RawRepresentable & CaseIterable>(_ name: String, default defaultValue: Value) throws(TMError) -> Value
    where Value.RawValue == String {
        guard let raw = optional(name) else { return defaultValue }
        guard let value = Value(rawValue: raw) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidInput(field: name, message: "unknown value '\(raw)' (expected one of \(allowed))")
        }
        return value
    }

    /// A boolean: `true`/`false`, `1`/`0`, or the bare name (`?variants`) for true.
    func flag(_ name: String, default defaultValue: Bool = false) throws(TMError) -> Bool {
        guard let raw = optional(name) else { return defaultValue }
        switch raw.lowercased() {
        case "", "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw .invalidInput(field: name, message: "expected true or false, got '\(raw)'")
        }
    }
}
