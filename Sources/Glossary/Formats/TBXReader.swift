import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads TBX-Basic with a streaming (SAX) parser: `termEntry`/`conceptEntry`, `langSec`/`langSet`,
/// `termSec`/`tig`. The first Korean term is the Hangul, the preferred (else first) English term the house
/// form, every other term a variant; `descrip type="subjectField"` carries the kind.
///
/// Entities are never expanded: a document that declares any (the "billion laughs" bomb, an external
/// entity reading a local file) is refused before parsing, and external entity resolution is off.
enum TBXReader {
    static func parse(_ bytes: [UInt8], fileName: String) throws(TMError) -> ParsedGlossary {
        if declaresEntities(bytes) {
            throw .badFile(
                name: fileName, line: nil, message: "the document declares XML entities, which tm never expands; remove the <!ENTITY …> declarations")
        }
        try XMLShape.check(.bytes(bytes, name: fileName))
        let handler = TBXHandler(fileName: fileName)
        // As a stream, in chunks: handed one buffer, libxml2 stops past 10 MB with "internal error" (huge lookup).
        let parser = XMLParser(stream: InputStream(data: Data(bytes)))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = handler
        // FoundationXML on Linux can return true from parse() and still set parserError (a mismatched end tag).
        let ok = parser.parse() && parser.parserError == nil
        if let refusal = handler.refusal { throw .badFile(name: fileName, line: refusal.line, message: refusal.message) }
        guard ok else {
            let failure = handler.failure ?? XMLParseFailure(parser: parser, error: parser.parserError, open: handler.open)
            throw .badFile(name: fileName, line: failure.line, message: failure.message)
        }
        guard handler.sawRoot else { throw .badFile(name: fileName, line: nil, message: "not a TBX document (no martif or tbx root)") }
        return handler.parsed
    }

    /// Whether the bytes contain an entity declaration (`<!ENTITY`), in any letter case.
    private static func declaresEntities(_ bytes: [UInt8]) -> Bool {
        let pattern = Array("<!entity".utf8)
        guard bytes.count >= pattern.count else { return false }
        var index = 0
        while index <= bytes.count - pattern.count {
            if bytes[index] == UInt8(ascii: "<"),
                pattern.indices.allSatisfy({ bytes[index + $0] | (pattern[$0] >= 0x61 ? 0x20 : 0) == pattern[$0] })
            {
                return true
            }
            index += 1
        }
        return false
    }
}

/// The SAX callbacks: collects one entry at a time.
private final class TBXHandler: NSObject, XMLParserDelegate {
    struct Refusal {
        let line: Int
        let message: String
    }

    var parsed: ParsedGlossary
    var refusal: Refusal?
    var sawRoot = false
    /// The first well-formedness error, taken where the parser reports it.
    var failure: XMLParseFailure?
    var open = XMLParseFailure.OpenElements()

    private var entryLine = 0
    private var inEntry = false
    private var kind: Term.Kind?
    private var note = ""
    private var source = ""
    private var country = ""
    private var language = ""
    private var korean: [(form: String, admitted: Bool)] = []
    private var english: [(form: String, preferred: Bool, admitted: Bool)] = []
    private var termText: String?
    private var preferred = false
    /// `admittedTerm`: an acceptable other name (an alias); anything else not preferred is an off-style spelling.
    private var admitted = false
    private var capture: String?
    private var captureElement = ""
    private var captureType = ""

    init(fileName: String) {
        parsed = ParsedGlossary(fileName: fileName)
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        refuse(parser, "the document declares the entity '\(name)', which tm never expands")
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        refuse(parser, "the document declares the external entity '\(name)', which tm never reads")
    }

    /// libxml2 runs in recover mode and would go on; the file is bad, so parsing stops at the first error.
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard failure == nil else { return }
        failure = XMLParseFailure(parser: parser, error: parseError, open: open)
        parser.abortParsing()
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
    ) {
        open.push(elementName, line: parser.lineNumber)
        switch elementName {
        case "martif", "tbx":
            sawRoot = true
        case "termEntry", "conceptEntry":
            inEntry = true
            entryLine = parser.lineNumber
            kind = nil
            note = ""
            source = ""
            country = ""
            korean = []
            english = []
        case "langSec", "langSet":
            language = (attributes["xml:lang"] ?? attributes["lang"] ?? "").lowercased()
        case "termSec", "tig":
            termText = nil
            preferred = false
            admitted = false
        case "term", "descrip", "note", "admin", "termNote":
            capture = ""
            captureElement = elementName
            captureType = attributes["type"] ?? ""
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        capture?.append(string)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        open.pop()
        if elementName == captureElement, let text = capture {
            captured(elementName, type: captureType, text: text.trimmed, parser: parser)
            capture = nil
            captureElement = ""
        }
        switch elementName {
        case "termSec", "tig":
            guard let form = termText, !form.isEmpty else { break }
            if language.hasPrefix("ko") {
                korean.append((form, admitted))
            } else if language.hasPrefix("en") {
                english.append((form, preferred, admitted))
            }
        case "termEntry", "conceptEntry":
            finishEntry()
        default:
            break
        }
    }

    private func captured(_ element: String, type: String, text: String, parser: XMLParser) {
        switch (element, type) {
        case ("term", _): termText = text
        case ("termNote", "administrativeStatus"):
            preferred = text.hasPrefix("preferred")
            admitted = text.hasPrefix("admitted")
        case ("descrip", "subjectField"):
            guard let stated = Term.Kind(rawValue: text.lowercased()) else {
                parsed.problems.append(ImportProblem(line: parser.lineNumber, message: "unknown kind '\(text)' in subjectField"))
                kind = .term
                return
            }
            kind = stated
        case ("note", _), ("descrip", "definition"): note = note.isEmpty ? text : note + " " + text
        case ("admin", "source"), ("descrip", "source"): source = text
        case ("descrip", "geographicalUsage"), ("admin", "x-country"): country = text
        default: break
        }
    }

    private func finishEntry() {
        guard inEntry else { return }
        inEntry = false
        guard let hangul = korean.first?.form else {
            parsed.problems.append(ImportProblem(line: entryLine, message: "the entry has no Korean term"))
            return
        }
        guard let house = english.first(where: \.preferred) ?? english.first else {
            parsed.problems.append(ImportProblem(line: entryLine, message: "the entry has no English term"))
            return
        }
        let others = english.filter { $0.form != house.form }
        let otherKorean = korean.dropFirst()
        let variants = others.filter { !$0.admitted }.map(\.form) + otherKorean.filter { !$0.admitted }.map(\.form)
        let aliases = others.filter(\.admitted).map(\.form) + otherKorean.filter(\.admitted).map(\.form)
        let term = Term(
            hangul: hangul, english: house.form, kind: kind ?? .term, variants: variants, aliases: aliases, note: note, source: source,
            country: country)
        parsed.terms.append(.init(line: entryLine, term: term))
    }

    private func refuse(_ parser: XMLParser, _ message: String) {
        guard refusal == nil else { return }
        refusal = Refusal(line: parser.lineNumber, message: message)
        parser.abortParsing()
    }
}
