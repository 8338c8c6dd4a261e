import Foundation

/// Two-syllable Korean words that have a reading in Chinese characters (현대 現代, 대우 待遇), from libhangul's hanja
/// dictionary bundled in `Resources/words/sino-korean.txt`.
///
/// A Korean company named with such a word is also that common word in most sentences, so recognition asks for a
/// company word after it (`KoreanCompanyWords`).
enum SinoKoreanWords {
    /// The words, loaded once; empty when the bundle is missing (then no company name needs a company word).
    static let all: Set<String> = {
        guard let folder = ResourceLocation.folder(bundle: "tm_Glossary", containing: "words/sino-korean.txt"),
            let text = try? String(contentsOf: folder.appendingPathComponent("words/sino-korean.txt"), encoding: .utf8)
        else { return [] }
        return Set(text.split(separator: "\n").map(String.init))
    }()

    static func contains(_ word: String) -> Bool { all.contains(word) }
}
