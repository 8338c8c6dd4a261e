import Foundation

/// Ordinary English words (all lower case), from Debian's `wamerican` list bundled in `Resources/words`.
///
/// Glossary spellings that are also ordinary words or acronyms ("who" for WHO, "us" for US, "soul") match only in
/// their exact letter case, and a capitalized word that is not an ordinary word is a name piece: a match beside one
/// is part of a longer name ("Saeed Hasan" is not Khasan).
public enum EnglishDictionary {
    /// The words, loaded once; empty when the bundle is missing (then only the acronym rule applies).
    static let all: Set<String> = {
        guard let folder = ResourceLocation.folder(bundle: "tm_Glossary", containing: "words/english.txt"),
            let text = try? String(contentsOf: folder.appendingPathComponent("words/english.txt"), encoding: .utf8)
        else { return [] }
        return Set(text.split(separator: "\n").map(String.init))
    }()

    /// Whether the list was found.
    public static var isLoaded: Bool { !all.isEmpty }

    /// Whether `word`, lower-cased, is an ordinary English word (the calendar's names included).
    public static func contains(_ word: some StringProtocol) -> Bool {
        let lowered = word.lowercased()
        return all.contains(lowered) || calendar.contains(lowered)
    }

    /// Words English capitalizes that are still no one's name (the list keeps only lower-case entries): "Cheju Island
    /// Sunday" is an island on a day, not a longer name.
    static let calendar: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]

    /// Two or more letters, every letter upper case (WHO, US, ROK, KCNA; dots and digits allowed: U.S.).
    static func isAcronym(_ text: String) -> Bool {
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
    }

    /// A spelling that reads as ordinary words or an acronym, so that only its exact letter case names the entry.
    static func needsExactCase(_ form: String) -> Bool {
        if isAcronym(form) { return true }
        let words = form.split(whereSeparator: { $0 == " " || $0 == "-" })
        return !words.isEmpty && words.allSatisfy { contains($0) }
    }
}
