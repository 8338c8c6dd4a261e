import ArgumentParser
import Foundation
import Glossary

struct Recognize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the glossary terms in a Korean or English text, with their spans.",
        discussion: "With no TEXT, reads the whole of standard input as one text. Offsets count Unicode scalars."
    )

    @OptionGroup var glossary: GlossaryOptions

    @Flag(help: "Print one JSON object: {\"terms\":[…]}.")
    var json = false

    @Argument(help: "The text.")
    var text: String?

    func run() throws {
        let glossary = try self.glossary.open()
        let input = try text ?? InputText.readAll()
        let terms = try glossary.recognize(input)
        let output = StandardOutput()
        if json {
            output.line(try JSONLines.encode(RecognitionResult(terms: terms)))
        } else {
            for term in terms {
                let names = term.matches.map { "\($0.english) (\($0.hangul), \($0.kind.rawValue))" }.joined(separator: " / ")
                output.line("\(term.start)-\(term.end)\t\(term.text)\t\(names)")
            }
        }
        output.flush()
    }
}
