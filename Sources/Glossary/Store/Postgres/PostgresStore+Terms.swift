import PostgresNIO

extension PostgresStore {
    public func allTerms() throws(TMError) -> [Term] {
        try read { session in try Self.fetchTerms(ids: nil, in: session) }
    }

    public func term(id: Int64) throws(TMError) -> Term {
        guard let term = try read({ session in try Self.fetchTerms(ids: [id], in: session) }).first else { throw .notFound("term \(id)") }
        return term
    }

    public func addTerm(_ term: Term, homonym: Bool) throws(TMError) -> Term {
        let term = try term.validated()
        let id: Int64 = try write { session in
            let same = try Self.fetchTerms(ids: Self.termIDs(hangul: term.hangul, orEnglish: term.english, in: session), in: session)
            try term.checkNew(against: same, homonym: homonym)
            return try Self.insert(term, in: session)
        }
        return try self.term(id: id)
    }

    public func updateTerm(id: Int64, with term: Term) throws(TMError) -> Term {
        let term = try term.validated()
        try write { session in
            guard try session.value("SELECT id FROM term WHERE id = \(id)", as: Int64.self) != nil else { throw TMError.notFound("term \(id)") }
            if let other = try Self.termID(hangul: term.hangul, english: term.english, in: session), other != id {
                throw TMError.invalidInput(field: "english", message: "\(term.hangul) is already in the glossary as \(term.english) (term \(other))")
            }
            try session.run(
                """
                UPDATE term SET hangul = \(term.hangul), english = \(term.english), kind = \(term.kind.rawValue), note = \(term.note),
                    source = \(term.source), country = \(term.country) WHERE id = \(id)
                """)
            try session.run("DELETE FROM variant WHERE term_id = \(id)")
            try Self.insertForms(of: term, id: id, in: session)
        }
        return try self.term(id: id)
    }

    public func removeTerm(id: Int64) throws(TMError) {
        try write { session in
            guard try session.run("DELETE FROM term WHERE id = \(id)") > 0 else { throw TMError.notFound("term \(id)") }
        }
    }

    public func importTerms(_ terms: [Term]) throws(TMError) -> (added: [Int64], alreadyPresent: [Int64]) {
        let terms = try terms.map { term throws(TMError) in try term.validated() }
        return try write { session in
            var added: [Int64] = []
            var present: [Int64] = []
            for term in terms {
                if let id = try Self.termID(hangul: term.hangul, english: term.english, in: session) {
                    try Self.insertForms(of: term, id: id, in: session)
                    if !term.country.isEmpty { try session.run("UPDATE term SET country = \(term.country) WHERE id = \(id) AND country = ''") }
                    present.append(id)
                } else {
                    added.append(try Self.insert(term, in: session))
                }
            }
            return (added, present)
        }
    }

    public func changedTerms(after seq: Int64, limit: Int64) throws(TMError) -> StoreChanges<Term> {
        try changes(of: .term, after: seq, limit: limit) { ids, session in
            var terms: [Int64: Term] = [:]
            for term in try Self.fetchTerms(ids: ids, in: session) {
                if let id = term.id { terms[id] = term }
            }
            return terms
        }
    }

    public func allTermsWithChange() throws(TMError) -> (terms: [Term], seq: Int64) {
        try read { session in (try Self.fetchTerms(ids: nil, in: session), try Self.latestChange(in: session)) }
    }

    /// Inserts a term and its spellings; a term already stored (same Hangul and English) keeps its id and gains any
    /// new spellings.
    static func insert(_ term: Term, in session: PostgresConnections.Session) throws -> Int64 {
        try session.run(
            """
            INSERT INTO term(hangul, english, kind, note, source, country)
            VALUES (\(term.hangul), \(term.english), \(term.kind.rawValue), \(term.note), \(term.source), \(term.country))
            ON CONFLICT (hangul, english) DO NOTHING
            """)
        guard let id = try termID(hangul: term.hangul, english: term.english, in: session) else {
            throw TMError.storage("term \(term.hangul) was not stored")
        }
        try insertForms(of: term, id: id, in: session)
        return id
    }

    private static func insertForms(of term: Term, id: Int64, in session: PostgresConnections.Session) throws {
        let forms = term.storedForms
        try session.run(
            """
            INSERT INTO variant(term_id, form, key, loose_key, system)
            SELECT \(id), form, key, loose_key, system
            FROM unnest(\(forms.map(\.form)), \(forms.map { Normalizer.key($0.form) }), \(forms.map { Normalizer.looseKey($0.form) }), \
            \(forms.map(\.system.rawValue))) WITH ORDINALITY AS given(form, key, loose_key, system, position)
            ORDER BY position
            ON CONFLICT DO NOTHING
            """)
    }

    private static func termID(hangul: String, english: String, in session: PostgresConnections.Session) throws -> Int64? {
        try session.value("SELECT id FROM term WHERE hangul = \(hangul) AND english = \(english)", as: Int64.self)
    }

    private static func termIDs(hangul: String, orEnglish english: String, in session: PostgresConnections.Session) throws -> [Int64] {
        try session.rows("SELECT id FROM term WHERE hangul = \(hangul) OR lower(english) = lower(\(english)) ORDER BY id").map {
            try $0.decode(Int64.self)
        }
    }

    /// The terms with these ids (nil: every term), in id order, with their variants and aliases in the order stored.
    private static func fetchTerms(ids: [Int64]?, in session: PostgresConnections.Session) throws -> [Term] {
        if let ids, ids.isEmpty { return [] }
        let termRows: [PostgresRow]
        let variantRows: [PostgresRow]
        if let ids {
            termRows = try session.rows("SELECT id, hangul, english, kind, note, source, country FROM term WHERE id = ANY(\(ids)) ORDER BY id")
            variantRows = try session.rows(
                "SELECT term_id, form, system FROM variant WHERE term_id = ANY(\(ids)) AND system IN ('variant', 'alias') ORDER BY position")
        } else {
            termRows = try session.rows("SELECT id, hangul, english, kind, note, source, country FROM term ORDER BY id")
            variantRows = try session.rows("SELECT term_id, form, system FROM variant WHERE system IN ('variant', 'alias') ORDER BY position")
        }
        var variants: [Int64: [String]] = [:]
        var aliases: [Int64: [String]] = [:]
        for row in variantRows {
            let (id, form, system) = try row.decode((Int64, String, String).self)
            if system == VariantSystem.alias.rawValue { aliases[id, default: []].append(form) } else { variants[id, default: []].append(form) }
        }
        return try termRows.map { row in
            let (id, hangul, english, kind, note, source, country) = try row.decode((Int64, String, String, String, String, String, String).self)
            return Term(
                id: id, hangul: hangul, english: english, kind: Term.Kind(rawValue: kind) ?? .term, variants: variants[id] ?? [],
                aliases: aliases[id] ?? [], note: note, source: source, country: country)
        }
    }
}
