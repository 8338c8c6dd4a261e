import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads TMX 1.4b (and 1.1's `lang` attribute) with a streaming (SAX) parser, so a file of any size is read
/// in chunks. A `tu` gives a pair from its first Korean and first English `tuv`, whichever is the header's
/// `srclang`. Inside `seg`, the codes `bpt` `ept` `ph` `it` `ut` hold the original document's markup and
/// are dropped; `hi` holds real text and is kept; a `ph type="x-ctrl"` is the control character it names (see
/// `TMXWriter.segmentContent`).
///
/// Entities are never expanded: a document that declares any (the "billion laughs" bomb, an external
/// entity reading a local file) is refused before parsing (see `checkProlog`), and external entity
/// resolution is off.
enum TMXReader {
    /// How much of a file is searched for entity declarations before the root element.
    static let prologLimit = 1 << 20

    static func read(_ source: MemorySource, unit: (ImportedUnit) throws -> Void, skip: (SkippedUnit) throws -> Void) throws {
        let parser: XMLParser
        switch source {
        case .bytes(let bytes, let name):
            try checkProlog(bytes, isWholeDocument: true, name: name)
            try XMLShape.check(source)
            // As a stream, in chunks: handed one buffer, libxml2 stops past 10 MB with "internal error" (huge lookup).
            parser = XMLParser(stream: InputStream(data: Data(bytes)))
        case .file(let url), .upload(let url, _):
            let prefix = try MemoryFileReader.prefix(of: url, limit: prologLimit)
            try checkProlog(prefix, isWholeDocument: prefix.count < prologLimit, name: source.name)
            try XMLShape.check(source)
            guard let stream = InputStream(url: url) else {
                throw TMError.badFile(name: source.name, line: nil, message: "cannot open the file")
            }
            parser = XMLParser(stream: stream)
        }
        try withoutActuallyEscaping(unit) { unit in
            try withoutActuallyEscaping(skip) { skip in
                try parse(parser, name: source.name, handler: TMXHandler(unit: unit, skip: skip))
            }
        }
    }

    /// Runs `parser`; the handler holds the caller's callbacks only until this returns.
    private static func parse(_ parser: XMLParser, name: String, handler: TMXHandler) throws {
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = handler
        let ok = parser.parse() && parser.parserError == nil
        parser.delegate = nil
        if let callbackError = handler.callbackError { throw callbackError }
        if let refusal = handler.refusal { throw TMError.badFile(name: name, line: refusal.line, message: refusal.message) }
        // FoundationXML on Linux can return true from parse() and still set parserError (a mismatched end tag).
        guard ok else {
            let failure = handler.failure ?? XMLParseFailure(parser: parser, error: parser.parserError, open: handler.open)
            throw TMError.badFile(name: name, line: failure.line, message: failure.message)
        }
        guard handler.sawRoot else { throw TMError.badFile(name: name, line: nil, message: "not a TMX document (no tmx root)") }
    }

    /// Refuses a document whose prolog (the part before the root element, where a DTD's internal subset lives)
    /// declares an entity. This scan is the defence that counts: FoundationXML on Linux reports no entity
    /// declarations to the delegate (it silently leaves references unexpanded), so the callbacks are only a
    /// second line. Comments and processing instructions are skipped, and the DOCTYPE is followed to its real
    /// end (quotes and the `[…]` subset), so a `<tmx` inside a literal does not end the search early. A
    /// document whose root does not start within `bytes` while more of it follows is refused: its prolog
    /// cannot be checked.
    static func checkProlog(_ bytes: [UInt8], isWholeDocument: Bool, name: String) throws(TMError) {
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if matches(bytes, at: index, "<!--") {
                index = end(of: "-->", in: bytes, from: index + 4)
            } else if matches(bytes, at: index, "<?") {
                index = end(of: "?>", in: bytes, from: index + 2)
            } else if matches(bytes, at: index, "<!doctype") {
                let doctypeEnd = endOfDoctype(bytes, from: index)
                if let entity = (index..<(doctypeEnd ?? bytes.count)).first(where: { matches(bytes, at: $0, "<!entity") }) {
                    throw .badFile(name: name, line: lineNumber(at: entity, in: bytes), message: entityRefusal)
                }
                index = doctypeEnd ?? bytes.count
            } else if matches(bytes, at: index, "<!entity") {
                throw .badFile(name: name, line: lineNumber(at: index, in: bytes), message: entityRefusal)
            } else if matches(bytes, at: index, "<!") {
                index += 2
            } else {
                return  // the root element
            }
        }
        if !isWholeDocument {
            throw .badFile(
                name: name, line: nil, message: "no root element within the first \(prologLimit >> 20) MiB; tm does not read such documents")
        }
    }

    static let entityRefusal = "the document declares XML entities, which tm never expands; remove the <!ENTITY …> declarations"

    /// The index just past the `>` that closes the DOCTYPE starting at `start`, or nil if it does not close
    /// within `bytes`.
    private static func endOfDoctype(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start + 9
        var quote: UInt8?
        var subsetDepth = 0
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
                index += 1
                continue
            }
            if subsetDepth > 0, matches(bytes, at: index, "<!--") {
                index = end(of: "-->", in: bytes, from: index + 4)
                continue
            }
            if subsetDepth > 0, matches(bytes, at: index, "<?") {
                index = end(of: "?>", in: bytes, from: index + 2)
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
            case UInt8(ascii: "["): subsetDepth += 1
            case UInt8(ascii: "]"): subsetDepth = max(0, subsetDepth - 1)
            case UInt8(ascii: ">") where subsetDepth == 0: return index + 1
            default: break
            }
            index += 1
        }
        return nil
    }

    /// Whether `pattern` (lowercase ASCII) is at `index`, in any letter case.
    private static func matches(_ bytes: [UInt8], at index: Int, _ pattern: StaticString) -> Bool {
        let count = pattern.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return pattern.withUTF8Buffer { expected in
            expected.indices.allSatisfy { offset in
                let byte = bytes[index + offset]
                let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
                return lower == expected[offset]
            }
        }
    }

    /// The index just past `terminator` at or after `start`, or the end of `bytes`.
    private static func end(of terminator: StaticString, in bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if matches(bytes, at: index, terminator) { return index + terminator.utf8CodeUnitCount }
            index += 1
        }
        return bytes.count
    }

    private static func lineNumber(at index: Int, in bytes: [UInt8]) -> Int {
        bytes[..<index].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }
}

