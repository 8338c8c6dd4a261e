import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads TBX with a streaming (SAX) parser: TBX v2 (`martif`, `termEntry`, `langSet`, `tig` or `ntig`/`termGrp`, as
/// MultiTerm, Lokalize and TBX-Basic write it) and TBX v3 (`tbx`, `conceptEntry`, `langSec`, `termSec`), with any
/// `xml:lang` form (ko, ko-KR, KO, kor). The preferred (else first) term of each language is the Hangul and the house
/// form; a deprecated, superseded, not-recommended or obsolete term is an off-style spelling, any other an alias.
/// Entry-level descriptions (subject field, definition, notes) are free text and go to the note; tm's own kind and
/// country travel in `admin type="x-tm-kind"` and `"x-tm-country"`.
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
    private var korean: [Form] = []
    private var english: [Form] = []
    private var termText: String?
    private var status = Form.Status.unstated
    /// Inside a `tig`, `ntig` or `termSec`: descriptions there are the term's (a context sentence), not the entry's,
    /// except a definition.
    private var inTerm = false
    private var subjectFields: [String] = []

    /// One term of a language section and what its administrative status says of it.
    struct Form {
        enum Status {
            case preferred, admitted, deprecated, unstated
        }
        let text: String
        let status: Status
    }
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
            subjectFields = []
            korean = []
            english = []
        case "langSec", "langSet":
            language = (attributes["xml:lang"] ?? attributes["lang"] ?? "").lowercased()
        case "termSec", "tig", "ntig":
            termText = nil
            status = .unstated
            inTerm = true
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
        case "termSec", "tig", "ntig":
            inTerm = false
            guard let form = termText, !form.isEmpty else { break }
            if Self.isKorean(language) {
                korean.append(Form(text: form, status: status))
            } else if Self.isEnglish(language) {
                english.append(Form(text: form, status: status))
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
        case ("termNote", "administrativeStatus"), ("termNote", "normativeAuthorization"):
            status = Self.status(text)
        case ("admin", "x-tm-kind"), ("descrip", "x-tm-kind"):
            kind = Term.Kind(rawValue: text.lowercased()) ?? kind
        case ("admin", "x-tm-country"), ("descrip", "x-tm-country"): country = text
        // Inside a term, only a definition (IBM puts it there) speaks for the entry; a context sentence does not.
        case _ where inTerm && !(element == "descrip" && type == "definition"): break
        case ("descrip", "subjectField"): subjectFields.append(text)
        case ("note", _), ("descrip", "definition"): note = note.isEmpty ? text : note + " " + text
        case ("admin", "source"), ("descrip", "source"): source = text
        default: break
        }
    }

    private func finishEntry() {
        guard inEntry else { return }
        inEntry = false
        guard let hangul = korean.first(where: { $0.status == .preferred }) ?? korean.first else {
            parsed.problems.append(ImportProblem(line: entryLine, reason: "no_korean", message: "the entry has no Korean term"))
            return
        }
        guard let house = english.first(where: { $0.status == .preferred }) ?? english.first else {
            parsed.problems.append(ImportProblem(line: entryLine, reason: "no_english", message: "the entry has no English term"))
            return
        }
        let others = english.filter { $0.text != house.text } + korean.filter { $0.text != hangul.text }
        let variants = others.filter { $0.status == .deprecated }.map(\.text)
        let aliases = others.filter { $0.status != .deprecated }.map(\.text)
        // Before tm wrote its kind in its own field it wrote it as the subject field: read such files as they were meant.
        var kind = self.kind
        var subjects = subjectFields
        if kind == nil, subjects.count == 1, let stated = Term.Kind(rawValue: subjects[0].lowercased()) {
            kind = stated
            subjects = []
        }
        let described =
            subjects.isEmpty ? note : (["Subject: " + subjects.joined(separator: ", ")] + (note.isEmpty ? [] : [note])).joined(separator: ". ")
        let term = Term(
            hangul: hangul.text, english: house.text, kind: kind ?? .term, variants: variants, aliases: aliases, note: described,
            source: source, country: country)
        parsed.terms.append(.init(line: entryLine, term: term))
    }

    /// TBX's administrative statuses: v2 `…Term-admn-sts`, v3's short names and MultiTerm's `normativeAuthorization`.
    private static func status(_ text: String) -> Form.Status {
        let value = text.lowercased()
        return statuses.first { value.hasPrefix($0.prefix) }?.status ?? .unstated
    }

    private static let statuses: [(prefix: String, status: Form.Status)] = [
        ("preferred", .preferred), ("admitted", .admitted), ("standardized", .admitted), ("legal", .admitted), ("regulated", .admitted),
        ("deprecated", .deprecated), ("superseded", .deprecated), ("notrecommended", .deprecated), ("obsolete", .deprecated),
        ("forbidden", .deprecated),
    ]

    /// `xml:lang` as real files write it: ko, ko-KR, KO, kor, ko_KR.
    private static func isKorean(_ language: String) -> Bool {
        language == "ko" || language == "kor" || language.hasPrefix("ko-") || language.hasPrefix("ko_")
    }

    private static func isEnglish(_ language: String) -> Bool {
        language == "en" || language == "eng" || language.hasPrefix("en-") || language.hasPrefix("en_")
    }

    private func refuse(_ parser: XMLParser, _ message: String) {
        guard refusal == nil else { return }
        refusal = Refusal(line: parser.lineNumber, message: message)
        parser.abortParsing()
    }
}
