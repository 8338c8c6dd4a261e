import Foundation
import Testing
@testable import Glossary

/// The test vectors copied from the shared data set into Fixtures/romanization (see its README.md).
struct RomanizationVector: Sendable, CustomTestStringConvertible {
    let hangul: String
    let expected: [String]
    let rule: String
    let source: String

    var testDescription: String { "\(hangul) → \(expected.joined(separator: "|")) [\(rule)]" }

    /// The rule family: the first word of `rule`, up to any "+".
    var family: String {
        String(rule.split(separator: " ").first?.split(separator: "+").first ?? Substring(rule))
    }

    var isNIKLExample: Bool { source.hasPrefix("NIKL-RR") }

    /// The options the row asks for: rule families name places, personal names (strict style) and transliteration.
    func options(system: RomanizationSystem) -> RomanizationOptions {
        var options = RomanizationOptions(system: system)
        if rule.hasPrefix("transliteration") { options.system = .translit }
        if ["admin_unit", "feature_name", "proper_noun", "province"].contains(where: rule.hasPrefix) { options.kind = .place }
        if rule.hasPrefix("personal_name") {
            options.kind = .name
            options.style = .strict
        }
        return options
    }

    /// The romanization compared with `expected`. Rows of other families whose expected form is capitalized are proper
    /// nouns illustrating a sound change (구미 Gumi, 왕십리 Wangsimni); the caller capitalizes them, as the glossary does.
    func romanized(system: RomanizationSystem) -> String {
        let options = options(system: system)
        let output = Romanizer.romanize(hangul, options)
        guard options.kind == .word, expected.first?.first?.isUppercase == true else { return output }
        return output.split(separator: " ", omittingEmptySubsequences: false)
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: " ")
    }

    static func load(_ name: String) -> [RomanizationVector] {
        rows(name).compactMap { columns in
            guard columns.count >= 4 else { return nil }
            return RomanizationVector(
                hangul: columns[0],
                expected: columns[1].split(separator: "|").map(String.init),
                rule: columns[2],
                source: columns[3]
            )
        }
    }

    static func rows(_ name: String) -> [[String]] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Fixtures/romanization"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").dropFirst().map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
    }

    static let revised = load("rr")
    static let mccuneReischauer = load("mr")
}

/// Rows of the vectors believed wrong, with the reason (citing the rule). Excluded from the NIKL assertion only.
/// None found so far: every row was checked against the RR 2000/2014 text and the Standard Pronunciation rules.
let knownDataErrors: [String: String] = [:]
