import GRDB

extension TMStore {
    /// How a stored spelling of a term came to be: it ranks lookups (canonical beats variant).
    enum VariantSystem: String {
        case hangul
        case canonical
        case variant
    }

    /// Inserts a term and its spellings; returns its id. A term already stored (same Hangul and
    /// English) keeps its id and gains any new variants.
    static func insert(_ term: Term, in db: Database) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO term(hangul, english, kind, note, source) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(hangul, english) DO NOTHING
                """,
            arguments: [term.hangul, term.english, term.kind.rawValue, term.note, term.source]
        )
        guard
            let id = try Int64.fetchOne(
                db, sql: "SELECT id FROM term WHERE hangul = ? AND english = ?", arguments: [term.hangul, term.english])
        else { throw TMError.storage("term \(term.hangul) was not stored") }
        let forms: [(String, VariantSystem)] =
            [(term.hangul, .hangul), (term.english, .canonical)] + term.variants.map { ($0, .variant) }
        for (form, system) in forms {
            try db.execute(
                sql: "INSERT INTO variant(term_id, form, key, loose_key, system) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                arguments: [id, form, Normalizer.key(form), Normalizer.looseKey(form), system.rawValue]
            )
        }
        return id
    }
}
