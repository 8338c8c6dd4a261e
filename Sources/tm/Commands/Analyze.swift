import ArgumentParser
import Foundation
import Glossary

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyze an article against the memory and the glossary, sentence by sentence.",
        discussion: """
            Prints each sentence with its best memory match (score and translation), the names in it with their house \
            spellings (a name the glossary lacks is romanized by rule and marked "guess"), its numbers in English, and \
            then the CAT analysis: sentences, words and characters per match band (100, 95–99, 85–94, 75–84, 50–74, no \
            match). With no FILE, reads standard input.
            """
    )

    @OptionGroup var documents: DocumentOptions

    @Flag(help: "Print the analysis as one JSON object.")
    var json = false

    @Option(help: "The lowest match score to report (0–100).")
    var min = 50

    @Argument(help: "The article (UTF-8 text).")
    var file: String?

    func run() throws {
        let text = try file.map(InputText.read(path:)) ?? InputText.readAll()
        let analysis = try documents.open().analyze(text, minScore: min)
        let output = StandardOutput()
        if json {
            output.line(try JSONLines.encode(analysis))
        } else {
            for sentence in analysis.sentences {
                output.line("\(sentence.index + 1). \(sentence.text)")
                if let best = sentence.matches.first {
                    output.line("   \(Int(best.score.rounded(.down)))%  \(best.target)")
                } else {
                    output.line("   no match")
                }
                if !sentence.notes.isEmpty { output.line("   \(sentence.notes)") }
            }
            output.line("")
            output.line("band\tsentences\twords\tcharacters")
            for band in analysis.bands + [analysis.total] {
                output.line("\(band.band)\t\(band.sentences)\t\(band.words)\t\(band.characters)")
            }
        }
        output.flush()
    }
}
