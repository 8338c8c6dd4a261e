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
            Search.self, Concordance.self, Stats.self, Align.self, Backup.self,
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
            exit(withError: error)
        }
    }

    static func exitStatus(of error: TMError) -> Int32 {
        switch error {
        case .invalidInput, .tooLarge, .tooBroad, .conflict: 64
        case .badFile: 65
        case .notFound: 66
        case .storage, .storageFull: 74
        }
    }
}
