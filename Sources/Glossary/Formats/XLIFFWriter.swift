/// A pre-translated article as XLIFF 1.2, the exchange format OmegaT, memoQ and Trados open: one `trans-unit` per
/// sentence; the best memory match at or above the threshold as its `target` (state `needs-review-translation`, the
/// qualifier `exact-match` or `fuzzy-match`; below it an empty target, state `new`), every match as an `alt-trans`
/// with its `match-quality`; the names the glossary knows, and the guesses for those it lacks, in a `note`.
enum XLIFFWriter {
    static func write(_ analysis: DocumentAnalysis, original: String, threshold: Int) -> String {
        let source = analysis.language.rawValue
        let target = analysis.language.other.rawValue
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
              <file original="\(XMLEscaping.escape(original))" source-language="\(source)" target-language="\(target)" datatype="plaintext">
                <header><tool tool-id="tm" tool-name="tm" tool-version="\(TMVersion.current)"/></header>
                <body>

            """
        for sentence in analysis.sentences {
            out += "      <trans-unit id=\"\(sentence.index + 1)\">\n"
            out += "        <source xml:lang=\"\(source)\">\(XMLEscaping.escape(sentence.text))</source>\n"
            if let best = sentence.matches.first, best.score >= Double(threshold) {
                let qualifier = best.score >= 100 ? "exact-match" : "fuzzy-match"
                out += "        <target xml:lang=\"\(target)\" state=\"needs-review-translation\" state-qualifier=\"\(qualifier)\">"
                out += "\(XMLEscaping.escape(best.target))</target>\n"
            } else {
                // An empty target, state "new": the unit is still to translate (XLIFF 1.2 state values).
                out += "        <target xml:lang=\"\(target)\" state=\"new\"></target>\n"
            }
            for match in sentence.matches {
                out += "        <alt-trans match-quality=\"\(Int(match.score.rounded(.down)))\" origin=\"tm\">\n"
                out += "          <source xml:lang=\"\(source)\">\(XMLEscaping.escape(match.source))</source>\n"
                out += "          <target xml:lang=\"\(target)\">\(XMLEscaping.escape(match.target))</target>\n"
                out += "        </alt-trans>\n"
            }
            if !sentence.terms.isEmpty || !sentence.numbers.isEmpty {
                out += "        <note from=\"tm\">\(XMLEscaping.escape(sentence.notes))</note>\n"
            }
            out += "      </trans-unit>\n"
        }
        return out + "    </body>\n  </file>\n</xliff>\n"
    }
}
