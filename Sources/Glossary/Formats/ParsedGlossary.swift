/// The terms read from a glossary file, each with its line, and the rows that could not be read.
///
/// Parsers collect problems instead of stopping at the first, so that an import can either refuse the
/// whole file naming every bad row, or (with `--skip-bad`) take the good rows and report the rest.
public struct ParsedGlossary: Sendable {
    public struct Row: Sendable {
        public let line: Int
        public let term: Term
    }

    public let fileName: String
    public internal(set) var terms: [Row] = []
    public internal(set) var problems: [ImportProblem] = []
    /// The file had its Korean on the other side and was swapped (`ImportDirection`).
    public internal(set) var swapped = false

    public init(fileName: String) {
        self.fileName = fileName
    }
}

/// A unit of an import file that was not imported, and why: a short code (`no_korean`, `bad_row`) and a sentence.
public struct ImportProblem: Sendable, Codable, Equatable {
    /// 1-based line of the file, when known.
    public let line: Int?
    public let reason: String
    public let message: String

    public init(line: Int?, reason: String = "bad_row", message: String) {
        self.line = line
        self.reason = reason
        self.message = message
    }
}

/// What a glossary import did.
public struct GlossaryImportReport: Sendable, Codable, Equatable {
    public let file: String
    public let added: Int
    public let alreadyPresent: Int
    public let skipped: Int
    public let problems: [ImportProblem]
    /// Said when the file was written the other way round and swapped.
    public let notices: [String]

    enum CodingKeys: String, CodingKey {
        case file, added, skipped, problems, notices
        case alreadyPresent = "already_present"
    }
}

/// The glossary file formats tm reads and writes.
public enum GlossaryFormat: String, Sendable, Codable, CaseIterable {
    /// tm's own TSV: `hangul english kind variants note source`.
    case tsv
    /// OmegaT's glossary: `source<TAB>target<TAB>comment`, Korean as the source.
    case omegat
    /// TBX v2 (TBX-Basic, `martif` / `termEntry` / `langSet` / `tig`), the form other tools read; v3 is read too.
    case tbx
    /// TBX v3 (ISO 30042:2019, `tbx` / `conceptEntry` / `langSec` / `termSec`), written on request.
    case tbx3

    /// The format a file name suggests, if any.
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".tbx") || lower.hasSuffix(".xml") {
            self = .tbx
        } else if lower.hasSuffix(".utf8") || lower.hasSuffix(".txt") || lower.hasSuffix(".tab") {
            self = .omegat
        } else if lower.hasSuffix(".tsv") {
            self = .tsv
        } else {
            return nil
        }
    }

    /// Reads a glossary file of this format.
    public func parse(_ bytes: [UInt8], fileName: String) throws(TMError) -> ParsedGlossary {
        ImportDirection.checked(try parseAsWritten(bytes, fileName: fileName))
    }

    private func parseAsWritten(_ bytes: [UInt8], fileName: String) throws(TMError) -> ParsedGlossary {
        switch self {
        case .tbx, .tbx3:
            return try TBXReader.parse(bytes, fileName: fileName)
        case .tsv, .omegat:
            let text = try Self.decodeText(bytes, fileName: fileName)
            return self == .tsv ? try GlossaryTSV.parseRows(text, fileName: fileName) : OmegaTGlossary.parse(text, fileName: fileName)
        }
    }

    /// A text file as OmegaT and spreadsheets save it: UTF-8 (a byte-order mark is dropped), or UTF-16 with its mark.
    static func decodeText(_ bytes: [UInt8], fileName: String) throws(TMError) -> String {
        var bytes = bytes
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let charset = bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE"
            do {
                bytes = try ICU.convertToUTF8(Array(bytes.dropFirst(2)), charset: charset)
            } catch {
                throw .badFile(name: fileName, line: nil, message: "invalid \(charset) at byte \((error.offset ?? 0) + 2)")
            }
        } else if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
        }
        do {
            return try Normalizer.decodeUTF8(bytes)
        } catch {
            throw .badFile(name: fileName, line: nil, message: error.description)
        }
    }

    /// Writes `terms` in this format.
    public func render(_ terms: [Term]) -> String {
        switch self {
        case .tsv: GlossaryTSV.render(terms)
        case .omegat: OmegaTGlossary.render(terms)
        case .tbx: TBXWriter.render(terms, version: .v2)
        case .tbx3: TBXWriter.render(terms, version: .v3)
        }
    }
}
