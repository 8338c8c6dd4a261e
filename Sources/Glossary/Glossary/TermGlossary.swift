import Synchronization

/// The name glossary as the CLI and the server use it: lookups, recognition and style checks on an index in
/// memory, edits written to the store first and then to the index.
///
/// Readers take a snapshot of the index (a copy-on-write value) and search without holding the lock;
/// writers hold it across the database write and the index update, so a reader never sees one without the other.
public final class TermGlossary: Sendable {
    let store: TMStore
    private let index: Mutex<GlossaryIndex>

    /// Loads every stored term and the spellings the romanizer generates for them.
    public init(store: TMStore) throws(TMError) {
        self.store = store
        index = Mutex(GlossaryIndex(terms: try store.allTerms()))
    }

    /// The number of entries.
    public var count: Int { snapshot.count }

    private var snapshot: GlossaryIndex { index.withLock { $0 } }

    /// Entries matching any spelling of `query`, best first; see `GlossaryIndex.lookup`.
    public func lookup(_ query: String) throws(TMError) -> LookupResult {
        try Self.checkLength(query, field: "q")
        return LookupResult(query: query, matches: snapshot.lookup(query))
    }

    /// Every glossary term in `text`, with its span in Unicode scalars.
    public func recognize(_ text: String) throws(TMError) -> [RecognizedTerm] {
        try Self.checkLength(text, field: "text", limit: Self.maximumTextLength)
        return snapshot.recognize(text)
    }

    /// Off-style spellings in an English draft, and the draft corrected.
    public func check(_ text: String) throws(TMError) -> StyleCheckResult {
        try Self.checkLength(text, field: "text", limit: Self.maximumTextLength)
        return snapshot.check(text)
    }

    public func terms() throws(TMError) -> [Term] { try store.allTerms() }

    public func term(id: Int64) throws(TMError) -> Term { try store.term(id: id) }

    public func add(_ term: Term) throws(TMError) -> Term {
        try index.withLock { (index: inout GlossaryIndex) throws(TMError) -> Term in
            let stored = try store.addTerm(term)
            index.add(stored)
            return stored
        }
    }

    public func update(id: Int64, with term: Term) throws(TMError) -> Term {
        try index.withLock { (index: inout GlossaryIndex) throws(TMError) -> Term in
            let stored = try store.updateTerm(id: id, with: term)
            index.add(stored)
            return stored
        }
    }

    public func remove(id: Int64) throws(TMError) {
        try index.withLock { (index: inout GlossaryIndex) throws(TMError) in
            try store.removeTerm(id: id)
            index.remove(id: id)
        }
    }

    /// Adds parsed terms in one transaction; with `skipBad` false, a file with any bad row adds nothing.
    public func importTerms(_ parsed: ParsedGlossary, skipBad: Bool) throws(TMError) -> GlossaryImportReport {
        if !skipBad, let problem = parsed.problems.first {
            throw .badFile(
                name: parsed.fileName, line: problem.line, message: "\(problem.message) (nothing imported; --skip-bad imports the good rows)")
        }
        return try index.withLock { (index: inout GlossaryIndex) throws(TMError) -> GlossaryImportReport in
            let (added, present) = try store.importTerms(parsed.terms.map(\.term))
            for id in added + present { index.add(try store.term(id: id)) }
            return GlossaryImportReport(
                file: parsed.fileName, added: added.count, alreadyPresent: present.count, skipped: parsed.problems.count,
                problems: parsed.problems)
        }
    }

    /// Queries and texts are limited to this many characters: enough for a long article, and a bound on the work one call can ask for.
    public static let maximumTextLength = 10_000

    private static func checkLength(_ text: String, field: String, limit: Int = maximumTextLength) throws(TMError) {
        guard text.unicodeScalars.count <= limit else {
            throw .invalidInput(field: field, message: "longer than \(limit) characters")
        }
    }
}
