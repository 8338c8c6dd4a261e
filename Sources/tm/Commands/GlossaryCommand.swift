import ArgumentParser
import Foundation
import Glossary

struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Import, export and edit the glossary.",
        subcommands: [Import.self, Export.self, List.self, Add.self, Update.self, Remove.self]
    )

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add the terms of a glossary file (one transaction: a file with bad rows adds nothing unless --skip-bad)."
        )

        @OptionGroup var glossary: GlossaryOptions

        @Option(help: "tsv (tm's own), omegat or tbx (v2 or v3); default: from the file name, else tsv.")
        var format: GlossaryFormat?

        @Flag(help: "Import the good rows of a file with bad ones, and report what was skipped.")
        var skipBad = false

        @Flag(help: "Print the report as JSON.")
        var json = false

        @Argument(help: "The file to import.")
        var file: String

        func run() throws {
            let glossary = try self.glossary.open()
            let format = format ?? GlossaryFormat(fileName: file) ?? .tsv
            let parsed = try format.parse(Array(InputText.bytes(path: file)), fileName: file)
            let report = try glossary.importTerms(parsed, skipBad: skipBad)
            if json {
                print(try JSONLines.encode(report))
                return
            }
            print("\(report.file): \(report.added) added, \(report.alreadyPresent) already present, \(report.skipped) skipped")
            for notice in report.notices { FileHandle.standardError.write(Data("\(report.file): \(notice)\n".utf8)) }
            for problem in report.problems {
                FileHandle.standardError.write(Data("\(report.file):\(problem.line.map(String.init) ?? "-"): skipped: \(problem.message)\n".utf8))
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the whole glossary to standard output or a file.")

        @OptionGroup var store: StoreOptions

        @Option(help: "tsv (tm's own), omegat, tbx (TBX v2 Basic, read by translate-toolkit, Weblate and OmegaT) or tbx3 (TBX v3).")
        var format: GlossaryFormat = .tsv

        @Option(help: "Write to this file instead of standard output.")
        var output: String?

        func run() throws {
            let text = format.render(try store.open().allTerms())
            if let output {
                guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
                    throw TMError.invalidInput(field: "output", message: "cannot write \(output)")
                }
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the terms: id, Hangul, house form, kind.")

        @OptionGroup var store: StoreOptions

        @Flag(help: "One JSON document, {\"terms\":[…]}, as GET /v1/glossary/terms answers.")
        var json = false

        func run() throws {
            let terms = try store.open().allTerms()
            if json {
                print(try JSONLines.encode(TermList(terms: terms)))
                return
            }
            let output = StandardOutput()
            for term in terms { output.line("\(term.id ?? 0)\t\(term.hangul)\t\(term.english)\t\(term.kind.rawValue)") }
            output.flush()
        }
    }

    /// The fields of a term on the command line.
    struct TermFields: ParsableArguments {
        @Option(help: "The Korean form.")
        var hangul: String?

        @Option(help: "The house form in English.")
        var english: String?

        @Option(help: "person, place, organization or term.")
        var kind: Term.Kind?

        @Option(name: .customLong("variant"), help: "An off-style spelling the check corrects (repeat for several).")
        var variants: [String] = []

        @Option(name: .customLong("alias"), help: "An acceptable other name, never flagged (repeat for several).")
        var aliases: [String] = []

        @Option(help: "A short description.")
        var note: String?

        @Option(help: "Where the spelling is attested.")
        var source: String?

        @Option(help: "The country it belongs to, an ISO 3166-1 code (KR, KP, US): tells homonyms apart.")
        var country: String?
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a term.")

        @OptionGroup var glossary: GlossaryOptions
        @OptionGroup var fields: TermFields

        @Flag(help: "Add it beside stored terms of the same Hangul or English (another person or place of that name).")
        var homonym = false

        func run() throws {
            guard let hangul = fields.hangul, let english = fields.english else {
                throw ValidationError("--hangul and --english are required")
            }
            let input = TermInput(
                hangul: hangul, english: english, kind: fields.kind, variants: fields.variants, aliases: fields.aliases, note: fields.note,
                source: fields.source, country: fields.country)
            let term = try glossary.open().add(input.term, homonym: homonym)
            print(try JSONLines.encode(term))
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a term; fields not given keep their value (--variant and --alias replace the lists).")

        @OptionGroup var glossary: GlossaryOptions
        @OptionGroup var fields: TermFields

        @Argument(help: "The term's id (see tm glossary list).")
        var id: Int64

        func run() throws {
            let glossary = try self.glossary.open()
            var term = try glossary.term(id: id)
            term.hangul = fields.hangul ?? term.hangul
            term.english = fields.english ?? term.english
            term.kind = fields.kind ?? term.kind
            term.variants = fields.variants.isEmpty ? term.variants : fields.variants
            term.aliases = fields.aliases.isEmpty ? term.aliases : fields.aliases
            term.note = fields.note ?? term.note
            term.source = fields.source ?? term.source
            term.country = fields.country ?? term.country
            print(try JSONLines.encode(try glossary.update(id: id, with: term)))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a term and its spellings.")

        @OptionGroup var glossary: GlossaryOptions

        @Argument(help: "The term's id.")
        var id: Int64

        func run() throws {
            try glossary.open().remove(id: id)
        }
    }
}

extension GlossaryFormat: ExpressibleByArgument {}
extension Term.Kind: ExpressibleByArgument {}
