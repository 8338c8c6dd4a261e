import Foundation
import Glossary

/// Whole texts read from standard input or a file, refusing invalid UTF-8.
enum InputText {
    static func readAll() throws -> String {
        try decode(FileHandle.standardInput.readDataToEndOfFile(), name: "standard input")
    }

    static func read(path: String) throws -> String {
        try decode(bytes(path: path), name: path)
    }

    static func bytes(path: String) throws(TMError) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .notFound("the file \(path) (missing or unreadable)")
        }
        return data
    }

    private static func decode(_ data: Data, name: String) throws(TMError) -> String {
        do {
            return try Normalizer.decodeUTF8(data)
        } catch {
            throw .badFile(name: name, line: nil, message: error.description)
        }
    }
}
