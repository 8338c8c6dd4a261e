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

    @Test func koreanTextIsNotStyleChecked() throws {
        #expect(try glossary.check("김정은 위원장").issues.isEmpty)
    }
}
