import ArgumentParser
import Foundation
import Glossary

struct Pretranslate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Pre-translate an article from the memory into XLIFF 1.2 (or a bilingual TSV, or TMX) for a CAT tool.",
        discussion: """
            One trans-unit per sentence: the best match at or above --threshold is the target (state \
            needs-review-translation), every match an alt-trans with its match-quality, names and numbers in a note. \
            memoQ, Trados and translate-toolkit open the file. --format tmx writes the drafted sentences as a project \
            memory instead: put it in an OmegaT project's tm/auto folder and OmegaT fills those segments (OmegaT's \
            own XLIFF filter would take a drafted English target for the text to translate). With no FILE, reads \
            standard input.
            """
    )

    @OptionGroup var documents: DocumentOptions

    @Option(name: .shortAndLong, help: "Where to write the draft (default: standard output).")
    var output: String?

    @Option(help: "xliff, tsv or tmx (default: xliff, or by --output's extension: .tsv, .tmx, .xlf/.xliff).")
    var format: DraftFormat?

    @Option(help: "The lowest score (0–100) taken as the draft translation.")
    var threshold = 75

    @Argument(help: "The article (UTF-8 text).")
    var file: String?

    func run() throws {
        let text = try file.map(InputText.read(path:)) ?? InputText.readAll()
        let chosen = format ?? output.flatMap(DraftFormat.init(fileName:)) ?? .xliff
        let original = file.map { ($0 as NSString).lastPathComponent } ?? "stdin.txt"
        let draft = try documents.open().draft(text, original: original, threshold: threshold, format: chosen)
        guard let output else {
            FileHandle.standardOutput.write(Data(draft.utf8))
            return
        }
        do {
            try Data(draft.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw TMError.storage("cannot write \(output): \(error.localizedDescription)")
        }
    }
}

extension DraftFormat: ExpressibleByArgument {}
