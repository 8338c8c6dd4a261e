/// Reads gettext PO line by line: `msgid` is the English, `msgstr` (or `msgstr[0]` for plural entries,
/// which pairs the singular) the Korean; `msgctxt` is allowed and ignored.
///
/// Entries that are not translations are skipped and counted, not errors: the header (`msgid ""`), fuzzy
/// (`#, fuzzy`), obsolete (`#~`) and untranslated ones. A syntax error spoils only its entry: it is reported
/// as a bad unit and reading resumes at the next entry. The header's `charset=` is honoured: a catalog in EUC-KR or
/// CP949 (or any charset ICU knows) is converted to UTF-8 first.
enum POReader {
    /// The largest catalog read in a charset other than UTF-8 (it is converted in memory; real catalogs are far smaller).
    static let convertedLimit = 64 << 20

    static func read(_ source: MemorySource, unit: (ImportedUnit) throws -> Void, skip: (SkippedUnit) throws -> Void) throws {
        let source = try inUTF8(source)
        var entry = POEntry()
        try MemoryFileReader.forEachLine(in: source) { line, number in
            try readLine(line, number: number, entry: &entry, unit: unit, skip: skip)
        }
        try entry.finish(unit: unit, skip: skip)
    }

    /// The source itself when its header says UTF-8 (or nothing, or the template's CHARSET), else its bytes converted.
    static func inUTF8(_ source: MemorySource) throws(TMError) -> MemorySource {
        let head: [UInt8]
        switch source {
        case .bytes(let bytes, _): head = Array(bytes.prefix(1 << 16))
        case .file(let url), .upload(let url, _): head = try MemoryFileReader.prefix(of: url, limit: 1 << 16)
        }
        guard let charset = declaredCharset(head), !["utf-8", "utf8", "charset", "us-ascii", "ascii"].contains(charset.lowercased()) else {
            return source
        }
        let bytes: [UInt8]
        switch source {
        case .bytes(let all, _): bytes = all
        case .file(let url), .upload(let url, _): bytes = try MemoryFileReader.prefix(of: url, limit: convertedLimit + 1)
        }
        guard bytes.count <= convertedLimit else {
            throw .badFile(
                name: source.name, line: nil, message: "a \(charset) catalog over \(convertedLimit >> 20) MiB; convert it to UTF-8 first (msgconv)")
        }
        do {
            return .bytes(try ICU.convertToUTF8(bytes, charset: converterName(charset)), name: source.name)
        } catch {
            if error.unknownCharset { throw .badFile(name: source.name, line: 1, message: "unknown charset '\(charset)' in the header") }
            let line = error.offset.map { offset in bytes.prefix(offset).filter { $0 == 0x0A }.count + 1 }
            throw .badFile(name: source.name, line: line, message: "bytes that are not \(charset), as the header declares")
        }
    }

    /// ICU's converter for a declared charset. Korean labels all read as Microsoft's code page 949 (Unified Hangul
    /// Code), a superset of EUC-KR, as the WHATWG Encoding Standard does: ICU's own "CP949" is IBM's, another table,
    /// and files labelled EUC-KR often hold CP949's extra syllables.
    static func converterName(_ charset: String) -> String {
        ["euc-kr", "euckr", "cp949", "uhc", "ks_c_5601-1987", "ks_c_5601", "ksc5601", "windows-949", "x-windows-949"].contains(charset.lowercased())
            ? "windows-949" : charset
    }

