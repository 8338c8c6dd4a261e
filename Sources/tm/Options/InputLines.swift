import Foundation

/// The items a command works on: its arguments, or else the lines of standard input, one item each.
enum InputLines {
    /// Calls `body` for each argument, or for each line of stdin when there are none, in order.
    static func forEach(arguments: [String], _ body: (String) throws -> Void) throws {
        if !arguments.isEmpty {
            for argument in arguments { try body(argument) }
            return
        }
        while let line = readLine(strippingNewline: true) {
            try body(line.hasSuffix("\r") ? String(line.dropLast()) : line)
        }
    }
}
