import Glossary
import Hummingbird

extension Parameters {
    /// The `{id}` path parameter as a whole number; anything else is a 400 naming the field.
    func id(of what: String) throws(TMError) -> Int64 {
        guard let id = get("id", as: Int64.self) else {
            throw .invalidInput(field: "id", message: "a \(what) id is a whole number")
        }
        return id
    }
}
