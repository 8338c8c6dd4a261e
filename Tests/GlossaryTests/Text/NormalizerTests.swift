import Testing

@testable import Glossary

@Suite struct NormalizerTests {
    /// Compares scalars, not Strings: Swift's `==` treats decomposed jamo and 가 as equal.
    private func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    @Test(arguments: [
        ("Kim Jong-un", "kim jong-un"),
        ("ＫＩＭ　Ｊｏｎｇ－ｕｎ", "kim jong-un"),  // full-width Latin, ideographic space, full-width hyphen
        ("Kim\u{00A0}Jong\u{2011}un", "kim jong-un"),  // NBSP, non-breaking hyphen
        ("Kim Jong\u{2013}un", "kim jong-un"),  // en dash
        ("Kim Jong\u{2212}un", "kim jong-un"),  // minus sign
        ("Kim Jong\u{00AD}un", "kim jongun"),  // soft hyphen removed
        ("Kim\u{200B} Jong\u{200D}-un\u{FEFF}", "kim jong-un"),  // zero-width space, joiner, BOM
        ("  Kim \t\n  Jong-un  ", "kim jong-un"),  // runs of white space, trimmed
        ("Ch\u{2019}oe S\u{014F}n-h\u{016D}i", "ch'oe sŏn-hŭi"),
        ("Ch\u{02BC}oe", "ch'oe"), ("Ch\u{02BB}oe", "ch'oe"), ("Ch\u{2032}oe", "ch'oe"), ("Ch`oe", "ch'oe"), ("Ch\u{2018}oe", "ch'oe"),
        ("\u{201C}quoted\u{201D}", "\"quoted\""),
        ("Straße", "strasse"),
        ("", ""),
        (" \t\n ", ""),
    ])
    func keyFoldsCaseWidthDashesQuotesAndSpace(input: String, expected: String) {
        #expect(scalars(Normalizer.key(input)) == scalars(expected))
    }