    /// The `charset=` of a PO header (`"Content-Type: text/plain; charset=EUC-KR\n"`), if the first entry (up to the first
    /// blank line) has one: a msgid that mentions "charset=" further on says nothing of the file.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let key = Array("charset=".utf8)
        var end = bytes.count
        for index in bytes.indices.dropFirst() where bytes[index] == 0x0A && bytes[index - 1] == 0x0A {
            end = index
            break
        }
        let head = Array(bytes[..<end])
        guard head.count > key.count else { return nil }
        for start in 0...(head.count - key.count) where head[start..<(start + key.count)].elementsEqual(key) {
            let name = head[(start + key.count)...].prefix { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x2D || byte == 0x5F
                    || byte == 0x2E || byte == 0x3A
            }
            return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
        }
        return nil
    }

    private static func readLine(
        _ rawLine: String, number: Int, entry: inout POEntry, unit: (ImportedUnit) throws -> Void, skip: (SkippedUnit) throws -> Void
    ) throws {
        let line = rawLine.trimmed
        if line.isEmpty {
            try entry.finish(unit: unit, skip: skip)
            return
        }
        if line.hasPrefix("#") {
            // A comment after the strings of an entry starts the next entry.
            if entry.hasStrings || (entry.isObsolete && !line.hasPrefix("#~")) { try entry.finish(unit: unit, skip: skip) }
            entry.begin(at: number)
            if line.hasPrefix("#~") {
                entry.isObsolete = true
            } else if line.hasPrefix("#,") {
                let flags = line.dropFirst(2).split(separator: ",").map { String($0).trimmed }
                if flags.contains("fuzzy") { entry.isFuzzy = true }
            }
            return
        }
        if entry.isObsolete {
            // An uncommented line after obsolete ones belongs to a new entry.
            try entry.finish(unit: unit, skip: skip)
        }
        if line.hasPrefix("\"") {
            guard entry.error == nil else { return }
            guard let field = entry.currentField else {
                entry.begin(at: number)
                entry.fail("a string continuation without a keyword", at: number)
                return
            }
            entry.append(try parseString(line[...], number: number, entry: &entry), to: field)
            return
        }
        let keyword = String(line.prefix { $0 != " " && $0 != "\t" && $0 != "\"" })
        let rest = line.dropFirst(keyword.count).drop { $0 == " " || $0 == "\t" }
        guard let field = POEntry.Field(keyword: keyword) else {
            if entry.hasStrings { try entry.finish(unit: unit, skip: skip) }
            entry.begin(at: number)
            entry.fail("unknown keyword '\(keyword.prefix(40))'", at: number)
            return
        }
        // msgctxt or msgid after the strings of an entry, or after a broken entry, starts the next entry.
        if (field == .context || field == .id) && (entry.hasStrings || entry.error != nil) {
            try entry.finish(unit: unit, skip: skip)
        }
        entry.begin(at: number)
        guard entry.error == nil else { return }
        if let problem = entry.problem(adding: field) {
            entry.fail(problem, at: number)
            return
        }
        entry.currentField = field
        entry.append(try parseString(rest, number: number, entry: &entry), to: field)
    }

    /// The bytes a quoted PO string stands for, escapes decoded; nil (with the entry failed) when malformed.
    private static func parseString(_ text: Substring, number: Int, entry: inout POEntry) throws -> [UInt8]? {
        var bytes = Array(text.utf8)[...]
        guard bytes.first == UInt8(ascii: "\"") else {
            entry.fail("expected a quoted string", at: number)
            return nil
        }
        bytes = bytes.dropFirst()
        var out: [UInt8] = []
        while let byte = bytes.popFirst() {
            switch byte {
            case UInt8(ascii: "\""):
                guard bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) else {
                    entry.fail("text after the closing quote", at: number)
                    return nil
                }
                return out
            case UInt8(ascii: "\\"):
                guard let decoded = decodeEscape(&bytes) else {
                    entry.fail("an unknown or incomplete escape sequence", at: number)
                    return nil
                }
                out.append(decoded)
            default:
                out.append(byte)
            }
        }
        entry.fail("unterminated string", at: number)
        return nil
    }

    /// Decodes the C escape after a backslash: `\n \t \" \\ \r \a \b \f \v \' \? \xHH \ooo`.
    private static func decodeEscape(_ bytes: inout ArraySlice<UInt8>) -> UInt8? {
        guard let letter = bytes.first else { return nil }
        if (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(letter) { return number(&bytes, radix: 8, maxDigits: 3) }
        bytes = bytes.dropFirst()
        switch letter {
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "a"): return 0x07
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "v"): return 0x0B
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "?"): return letter
        case UInt8(ascii: "x"):
            return number(&bytes, radix: 16, maxDigits: 2)
        default:
            return nil
        }
    }

    /// Up to `maxDigits` digits of `radix` as one byte; nil when there is no digit or the value exceeds a byte.
    private static func number(_ bytes: inout ArraySlice<UInt8>, radix: Int, maxDigits: Int) -> UInt8? {
        var value = 0
        var digits = 0
        while digits < maxDigits, let first = bytes.first, let digit = Int(String(UnicodeScalar(first)), radix: radix) {
            value = value * radix + digit
            digits += 1
            bytes = bytes.dropFirst()
        }
        return digits > 0 ? UInt8(exactly: value) : nil
    }
}

