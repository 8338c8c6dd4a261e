import Synchronization

/// The name glossary as the CLI and the server use it: lookups, recognition and style checks on an index in
/// memory that follows the store's change log.
///
/// Readers take a snapshot of the index (a copy-on-write value) and search without holding the lock. Writes go to
/// the database; the index learns of them, and of other processes' writes, from the change log: at once after a
/// write made here, within the server's follow interval for any other (`ChangeFollowService`).
public final class TermGlossary: Sendable {
    let store: any Store
    private let index: Mutex<GlossaryIndex>
    /// Held while the index catches up; the last change applied.
    private let follower: Mutex<Int64>

    /// Loads every stored term and the spellings the romanizer generates for them.
    public init(store: any Store) throws(TMError) {
        self.store = store
        let (terms, seq) = try store.allTermsWithChange()
        index = Mutex(GlossaryIndex(terms: terms))
        follower = Mutex(seq)
    }

    /// The number of entries.
    public var count: Int { snapshot.count }

    private var snapshot: GlossaryIndex { index.withLock { $0 } }

    /// Brings the index up to the last change in the database.
    public func refresh() throws(TMError) {
        try follower.withLock { (seq: inout Int64) throws(TMError) in
            switch try store.changedTerms(after: seq, limit: 5_000) {
            case .upToDate:
                return
            case .rebuild:
                let (terms, latest) = try store.allTermsWithChange()
                let rebuilt = GlossaryIndex(terms: terms)
                index.withLock { $0 = rebuilt }
                seq = latest
            case .rows(let ids, let terms, let through):
                index.withLock { index in
                    for id in ids {
                        if let term = terms[id] { index.add(term) } else { index.remove(id: id) }
                    }
                }
                seq = through
            }
        }
    }

    /// Entries matching any spelling of `query`, best first; see `GlossaryIndex.lookup`.
    public func lookup(_ query: String, context: LookupContext? = nil) throws(TMError) -> LookupResult {
        try Self.checkLength(query, field: "q")
        return LookupResult(query: query, matches: snapshot.lookup(query, context: context))
    }

    /// Every glossary term in `text`, with its span in Unicode scalars.
    public func recognize(_ text: String) throws(TMError) -> [RecognizedTerm] {
        try Self.checkLength(text, field: "text", limit: Self.maximumDocumentLength)
        return snapshot.recognize(text)
    }

    /// Off-style spellings in an English draft, and the draft corrected.
    public func check(_ text: String) throws(TMError) -> StyleCheckResult {
        try Self.checkLength(text, field: "text", limit: Self.maximumDocumentLength)
        return snapshot.check(text)
    }

    public func terms() throws(TMError) -> [Term] { try store.allTerms() }

    public func term(id: Int64) throws(TMError) -> Term { try store.term(id: id) }

    /// Adds a term; see `Store.addTerm(_:homonym:)` for when a shared Hangul or English is a conflict.
    public func add(_ term: Term, homonym: Bool = false) throws(TMError) -> Term {
        let stored = try store.addTerm(term, homonym: homonym)
        try refresh()
        return stored
    }

    public func update(id: Int64, with term: Term) throws(TMError) -> Term {
        let stored = try store.updateTerm(id: id, with: term)
        try refresh()
        return stored
    }

    public func remove(id: Int64) throws(TMError) {
        try store.removeTerm(id: id)
        try refresh()
    }

    /// Adds parsed terms in one transaction; with `skipBad` false, a file with any bad row adds nothing.
    public func importTerms(_ parsed: ParsedGlossary, skipBad: Bool) throws(TMError) -> GlossaryImportReport {
        if !skipBad, let problem = parsed.problems.first {
            throw .badFile(
                name: parsed.fileName, line: problem.line, message: "\(problem.message) (nothing imported; --skip-bad imports the good rows)")
        }
        let (added, present) = try store.importTerms(parsed.terms.map(\.term))
        try refresh()
        return GlossaryImportReport(
            file: parsed.fileName, added: added.count, alreadyPresent: present.count, skipped: Set(parsed.problems.map(\.line)).count,
            problems: parsed.problems, notices: parsed.swapped ? [ImportDirection.notice] : [])
    }

    /// Queries and texts are limited to this many characters: enough for a long article, and a bound on the work one call can ask for.
    public static let maximumTextLength = 10_000

    /// Recognition and the style check take whole documents (an article, a day's file): they are linear in the text.
    public static let maximumDocumentLength = 8_000_000

    private static func checkLength(_ text: String, field: String, limit: Int = maximumTextLength) throws(TMError) {
        try TextField.check(text, field: field)
        guard text.unicodeScalars.count <= limit else {
            throw .invalidInput(field: field, message: "longer than \(limit) characters")
        }
    }
}