    /// Text of ASCII and Hangul syllables skips ICU: its key and its NFC are exactly ICU's, on every syllable and
    /// on random mixes with ASCII; a conjoining jamo (which a syllable before it composes with) takes ICU's path.
    @Test func hangulSyllableFastPathEqualsICU() throws {
        for value in UInt32(0xAC00)...0xD7A3 {
            let syllable = String(Character(try #require(Unicode.Scalar(value))))
            let text = "A \(syllable)  b\(syllable)`"
            #expect(Normalizer.isASCIIOrHangulSyllables(text))
            #expect(scalars(Normalizer.key(text)) == scalars(Normalizer.icuKey(text)), "U+\(String(value, radix: 16))")
            #expect(scalars(Normalizer.composed(text)) == scalars(ICU.normalize(text, .nfc)))
        }
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let scalars = (0..<Int.random(in: 0...40, using: &random)).compactMap { _ in
                Bool.random(using: &random)
                    ? Unicode.Scalar(UInt8.random(in: 0..<128, using: &random)) : Unicode.Scalar(UInt32.random(in: 0xAC00...0xD7A3, using: &random))
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            #expect(self.scalars(Normalizer.key(text)) == self.scalars(Normalizer.icuKey(text)), "\(text.debugDescription)")
        }
        let jamo = "\u{AC00}\u{11A8}"  // 가 + final ㄱ: NFC is 각
        #expect(!Normalizer.isASCIIOrHangulSyllables(jamo))
        #expect(scalars(Normalizer.composed(jamo)) == [0xAC01])
        #expect(scalars(Normalizer.key(jamo)) == [0xAC01])
    }

    /// The ASCII fast path gives exactly what ICU gives, on every ASCII character and on random ASCII text.
    @Test func asciiFastPathEqualsICU() {
        for value in 0..<128 {
            let text = "a\(Character(Unicode.Scalar(UInt8(value))))b"
            #expect(scalars(Normalizer.asciiKey(text)) == scalars(Normalizer.icuKey(text)), "U+\(value)")
        }
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0...40, using: &random)).map { _ in UInt8.random(in: 0..<128, using: &random) }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(scalars(Normalizer.asciiKey(text)) == scalars(Normalizer.icuKey(text)))
        }
    }

    /// Recognition keys the words and spans of a draft on its own fast path; it must give what `key` gives.
    @Test func recognitionWordKeyEqualsTheKey() {
        var random = SystemRandomNumberGenerator()
        var words = ["Kim", "JONG-UN", "Xi`an", "O'Brien", "Chŏng", "ＷＨＯ", "Straße", "U.S.", "a\u{7F}b", "Tab\tbed", "Kim Jong\nUn", " Ri  Sol-ju "]
        for _ in 0..<2_000 {
            words.append(
                String(decoding: (0..<Int.random(in: 1...12, using: &random)).map { _ in UInt8.random(in: 0..<128, using: &random) }, as: UTF8.self))
        }
        for word in words {
            #expect(scalars(GlossaryIndex.spanKey(ArraySlice(word.unicodeScalars))) == scalars(Normalizer.key(word)), "\(word.debugDescription)")
        }
    }

    @Test func keyComposesDecomposedHangul() {
        let decomposed = "\u{1100}\u{1175}\u{11B7}\u{110C}\u{1165}\u{11BC}\u{110B}\u{1173}\u{11AB}"  // 김정은 as conjoining jamo
        #expect(scalars(Normalizer.key(decomposed)) == scalars("김정은"))
        #expect(Normalizer.key(decomposed).unicodeScalars.count == 3)
    }

    @Test func keyComposesCombiningMarks() {
        #expect(scalars(Normalizer.key("S\u{006F}\u{0306}ul")) == scalars("s\u{014F}ul"))
    }

    @Test(arguments: ["Ch'oe Sŏn-hŭi", "Choe Son Hui", "choesonhui", "CHOE SON-HUI", "Ch\u{2019}oe S\u{006F}\u{0306}n\u{2010}h\u{0075}\u{0306}i"])
    func looseKeyJoinsSpellingsOfOneName(input: String) {
        #expect(Normalizer.looseKey(input) == "choesonhui")
    }

    @Test func looseKeyKeepsHangulComposed() {
        #expect(scalars(Normalizer.looseKey("김 정은")) == scalars("김정은"))
        #expect(scalars(Normalizer.looseKey("\u{1100}\u{1175}\u{11B7} 정은")) == scalars("김정은"))
    }

    @Test func looseKeyKeepsDifferentNamesApart() {
        #expect(Normalizer.looseKey("Kim Jong-un") != Normalizer.looseKey("Kim Jong-il"))
    }

    @Test func keyOfVeryLongInput() {
        let long = String(repeating: "김정은 Kim\u{00A0}Jong–un ", count: 20_000)
        let key = Normalizer.key(long)
        #expect(key.hasPrefix("김정은 kim jong-un 김정은"))
        #expect(!key.hasSuffix(" "))
        #expect(key.unicodeScalars.count == 20_000 * 16 - 1)
    }

    /// The UTF-8 normalizer's paths: text already normal comes back as it is (the quick check), a short and a long
    /// (heap-buffered) text are composed, and an expansion past three times the input takes the second buffer.
    @Test func normalizationTakesEveryBufferPath() {
        let composed = "최선희 외무상"
        let decomposed = String(String.UnicodeScalarView(composed.decomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(decomposed.unicodeScalars.count > composed.unicodeScalars.count)
        #expect(Normalizer.composed(decomposed) == composed)
        #expect(Normalizer.composed(composed) == composed)
        #expect(Normalizer.composed(String(repeating: decomposed, count: 500)) == String(repeating: composed, count: 500))
        // U+FDFA is eighteen characters under NFKC (54 bytes of UTF-8 from 3).
        let expanded = Normalizer.key(String(repeating: "\u{FDFA}", count: 40))
        #expect(expanded.unicodeScalars.count == 40 * 18 && expanded.hasPrefix("صلى الله عليه وسلم"))
        #expect(Normalizer.key("") == "" && Normalizer.composed("") == "")
    }

    @Test func decodeUTF8AcceptsValidText() throws {
        #expect(try Normalizer.decodeUTF8(Array("김정은 Kim".utf8)) == "김정은 Kim")
    }

    /// Invalid bytes are refused with their offset rather than replaced: a replaced byte would be stored.
    @Test(arguments: [
        ([0x4B, 0x69, 0xFF, 0x6D] as [UInt8], 2),  // a byte that never occurs in UTF-8
        ([0xEA, 0xB9], 0),  // a truncated three-byte sequence
        ([0x41, 0xED, 0xA0, 0x80], 1),  // an encoded surrogate (U+D800)
        ([0xC0, 0xAF], 0),  // an overlong '/'
    ])
    func decodeUTF8RejectsInvalidBytes(bytes: [UInt8], offset: Int) {
        #expect(throws: Normalizer.InvalidUTF8(byteOffset: offset)) { try Normalizer.decodeUTF8(bytes) }
    }
}
