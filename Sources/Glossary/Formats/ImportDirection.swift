/// Which side of an import holds the Korean, told by script: a file written the other way round (an en→ko OmegaT
/// glossary, a PO catalog with Korean msgids, a headerless en→ko TSV) is swapped as a whole, with a notice, and a
/// row whose Korean side then has no Hangul at all is skipped with its reason.
enum ImportDirection {
    /// How many units decide a memory file's direction: enough for a clear majority, cheap to read twice.
    static let sample = 1_000

    /// Whether the pairs are reversed: more of them have Hangul only on the English side than on the Korean side.
    static func isReversed(_ pairs: some Sequence<(ko: String, en: String)>) -> Bool {
        var forward = 0
        var backward = 0
        for pair in pairs {
            let korean = hasHangul(pair.ko)
            let english = hasHangul(pair.en)
            if korean && !english { forward += 1 } else if english && !korean { backward += 1 }
        }
        return backward > forward
    }

    /// Whether a memory file is reversed, from its first `sample` units (read once more by the import itself).
    static func isReversed(_ source: MemorySource, format: MemoryFormat) -> Bool {
        struct Enough: Error {}
        var pairs: [(ko: String, en: String)] = []
        do {
            try format.read(
                source,
                unit: { unit in
                    pairs.append((unit.ko, unit.en))
                    if pairs.count >= sample { throw Enough() }
                }, skip: { _ in })
        } catch {
            // Enough units, or a bad file that the import itself will report.
        }
        return isReversed(pairs)
    }

    /// The glossary with Hangul and English swapped when the file is reversed, and each row whose Korean side has no
    /// Hangul turned into a problem (`no_hangul`).
    static func checked(_ parsed: ParsedGlossary) -> ParsedGlossary {
        var checked = parsed
        checked.swapped = isReversed(parsed.terms.map { (ko: $0.term.hangul, en: $0.term.english) })
        checked.terms = []
        for row in parsed.terms {
            var term = row.term
            if checked.swapped { swap(&term.hangul, &term.english) }
            if hasHangul(term.hangul) {
                checked.terms.append(.init(line: row.line, term: term))
            } else {
                checked.problems.append(
                    ImportProblem(line: row.line, reason: "no_hangul", message: "the Korean side '\(term.hangul)' has no Hangul"))
            }
        }
        checked.problems.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        return checked
    }

    static func hasHangul(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: Script.isHangul)
    }

    /// What a report says when a file was swapped.
    static let notice = "the file has the Korean on the other side; its sides were swapped"
}