/// One PO entry as it is read: its comments' flags, its strings as bytes (escapes may spell UTF-8 bytes one
/// by one), and the first syntax error, if any.
private struct POEntry {
    enum Field: Equatable, Hashable {
        case context, id, idPlural, str
        case pluralStr(Int)

        init?(keyword: String) {
            switch keyword {
            case "msgctxt": self = .context
            case "msgid": self = .id
            case "msgid_plural": self = .idPlural
            case "msgstr": self = .str
            default:
                guard keyword.hasPrefix("msgstr["), keyword.hasSuffix("]"), let index = Int(keyword.dropFirst(7).dropLast()), index >= 0
                else { return nil }
                self = .pluralStr(index)
            }
        }

        var keyword: String {
            switch self {
            case .context: "msgctxt"
            case .id: "msgid"
            case .idPlural: "msgid_plural"
            case .str: "msgstr"
            case .pluralStr(let index): "msgstr[\(index)]"
            }
        }

        var isTranslation: Bool {
            switch self {
            case .str, .pluralStr: true
            case .context, .id, .idPlural: false
            }
        }
    }

    struct Failure {
        let line: Int
        let message: String
    }

    var startLine: Int?
    var isFuzzy = false
    var isObsolete = false
    var currentField: Field?
    var error: Failure?
    private var strings: [Field: [UInt8]] = [:]

    /// Whether a msgstr has been read, so that a new msgid or comment starts another entry.
    var hasStrings: Bool { strings.keys.contains(where: \.isTranslation) }

    mutating func begin(at line: Int) {
        if startLine == nil { startLine = line }
    }

    mutating func fail(_ message: String, at line: Int) {
        guard error == nil else { return }
        error = Failure(line: line, message: message)
    }

    mutating func append(_ bytes: [UInt8]?, to field: Field) {
        guard let bytes else { return }
        strings[field, default: []] += bytes
    }

    /// Why `field` cannot come next, if it cannot.
    func problem(adding field: Field) -> String? {
        if strings[field] != nil { return "a second \(field.keyword) in one entry" }
        switch field {
        case .context: return strings[.id] == nil ? nil : "msgctxt after msgid"
        case .id: return nil
        case .idPlural, .str, .pluralStr: return strings[.id] == nil ? "\(field.keyword) without msgid" : nil
        }
    }

    /// Reports the entry read so far (as a unit or a skip) and starts afresh.
    mutating func finish(unit: (ImportedUnit) throws -> Void, skip: (SkippedUnit) throws -> Void) throws {
        defer { self = POEntry() }
        guard let line = startLine else { return }
        if let error {
            let at = error.line == line ? "" : " (line \(error.line))"
            try skip(SkippedUnit(line: line, reason: "bad_entry", message: "\(error.message)\(at)", isError: true))
            return
        }
        if isObsolete {
            try skip(SkippedUnit(line: line, reason: "obsolete", message: "obsolete entry", isError: false))
            return
        }
        guard let idBytes = strings[.id] else { return }  // comments only
        guard let translationBytes = strings[.str] ?? strings[.pluralStr(0)] else {
            try skip(SkippedUnit(line: line, reason: "bad_entry", message: "msgid without msgstr", isError: true))
            return
        }
        guard let english = String(validating: idBytes, as: UTF8.self), let korean = String(validating: translationBytes, as: UTF8.self)
        else {
            try skip(SkippedUnit(line: line, reason: "bad_entry", message: "the escape sequences spell invalid UTF-8", isError: true))
            return
        }
        let (en, ko) = (english.trimmed, korean.trimmed)
        if idBytes.isEmpty && strings[.context] == nil {
            try skip(SkippedUnit(line: line, reason: "header", message: "header entry", isError: false))
        } else if isFuzzy {
            try skip(SkippedUnit(line: line, reason: "fuzzy", message: "fuzzy entry", isError: false))
        } else if en.isEmpty {
            try skip(SkippedUnit(line: line, reason: "empty_msgid", message: "empty msgid", isError: false))
        } else if ko.isEmpty {
            try skip(SkippedUnit(line: line, reason: "untranslated", message: "untranslated entry", isError: false))
        } else {
            try unit(ImportedUnit(ko: ko, en: en, line: line))
        }
    }
}
