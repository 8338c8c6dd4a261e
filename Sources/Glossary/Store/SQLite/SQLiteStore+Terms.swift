import GRDB

extension SQLiteStore {
    /// Every term, in id order.
    public func allTerms() throws(TMError) -> [Term] {
        try read { db in try Self.fetchTerms(db, whereClause: "", arguments: []) }
    }

    /// The term with `id`.
    public func term(id: Int64) throws(TMError) -> Term {
        let found = try read { db in try Self.fetchTerms(db, whereClause: "WHERE term.id = ?", arguments: [id]) }
        guard let term = found.first else { throw .notFound("term \(id)") }
        return term
    }

    /// Adds a term. One with the same Hangul and English is a conflict (update it instead); so is one that shares
    /// only its Hangul or its English with stored terms, unless it is added as a `homonym` (another person or place
    /// of that name): a second 김영주 must be meant, not typed by mistake.
    public func addTerm(_ term: Term, homonym: Bool) throws(TMError) -> Term {
        let term = try term.validated()
        let id: Int64 = try write { db in
            let same = try Self.fetchTerms(
                db, whereClause: "WHERE term.hangul = ? OR lower(term.english) = lower(?)", arguments: [term.hangul, term.english])
            try term.checkNew(against: same, homonym: homonym)
            return try Self.insert(term, in: db)
        }
        return try self.term(id: id)
    }

    /// Replaces the term with `id` (its spellings too).
    public func updateTerm(id: Int64, with term: Term) throws(TMError) -> Term {
        let term = try term.validated()
        try write { db in
            guard try Int64.fetchOne(db, sql: "SELECT id FROM term WHERE id = ?", arguments: [id]) != nil else {
                throw TMError.notFound("term \(id)")
            }
            if let other = try Self.termID(hangul: term.hangul, english: term.english, in: db), other != id {
                throw TMError.invalidInput(field: "english", message: "\(term.hangul) is already in the glossary as \(term.english) (term \(other))")
            }
            try db.execute(
                sql: "UPDATE term SET hangul = ?, english = ?, kind = ?, note = ?, source = ?, country = ? WHERE id = ?",
                arguments: [term.hangul, term.english, term.kind.rawValue, term.note, term.source, term.country, id])
            try db.execute(sql: "DELETE FROM variant WHERE term_id = ?", arguments: [id])
            try Self.insertForms(of: term, id: id, in: db)
        }
        return try self.term(id: id)
    }

    /// Deletes the term with `id` and its spellings.
    public func removeTerm(id: Int64) throws(TMError) {
        try write { db in
            try db.execute(sql: "DELETE FROM term WHERE id = ?", arguments: [id])
            guard db.changesCount > 0 else { throw TMError.notFound("term \(id)") }
        }
    }

    /// Adds many terms in one transaction: either all are stored or none. A term already stored (same Hangul
    /// and English) gains the new variants (and the country, if it had none) and counts as already present.
    public func importTerms(_ terms: [Term]) throws(TMError) -> (added: [Int64], alreadyPresent: [Int64]) {
        let terms = try terms.map { term throws(TMError) in try term.validated() }
        return try write { db in
            var added: [Int64] = []
            var present: [Int64] = []
            for term in terms {
                if let id = try Self.termID(hangul: term.hangul, english: term.english, in: db) {
                    try Self.insertForms(of: term, id: id, in: db)
                    if !term.country.isEmpty {
                        try db.execute(sql: "UPDATE term SET country = ? WHERE id = ? AND country = ''", arguments: [term.country, id])
                    }
                    present.append(id)
                } else {
                    added.append(try Self.insert(term, in: db))
                }
            }
            return (added, present)
        }
    }

    /// Inserts a term and its spellings; returns its id. A term already stored (same Hangul and
    /// English) keeps its id and gains any new variants.
    static func insert(_ term: Term, in db: Database) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO term(hangul, english, kind, note, source, country) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(hangul, english) DO NOTHING
                """,
            arguments: [term.hangul, term.english, term.kind.rawValue, term.note, term.source, term.country]
        )
        guard let id = try termID(hangul: term.hangul, english: term.english, in: db) else {
            throw TMError.storage("term \(term.hangul) was not stored")
        }
        try insertForms(of: term, id: id, in: db)
        return id
    }

    private static func insertForms(of term: Term, id: Int64, in db: Database) throws {
        for (form, system) in term.storedForms {
            try db.execute(
                sql: "INSERT INTO variant(term_id, form, key, loose_key, system) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                arguments: [id, form, Normalizer.key(form), Normalizer.looseKey(form), system.rawValue]
            )
        }
    }

    private static func termID(hangul: String, english: String, in db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM term WHERE hangul = ? AND english = ?", arguments: [hangul, english])
    }

    /// The terms changed after change `seq`, as stored now (a deleted term is absent).
    public func changedTerms(after seq: Int64, limit: Int64) throws(TMError) -> StoreChanges<Term> {
        try changes(of: .term, after: seq, limit: limit) { ids, db in
            var terms: [Int64: Term] = [:]
            for chunk in ids.chunked(into: 500) {
                let whereClause = "WHERE term.id IN (\(Self.placeholders(chunk.count)))"
                for term in try Self.fetchTerms(db, whereClause: whereClause, arguments: StatementArguments(chunk)) {
                    if let id = term.id { terms[id] = term }
                }
            }
            return terms
        }
    }

    /// Every term and the change log's `seq` they are as of, read in one transaction.
    public func allTermsWithChange() throws(TMError) -> (terms: [Term], seq: Int64) {
        try read { db in (try Self.fetchTerms(db, whereClause: "", arguments: []), try Self.latestChange(in: db)) }
    }

    private static func fetchTerms(_ db: Database, whereClause: String, arguments: StatementArguments) throws -> [Term] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, hangul, english, kind, note, source, country FROM term \(whereClause) ORDER BY id", arguments: arguments)
        var variants: [Int64: [String]] = [:]
        var aliases: [Int64: [String]] = [:]
        let variantSQL =
            whereClause.isEmpty
            ? "SELECT term_id, form, system FROM variant WHERE system IN ('variant', 'alias') ORDER BY rowid"
            : "SELECT term_id, form, system FROM variant JOIN term ON term.id = variant.term_id \(whereClause) AND system IN ('variant', 'alias') ORDER BY variant.rowid"
        for row in try Row.fetchAll(db, sql: variantSQL, arguments: arguments) {
            if (row[2] as String) == VariantSystem.alias.rawValue {
                aliases[row[0], default: []].append(row[1])
            } else {
                variants[row[0], default: []].append(row[1])
            }
        }
        return rows.map { row in
            let id: Int64 = row["id"]
            return Term(
                id: id, hangul: row["hangul"], english: row["english"], kind: Term.Kind(rawValue: row["kind"]) ?? .term,
                variants: variants[id] ?? [], aliases: aliases[id] ?? [], note: row["note"], source: row["source"],
                country: row["country"])
        }
    }
}
