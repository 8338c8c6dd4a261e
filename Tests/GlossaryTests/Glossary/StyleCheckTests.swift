import Testing

@testable import Glossary

@Suite struct StyleCheckTests {
    let glossary = BundledGlossaryFixture.glossary

    @Test func draftWithFiveOffStyleNames() throws {
        let draft = """
            North Korean leader Kim Jong Un may visit Russia in May. Foreign Minister Choe Sun Hui met Russian Deputy \
            Foreign Minister Andrey Rudenko in Pyeongyang, and Kim Yo Jong, his sister, praised Kim Jong Il's legacy. \
            Vladimir Putin and Lavrov were quoted by TASS.
            """
        let result = try glossary.check(draft)
        #expect(result.issues.map(\.found) == ["Kim Jong Un", "Choe Sun Hui", "Andrey Rudenko", "Pyeongyang", "Kim Yo Jong", "Kim Jong Il"])
        #expect(result.issues.map(\.house) == ["Kim Jong-un", "Choe Son-hui", "Andrei Rudenko", "Pyongyang", "Kim Yo-jong", "Kim Jong-il"])
        #expect(result.corrected.contains("Kim Jong-un may visit"))
        #expect(result.corrected.contains("Kim Jong-il's legacy"))
        #expect(try glossary.check(result.corrected).issues.isEmpty, "the corrected draft is clean")
    }

    @Test func houseFormsShortReferencesAndCapitalsAreClean() throws {
        let draft = "KIM JONG-UN MEETS PUTIN. Kim Jong-un met Vladimir Putin; Putin and Choe Son-hui spoke."
        #expect(try glossary.check(draft).issues.isEmpty)
    }

    /// Issue #16: a person's house form in other capitals was passed, and a headline lost its capitals when corrected.
    @Test func wrongCapitalsOfANameAreFlaggedAndHeadlinesKeepTheirs() throws {
        let result = try glossary.check("Kim Jong-Un met kim jong-un. KIM JONG UN VISITS MOSCOW.")
        #expect(result.issues.map(\.found) == ["Kim Jong-Un", "kim jong-un", "KIM JONG UN"])
        #expect(result.issues.map(\.house) == ["Kim Jong-un", "Kim Jong-un", "KIM JONG-UN"])
        #expect(result.corrected == "Kim Jong-un met Kim Jong-un. KIM JONG-UN VISITS MOSCOW.")
        // A place's generic word is the desk's choice.
        #expect(try glossary.check("Tension rose on the Korean peninsula.").issues.isEmpty)
    }

    @Test func koreanTextIsNotStyleChecked() throws {
        #expect(try glossary.check("김정은 위원장").issues.isEmpty)
    }
}
