import ArgumentParser
import Foundation
import Glossary

struct Romanize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Romanize Korean text.",
        discussion: "With no TEXT, reads standard input and romanizes each line, printing one result per line."
    )

    @Option(help: "rr (Revised Romanization), translit (RR letter by letter), mr (McCune–Reischauer) or dprk.")
    var system: RomanizationSystem = .rr

    @Flag(help: "Drop breves and apostrophes (P'yŏngyang → Pyongyang).")
    var plain = false

    @Option(
        help: """
            word (lower case), name (surname + given name; a foreign word is guessed), place (capitalized, \
            administrative units hyphenated) or foreign (a guess at a loanword's original spelling).
            """
    )
    var kind: RomanizationKind = .word

    @Option(help: "For names: conventional (Lee, Park), strict, ap (no hyphen) or dprk.")
    var style: NameStyle = .conventional

    @Flag(help: "Also list the spellings a name is likely to appear in (JSON only).")
    var variants = false

    @Flag(help: "Print one JSON object per line.")
    var json = false

    @Argument(help: "The text to romanize.")
    var text: [String] = []

    func run() throws {
        let options = RomanizationOptions(system: system, kind: kind, style: style, plain: plain)
        let output = StandardOutput()
        try InputLines.forEach(arguments: text) { line in
            if json {
                let result = try RomanizationResult(input: line, options: options, variants: variants, allowEmpty: true)
                output.line(try JSONLines.encode(result))
            } else {
                output.line(Romanizer.romanize(line, options))
            }
        }
        output.flush()
    }
}

extension RomanizationSystem: ExpressibleByArgument {}
extension RomanizationKind: ExpressibleByArgument {}
extension NameStyle: ExpressibleByArgument {}
