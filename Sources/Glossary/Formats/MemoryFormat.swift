import Foundation

/// The translation-memory file formats tm reads (all three) and writes (TMX and TSV).
public enum MemoryFormat: String, CaseIterable, Codable, Sendable {
    /// TMX 1.4b (1.1 read too): `tu` / `tuv xml:lang` / `seg`.
    case tmx
    /// gettext PO: `msgid` English, `msgstr` Korean.
    case po
    /// `ko<TAB>en` lines, with an optional header naming the columns.
    case tsv

    /// The format a file name's extension suggests, if any.
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".tmx") {
            self = .tmx
        } else if lower.hasSuffix(".po") || lower.hasSuffix(".pot") {
            self = .po
        } else if lower.hasSuffix(".tsv") || lower.hasSuffix(".txt") || lower.hasSuffix(".tab") {
            self = .tsv
        } else {
            return nil
        }
    }
}

/// Where an import reads from: a file is streamed (it may be larger than memory), bytes are already in memory.
public enum MemorySource: Sendable {
    case file(URL)
    /// A file streamed like `file`, reported under another name (a request body the server spooled to disk).
    case upload(URL, name: String)
    case bytes([UInt8], name: String)

    /// The name errors report: the file's last path component, or the name given.
    public var name: String {
        switch self {
        case .file(let url): url.lastPathComponent
        case .upload(_, let name), .bytes(_, let name): name
        }
    }
}

extension MemoryFormat {
    /// Streams the units of `source`: `unit` for each pair, `skip` for each unit not imported. Errors thrown by the
    /// callbacks propagate (the caller aborts its transaction); a file that cannot be parsed at all throws
    /// `TMError.badFile`.
    public func read(_ source: MemorySource, unit: (ImportedUnit) throws -> Void, skip: (SkippedUnit) throws -> Void) throws {
        switch self {
        case .tmx: try TMXReader.read(source, unit: unit, skip: skip)
        case .po: try POReader.read(source, unit: unit, skip: skip)
        case .tsv: try SegmentTSV.read(source, unit: unit, skip: skip)
        }
    }
}

/// The two languages of a pair, recognized from a language tag or a column name.
enum MemoryLanguage: Sendable, Equatable {
    case korean
    case english

    /// `ko`, `ko-KR`, `ko_KR`, `kor`, `korean` … and the English equivalents, in any letter case; nil for others.
    init?(tag: String) {
        let lower = tag.trimmed.lowercased()
        let primary = lower.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        switch primary {
        case "ko", "kor", "korean": self = .korean
        case "en", "eng", "english": self = .english
        default: return nil
        }
    }
}
