/// Translation-memory TSV: `ko<TAB>en` lines, or a first line naming the columns (`ko`/`korean`/`ko-KR`…,
/// `en`/`english`/`en-US`…, or `source`/`src` and `target`/`tgt`, in any order; other columns ignored). Fields carry tabs, line breaks and
/// backslashes as `\t` `\n` `\r` `\\`, so any segment fits on one line; the export writes the same escapes.
public enum SegmentTSV {
    /// The header line the export writes.
    public static let header = "ko\ten\n"

    /// One exported line: the segment's Korean and English, escaped.
    public static func row(_ segment: Segment) -> String {
        escape(segment.ko) + "\t" + escape(segment.en) + "\n"
    }

    /// Writes the header and a line per segment to `write`, one piece at a time.
    public static func write(_ segments: some Sequence<Segment>, to write: (String) throws -> Void) rethrows {
        try write(header)
        for segment in segments { try write(row(segment)) }
    }

    /// Streams the pairs of `source`; a row with too few fields or an empty side is a bad unit (`isError`).
    static func read(_ source: MemorySource, unit: (ImportedUnit) throws -> Void, skip: (SkippedUnit) throws -> Void) throws {
        var columns: Columns?
        try MemoryFileReader.forEachLine(in: source) { line, number in
            if line.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
            // Split on bytes: a tab byte is always a whole scalar, and a combining mark after a tab would join it into
            // one Character.
            let fields = line.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }
            guard let known = columns else {
                if let named = try Columns(header: fields, name: source.name, line: number) {
                    columns = named
                    return
                }
                columns = .korean0English1
                try readRow(fields, columns: .korean0English1, line: number, unit: unit, skip: skip)
                return
            }
            try readRow(fields, columns: known, line: number, unit: unit, skip: skip)
        }
    }

    private static func readRow(
        _ fields: [Substring], columns: Columns, line: Int, unit: (ImportedUnit) throws -> Void, skip: (SkippedUnit) throws -> Void
    ) throws {
        guard fields.count > max(columns.korean, columns.english) else {
            let needed = max(columns.korean, columns.english) + 1
            try skip(
                SkippedUnit(line: line, reason: "bad_row", message: "expected \(needed) tab-separated fields, found \(fields.count)", isError: true))
            return
        }
        let korean = unescape(fields[columns.korean]).trimmed
        let english = unescape(fields[columns.english]).trimmed
        if korean.isEmpty {
            try skip(SkippedUnit(line: line, reason: "empty_korean", message: "the Korean field is empty", isError: true))
        } else if english.isEmpty {
            try skip(SkippedUnit(line: line, reason: "empty_english", message: "the English field is empty", isError: true))
        } else {
            try unit(ImportedUnit(ko: korean, en: english, line: line))
        }
    }

    /// Which field holds which language.
    private struct Columns {
        static let korean0English1 = Columns(korean: 0, english: 1)

        let korean: Int
        let english: Int

        init(korean: Int, english: Int) {
            self.korean = korean
            self.english = english
        }

        /// The columns a header names, or nil when `fields` is a data row. A header names a Korean and an
        /// English column (other columns are ignored); a line of language names without both is refused
        /// rather than read as a pair.
        init?(header fields: [Substring], name: String, line: Int) throws(TMError) {
            let languages = fields.map { MemoryLanguage(tag: String($0)) }
            let names = fields.map { String($0).trimmed.lowercased() }
            if let korean = languages.firstIndex(of: .korean), let english = languages.firstIndex(of: .english) {
                self.init(korean: korean, english: english)
            } else if let source = names.firstIndex(where: { ["source", "src"].contains($0) }),
                let target = names.firstIndex(where: { ["target", "tgt", "trg"].contains($0) })
            {
                // The source taken as Korean; a file that is the other way round is swapped by `ImportDirection`.
                self.init(korean: source, english: target)
            } else if languages.allSatisfy({ $0 != nil }) {
                throw .badFile(name: name, line: line, message: "the header must name a Korean and an English column")
            } else {
                return nil
            }
        }
    }

    /// `\t` `\n` `\r` `\\` in place of the characters that would break a line; other backslashes stay.
    static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Undoes `escape`; a backslash before any other character (or at the end) is kept as written. Works on the
    /// UTF-8 bytes: every escape is ASCII, and appending scalars one at a time cost a tenth of an import.
    static func unescape(_ field: Substring) -> String {
        let bytes = field.utf8
        guard bytes.contains(0x5C) else { return String(field) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            guard byte == 0x5C else {
                out.append(byte)
                continue
            }
            switch iterator.next() {
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case 0x5C: out.append(0x5C)
            case let other?: out.append(contentsOf: [0x5C, other])
            case nil: out.append(0x5C)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
