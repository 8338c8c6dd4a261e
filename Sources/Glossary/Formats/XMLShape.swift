import Foundation

/// A byte scan that refuses XML whose shape no TMX or TBX file has — an element with more than `maximumAttributes`
/// attributes, or elements nested deeper than `maximumDepth` — before libxml2 parses it: libxml2 checks each new
/// attribute against every earlier one, so 250,000 attributes on one element cost it minutes.
///
/// It reads the bytes once, in chunks, keeping only a little state; it understands tags, quoted attribute values,
/// comments, CDATA sections, processing instructions and the DOCTYPE, and leaves well-formedness to the parser.
struct XMLShape {
    /// A TMX or TBX element has a handful of attributes.
    static let maximumAttributes = 256
    /// `tmx/body/tu/tuv/seg` and inline markup, `martif/text/body/termEntry/langSet/tig/termGrp/term`, with room.
    static let maximumDepth = 128

    private enum State {
        case text
        /// Just after `<`.
        case open
        /// Inside a start tag; `quote` is the open quote of an attribute value.
        case startTag(quote: UInt8?, attributes: Int, slash: Bool)
        case endTag
        /// After `<!`: a comment, CDATA or declaration, decided by what follows.
        case bang(seen: [UInt8])
        /// Skipping until `terminator`; `tail` is the last bytes seen (as many as the terminator has).
        case skip(terminator: [UInt8], tail: [UInt8])
        /// Inside `<!DOCTYPE …>`, with the internal subset's bracket depth and any open quote.
        case doctype(brackets: Int, quote: UInt8?)
    }

    private var state = State.text
    private var depth = 0
    private var line = 1
    private let name: String

    init(name: String) {
        self.name = name
    }

    /// Checks the whole source, reading a file in chunks.
    static func check(_ source: MemorySource) throws(TMError) {
        var shape = XMLShape(name: source.name)
        switch source {
        case .bytes(let bytes, _):
            try shape.feed(bytes[...])
        case .file(let url), .upload(let url, _):
            let handle = try MemoryFileReader.openFile(url)
            defer { try? handle.close() }
            while true {
                let chunk: Data?
                do {
                    chunk = try handle.read(upToCount: MemoryFileReader.chunkSize)
                } catch {
                    throw .badFile(name: source.name, line: nil, message: "cannot read the file: \(error.localizedDescription)")
                }
                guard let chunk, !chunk.isEmpty else { break }
                try shape.feed(Array(chunk)[...])
            }
        }
    }

    mutating func feed(_ bytes: ArraySlice<UInt8>) throws(TMError) {
        for byte in bytes {
            if byte == UInt8(ascii: "\n") { line += 1 }
            switch state {
            case .text:
                if byte == UInt8(ascii: "<") { state = .open }
            case .open:
                switch byte {
                case UInt8(ascii: "/"): state = .endTag
                case UInt8(ascii: "!"): state = .bang(seen: [])
                case UInt8(ascii: "?"): state = .skip(terminator: Array("?>".utf8), tail: [])
                default: state = .startTag(quote: nil, attributes: 0, slash: false)
                }
            case .startTag(let quote, var attributes, let slash):
                if let quote {
                    state = .startTag(quote: byte == quote ? nil : quote, attributes: attributes, slash: false)
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    state = .startTag(quote: byte, attributes: attributes, slash: false)
                } else if byte == UInt8(ascii: "=") {
                    attributes += 1
                    guard attributes <= Self.maximumAttributes else {
                        throw .badFile(name: name, line: line, message: "an element has more than \(Self.maximumAttributes) attributes")
                    }
                    state = .startTag(quote: nil, attributes: attributes, slash: false)
                } else if byte == UInt8(ascii: ">") {
                    if !slash {
                        depth += 1
                        guard depth <= Self.maximumDepth else {
                            throw .badFile(name: name, line: line, message: "elements nest deeper than \(Self.maximumDepth) levels")
                        }
                    }
                    state = .text
                } else {
                    state = .startTag(quote: nil, attributes: attributes, slash: byte == UInt8(ascii: "/"))
                }
            case .endTag:
                if byte == UInt8(ascii: ">") {
                    depth = max(0, depth - 1)
                    state = .text
                }
            case .bang(var seen):
                seen.append(byte)
                if seen == Array("--".utf8) {
                    state = .skip(terminator: Array("-->".utf8), tail: [])
                } else if seen == Array("[CDATA[".utf8) {
                    state = .skip(terminator: Array("]]>".utf8), tail: [])
                } else if seen.count >= 7, seen.prefix(7).map({ $0 | 0x20 }) == Array("doctype".utf8) {
                    state = .doctype(brackets: 0, quote: nil)
                } else if byte == UInt8(ascii: ">") {
                    state = .text
                } else if seen.count >= 9 {
                    state = .skip(terminator: Array(">".utf8), tail: [])
                } else {
                    state = .bang(seen: seen)
                }
            case .skip(let terminator, var tail):
                tail.append(byte)
                if tail.count > terminator.count { tail.removeFirst() }
                state = tail == terminator ? .text : .skip(terminator: terminator, tail: tail)
            case .doctype(let brackets, let quote):
                if let quote {
                    state = .doctype(brackets: brackets, quote: byte == quote ? nil : quote)
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    state = .doctype(brackets: brackets, quote: byte)
                } else if byte == UInt8(ascii: "[") {
                    state = .doctype(brackets: brackets + 1, quote: nil)
                } else if byte == UInt8(ascii: "]") {
                    state = .doctype(brackets: max(0, brackets - 1), quote: nil)
                } else if byte == UInt8(ascii: ">"), brackets == 0 {
                    state = .text
                }
            }
        }
    }
}
