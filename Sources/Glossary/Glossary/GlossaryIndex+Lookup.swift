extension GlossaryIndex {
    /// Near misses are at most this many edits from the query's loose key…
    static let nearMissEdits = 2
    /// …and score at least this much: 75 beside exact hits (a suggestion must be close to compete with
    /// them), 60 when nothing matched exactly (a one-syllable slip in a three-syllable Hangul name, 67, is
    /// offered; a two-syllable one, 33, is not).
    static let nearMissScoreBesideHits = 75
    static let nearMissScoreAlone = 60
    static let nearMissLimit = 5

    /// Every entry with a spelling of the query's loose key, best first (Hangul or house form, then listed
    /// variant, then generated spelling), then near misses by score. A Hangul query with no hit gets a
    /// generated entry: the name romanized by rule, marked `generated`.
    func lookup(_ query: String, context: LookupContext? = nil) -> [GlossaryMatch] {
        let looseKey = Normalizer.looseKey(query)
        guard !looseKey.isEmpty else { return [] }
        let key = Normalizer.key(query)
        var matches: [(match: GlossaryMatch, rank: Int)] = []
        var found: Set<Int64> = []
        for id in termsByLooseKey[looseKey] ?? [] {
            guard let entry = entries[id], let form = Self.bestForm(of: entry, looseKey: looseKey, key: key) else { continue }
            found.insert(id)
            matches.append((Self.match(entry, form: form, via: form.via, score: 100), form.via.rank))
        }
        matches.sort { ($0.rank, $0.match.english, $0.match.id ?? 0) < ($1.rank, $1.match.english, $1.match.id ?? 0) }
        var results = matches.map(\.match)
        results += nearMisses(of: looseKey, excluding: found, minimumScore: found.isEmpty ? Self.nearMissScoreAlone : Self.nearMissScoreBesideHits)
        if found.isEmpty, Script.dominant(in: query) == .hangul, let generated = Self.generatedEntry(for: query, context: context) {
            results.insert(generated, at: 0)
        }
        return results
    }

    /// The entry's spelling that the query met: the one with the query's exact key if any, else the best ranked.
    private static func bestForm(of entry: Entry, looseKey: String, key: String) -> Form? {
        entry.forms.filter { $0.looseKey == looseKey }.min { a, b in
            (a.via.rank, a.key == key ? 0 : 1) < (b.via.rank, b.key == key ? 0 : 1)
        }
    }

    private func nearMisses(of looseKey: String, excluding found: Set<Int64>, minimumScore: Int) -> [GlossaryMatch] {
        let length = looseKey.unicodeScalars.count
        guard length >= 3 else { return [] }
        // Any key within two edits scores at least 100 × (1 − 2 / length) against the query: a superset.
        let floor = max(minimumScore, Int((100 * (1 - Double(Self.nearMissEdits) / Double(length))).rounded(.down)))
        var results: [GlossaryMatch] = []
        var seen = found
        for hit in fuzzy.search(looseKey, minScore: floor, limit: 50) where hit.distance <= Self.nearMissEdits && hit.distance > 0 {
            guard let candidateKey = looseKeyByID[hit.id] else { continue }
            for id in termsByLooseKey[candidateKey] ?? [] where seen.insert(id).inserted {
                guard let entry = entries[id], let form = entry.forms.first(where: { $0.looseKey == candidateKey && $0.via != .generated })
                else { continue }
                results.append(Self.match(entry, form: form, via: .fuzzy, score: hit.score))
            }
            if results.count >= Self.nearMissLimit { break }
        }
        return Array(results.prefix(Self.nearMissLimit))
    }

    private static func match(_ entry: Entry, form: Form, via: GlossaryMatch.Via, score: Double) -> GlossaryMatch {
        GlossaryMatch(
            id: entry.id, hangul: entry.term.hangul, english: entry.term.english, kind: entry.term.kind, matched: form.text, via: via,
            score: score, generated: false, variants: entry.term.variants, aliases: entry.term.aliases, note: entry.term.note,
            country: entry.term.country)
    }

    /// A name the glossary lacks, romanized by rule with the spellings it may appear in: the South's conventional style,
    /// or for a North Korean name (by `context`, else a surname written 리/림/로/류) KCNA's, the South's forms after it.
    static func generatedEntry(for query: String, context: LookupContext? = nil) -> GlossaryMatch? {
        let hangul = spaced(query.trimmed)
        if NameRomanizer.guessesLoanword(hangul) {
            // A foreign word, not a Korean person: its spelling is a guess, and the entry says so.
            let english = Romanizer.romanize(hangul, RomanizationOptions(kind: .name))
            guard !english.isEmpty, english != hangul else { return nil }
            return GlossaryMatch(
                id: nil, hangul: hangul, english: english, kind: .term, matched: hangul, via: .generated, score: 100, generated: true,
                variants: Romanizer.variants(ofName: hangul).map(\.form).filter { $0 != english }, aliases: [],
                note: "not in the glossary: a foreign word in Hangul; its spelling is a guess made by reversing the Korean loanword orthography",
                country: "")
        }
        let north = (context ?? (northernSurnames.contains { hangul.hasPrefix($0) } ? .dprk : .south)) == .dprk
        let options = north ? RomanizationOptions(system: .dprk, kind: .name, style: .dprk) : RomanizationOptions(kind: .name)
        let english = Romanizer.romanize(hangul, options)
        guard !english.isEmpty, english != hangul else { return nil }
        let variants = Romanizer.variants(ofName: hangul).map(\.form).filter { $0 != english }
        let note =
            north
            ? "not in the glossary: romanized by rule as a North Korean name (KCNA style)"
            : "not in the glossary: romanized by rule as a personal name"
        return GlossaryMatch(
            id: nil, hangul: hangul, english: english, kind: .person, matched: hangul, via: .generated, score: 100, generated: true,
            variants: variants, aliases: [], note: note, country: north ? "KP" : "")
    }

    /// Surnames only the North writes so (the South drops the initial ㄹ: 이, 임, 노, 유).
    static let northernSurnames = ["리", "림", "로", "류", "량", "렴", "륙", "라", "려"]
}
