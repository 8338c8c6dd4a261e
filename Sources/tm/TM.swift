import ArgumentParser
import Foundation
import Glossary

@main
struct TM: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tm",
        abstract: "Korean–English translation memory and name glossary.",
        version: TMVersion.current,
        subcommands: [
            Serve.self, Romanize.self, Lookup.self, Recognize.self, Check.self, GlossaryCommand.self, Add.self, Import.self, Export.self,
            Search.self, Concordance.self, Stats.self, Align.self, Analyze.self, Pretranslate.self, QA.self, Backup.self, Copy.self,
        ]
    )

    /// Runs the command line; library errors are printed once, here, as one line on stderr with an exit
    /// status by kind (sysexits: 64 bad input, 65 bad file, 66 not found, 74 storage).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as TMError {
            FileHandle.standardError.write(Data("tm: \(error)\n".utf8))
            Foundation.exit(exitStatus(of: error))
        } catch {
            // Help and --version are "errors" that succeed; every real one is one line starting "tm:", as the
            // library's are, with the usage hint ArgumentParser gives.
            guard exitCode(for: error) != .success else { exit(withError: error) }
            let message = fullMessage(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
            // A bare exit status (`tm check` found issues) has nothing to say.
            if message.isEmpty { Foundation.exit(exitCode(for: error).rawValue) }
            let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
            let first = lines.first.map { $0.hasPrefix("Error: ") ? $0.dropFirst("Error: ".count) : $0 } ?? ""
            let rest = lines.dropFirst().joined(separator: "\n")
            FileHandle.standardError.write(Data("tm: \(first)\n\(rest.isEmpty ? "" : rest + "\n")".utf8))
            Foundation.exit(exitCode(for: error).rawValue)
        }
    }

    static func exitStatus(of error: TMError) -> Int32 {
        switch error {
        case .invalidInput, .tooLarge, .tooBroad, .conflict: 64
        case .badFile: 65
        case .notFound: 66
        case .storage, .storageFull: 74
        case .unavailable: 69
        }
    }
}