/// The SAX callbacks: collects one `tu` at a time and hands it on. Delegate methods cannot throw, so the
/// first error a callback throws is kept and parsing stops.
private final class TMXHandler: NSObject, XMLParserDelegate {
    struct Refusal {
        let line: Int
        let message: String
    }

    /// Inline elements whose content is the original document's markup, not text.
    private static let codeElements: Set<String> = ["bpt", "ept", "ph", "it", "ut"]

    private let unit: (ImportedUnit) throws -> Void
    private let skip: (SkippedUnit) throws -> Void
    var callbackError: (any Error)?
    var refusal: Refusal?
    var sawRoot = false
    /// The first well-formedness error, taken when it is reported: after parse() the parser's line is where it
    /// stopped, which can be much later.
    var failure: XMLParseFailure?
    var open = XMLParseFailure.OpenElements()

    private var unitLine: Int?
    private var korean: String?
    private var english: String?
    private var sawEmptySegment = false
    private var tuvLanguage: MemoryLanguage?
    private var segment: String?
    private var codeDepth = 0
    /// The text of a `ph type="x-ctrl"` being read: a control character tm wrote as a placeholder.
    private var control: String?

    init(unit: @escaping (ImportedUnit) throws -> Void, skip: @escaping (SkippedUnit) throws -> Void) {
        self.unit = unit
        self.skip = skip
    }

    // Second line of defence only: FoundationXML on Linux does not call these (`checkProlog` is what refuses).
    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        refuse(parser, "the document declares the entity '\(name)', which tm never expands")
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        refuse(parser, "the document declares the external entity '\(name)', which tm never reads")
    }

    /// FoundationXML parses in libxml2's recover mode, which would go on delivering units after an error;
    /// the file is bad, so nothing more is reported.
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard failure == nil else { return }
        failure = XMLParseFailure(parser: parser, error: parseError, open: open)
        parser.abortParsing()
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
    ) {
        open.push(elementName, line: parser.lineNumber)
        if segment != nil {
            if codeDepth == 0, elementName == "ph", attributes["type"] == TMXWriter.controlType { control = "" }
            if Self.codeElements.contains(elementName) { codeDepth += 1 }
            return
        }
        switch elementName {
        case "tmx":
            sawRoot = true
        case "tu":
            unitLine = parser.lineNumber
            korean = nil
            english = nil
            sawEmptySegment = false
        case "tuv":
            tuvLanguage = MemoryLanguage(tag: attributes["xml:lang"] ?? attributes["lang"] ?? "")
        case "seg":
            if unitLine != nil, tuvLanguage != nil { segment = "" }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if codeDepth == 0 { segment?.append(string) } else { control?.append(string) }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if codeDepth == 0 { segment?.append(String(decoding: CDATABlock, as: UTF8.self)) }
    }

    /// "U+0007" → U+0007, for the control characters only (a placeholder naming anything else is dropped, as
    /// any other code is).
    private static func controlCharacter(_ name: String) -> Unicode.Scalar? {
        let trimmed = name.trimmed
        guard trimmed.hasPrefix("U+"), let value = UInt32(trimmed.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value),
            value != 0, XMLEscaping.isUnwritable(scalar)
        else { return nil }
        return scalar
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        open.pop()
        if let text = segment {
            if elementName == "seg" {
                segment = nil
                codeDepth = 0
                finishSegment(text.trimmed)
            } else if Self.codeElements.contains(elementName) {
                codeDepth = max(0, codeDepth - 1)
                if codeDepth == 0, let name = control {
                    control = nil
                    if let scalar = Self.controlCharacter(name) { segment?.unicodeScalars.append(scalar) }
                }
            }
            return
        }
        switch elementName {
        case "tuv": tuvLanguage = nil
        case "tu": finishUnit(parser)
        default: break
        }
    }

    /// Keeps the first non-empty segment of each language.
    private func finishSegment(_ text: String) {
        guard !text.isEmpty else {
            sawEmptySegment = true
            return
        }
        switch tuvLanguage {
        case .korean: korean = korean ?? text
        case .english: english = english ?? text
        case nil: break
        }
    }

    private func finishUnit(_ parser: XMLParser) {
        guard let line = unitLine else { return }
        unitLine = nil
        do {
            if let korean, let english {
                try unit(ImportedUnit(ko: korean, en: english, line: line))
            } else if sawEmptySegment {
                try skip(SkippedUnit(line: line, reason: "empty_segment", message: "tu with an empty ko or en segment", isError: false))
            } else {
                try skip(SkippedUnit(line: line, reason: "missing_language", message: "tu without both ko and en", isError: false))
            }
        } catch {
            callbackError = error
            parser.abortParsing()
        }
    }

    private func refuse(_ parser: XMLParser, _ message: String) {
        guard refusal == nil else { return }
        refusal = Refusal(line: parser.lineNumber, message: message)
        parser.abortParsing()
    }
}
