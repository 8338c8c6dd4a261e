import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A parse error of TMX or TBX said in words, with where: FoundationXML only gives "NSXMLParserErrorDomain error 76".
///
/// The codes are libxml2's `xmlParserErrors` (include/libxml/xmlerror.h); the ones real files produce are named here,
/// the rest are reported by number.
struct XMLParseFailure {
    /// libxml2 error code → what it means.
    static let reasons: [Int: String] = [
        1: "libxml2 stopped (an internal limit, such as a very long text node)",
        4: "the document is empty",
        5: "there is content after the end of the root element",
        9: "a character XML does not allow",
        23: "an entity reference has no closing ';'",
        26: "an entity is used that is not declared (XML knows only &amp; &lt; &gt; &quot; &apos;)",
        31: "the encoding is unknown",
        32: "the encoding is not supported",
        38: "a '<' inside an attribute value",
        39: "an attribute value does not start with a quote",
        40: "an attribute value is not closed",
        41: "an attribute has no value",
        42: "an attribute is given twice",
        45: "a comment is not closed",
        63: "a CDATA section is not closed",
        65: "a space is missing",
        68: "a name is missing",
        73: "'>' is missing",
        74: "'</' is missing",
        76: "an end tag does not match the open element",
        77: "an element is not closed before the end of the document",
        85: "the document is not well balanced",
        86: "there is extra content at the end of the document",
    ]

    /// Elements open at the point of the error, innermost last, with the line each started on.
    struct OpenElements {
        private(set) var stack: [(name: String, line: Int)] = []

        mutating func push(_ name: String, line: Int) {
            stack.append((name, line))
        }

        mutating func pop() {
            _ = stack.popLast()
        }
    }

    let line: Int
    let column: Int
    let code: Int?
    /// The innermost element open when the error was seen.
    let element: (name: String, line: Int)?

    /// Taken in `parseErrorOccurred`, while the parser still stands at the error.
    init(parser: XMLParser, error: (any Error)?, open: OpenElements) {
        line = parser.lineNumber
        column = parser.columnNumber
        code = error.map { ($0 as NSError).code }
        element = open.stack.last
    }

    var message: String {
        let reason = code.map { Self.reasons[$0] ?? "libxml2 error \($0)" } ?? "malformed XML"
        let place = element.map { " inside <\($0.name)> opened at line \($0.line)" } ?? ""
        return "not well-formed XML at line \(line), column \(column)\(place): \(reason)"
    }
}
