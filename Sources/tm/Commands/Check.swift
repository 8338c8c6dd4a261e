import ArgumentParser
import Foundation
import Glossary

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check an English draft for names not spelled by house style.",
        discussion: """
            Prints FILE:LINE:COLUMN: found → house form, one line per issue, and exits with status 1 when there \
            are any (like a linter). With no FILE, reads standard input.
            """
    )

    @OptionGroup var glossary: GlossaryOptions

    @Flag(help: "Print one JSON object: {\"issues\":[…],\"corrected\":…}.")
    var json = false

    @Argument(help: "The draft to check.")
    var file: String?

    func run() throws {
        let glossary = try self.glossary.open()
        let text = try file.map(InputText.read(path:)) ?? InputText.readAll()
        let result = try glossary.check(text)
        let output = StandardOutput()
        if json {
            output.line(try JSONLines.encode(result))
        } else {
            let positions = LinePositions(text)
            for issue in result.issues {
                let (line, column) = positions.lineAndColumn(ofScalar: issue.start)
                let also =
                    issue.ambiguous
                    ? " or \(issue.alternatives.joined(separator: " or ")) (ambiguous)"
                    : issue.alternatives.isEmpty ? "" : " (or \(issue.alternatives.joined(separator: ", ")))"
                output.line("\(file ?? "-"):\(line):\(column): \(issue.found) → \(issue.house)\(also)")
            }
        }
        output.flush()
        if !result.issues.isEmpty { throw ExitCode(1) }
    }
}

/// 1-based line and column of a scalar offset, for messages an editor can jump to.
struct LinePositions {
    private var lineStarts: [Int] = [0]

    init(_ text: String) {
        for (offset, scalar) in text.unicodeScalars.enumerated() where scalar == "\n" { lineStarts.append(offset + 1) }
    }

    func lineAndColumn(ofScalar offset: Int) -> (Int, Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return (low + 1, offset - lineStarts[low] + 1)
    }
}
