import Testing

@testable import Glossary

@Suite struct GlossaryEditingTests {
    @Test func addUpdateRemoveKeepLookupInStep() throws {
        let glossary = try BundledGlossaryFixture.empty()
        let added = try glossary.add(Term(hangul: "홍길동", english: "Hong Gil-dong", kind: .person, variants: ["Hong Kil-tong"]))
        let id = try #require(added.id)
        #expect(try glossary.lookup("Hong Kil-tong").matches.first?.id == id)

        var changed = added
        changed.english = "Hong Gildong"
        changed.variants = ["Hong Kiltong"]
        _ = try glossary.update(id: id, with: changed)
        #expect(try glossary.lookup("Hong Kiltong").matches.first?.english == "Hong Gildong")
        #expect(try glossary.lookup("Hong Kil-tong").matches.first?.english == "Hong Gildong", "the loose key ignores the hyphen")
        #expect(try glossary.term(id: id).variants == ["Hong Kiltong"])

        try glossary.remove(id: id)
        #expect(try glossary.lookup("Hong Kiltong").matches.allSatisfy(\.generated) || glossary.lookup("Hong Kiltong").matches.isEmpty)
        #expect(throws: TMError.notFound("term \(id)")) { try glossary.remove(id: id) }
        #expect(throws: TMError.notFound("term \(id)")) { try glossary.term(id: id) }
    }

    @Test func duplicateAndEmptyTermsAreRefused() throws {
        let glossary = try BundledGlossaryFixture.empty()
        _ = try glossary.add(Term(hangul: "평양", english: "Pyongyang", kind: .place))
        #expect(throws: TMError.self) { try glossary.add(Term(hangul: "평양", english: "Pyongyang", kind: .place)) }
        #expect(throws: TMError.invalidInput(field: "hangul", message: "the Hangul form is empty")) {
            try glossary.add(Term(hangul: " ", english: "X", kind: .place))
        }
        #expect(glossary.count == 1)
    }

    /// 김영주 is a South Korean lawmaker and a North Korean official (issue #13's example): the second entry must be
    /// asked for, and then both are kept.
    @Test func aSharedHangulOrEnglishIsAConflictUnlessAHomonymIsMeant() throws {
        let glossary = try BundledGlossaryFixture.empty()
        let north = try glossary.add(Term(hangul: "김영주", english: "Kim Yong-ju", kind: .person, note: "DPRK official"))
        let south = Term(hangul: "김영주", english: "Kim Young-joo", kind: .person, note: "ROK lawmaker")
        do {
            _ = try glossary.add(south)
            Issue.record("added without asking")
        } catch {
            guard case .conflict(let message, let existing) = error else { throw error }
            #expect(existing.map(\.id) == [north.id])
            #expect(message.contains("homonym"))
        }
        #expect(glossary.count == 1)
        let added = try glossary.add(south, homonym: true)
        #expect(glossary.count == 2)
        #expect(Set(try glossary.lookup("김영주").matches.compactMap(\.id)) == Set([north.id, added.id].compactMap { $0 }))
        // The same English for another Hangul is a conflict too.
        #expect(throws: TMError.self) { try glossary.add(Term(hangul: "김영수", english: "kim yong-ju", kind: .person)) }
    }

    /// The country tells homonyms apart: stored upper-cased, kept through an update, refused when it is no code.
    @Test func aTermsCountryIsAnISOCode() throws {
        let glossary = try BundledGlossaryFixture.empty()
        let north = try glossary.add(Term(hangul: "김영주", english: "Kim Yong-ju", kind: .person, country: "kp"))
        #expect(north.country == "KP")
        let south = try glossary.add(Term(hangul: "김영주", english: "Kim Young-joo", kind: .person, country: "KR"), homonym: true)
        #expect(try glossary.lookup("김영주").matches.map(\.country).sorted() == ["KP", "KR"])
        // The sentence's country decides: 평양 is the North's.
        _ = try glossary.add(Term(hangul: "평양", english: "Pyongyang", kind: .place, country: "KP"))
        let spans = try glossary.recognize("김영주 위원장이 평양에서 연설했다.")
        #expect(spans.first?.matches.map(\.id) == [north.id].compactMap { $0 })
        for bad in ["Korea", "K1", "한국"] {
            #expect(throws: TMError.invalidInput(field: "country", message: "a country is an ISO 3166-1 alpha-2 code such as KR, KP or US, or empty"))
            {
                try glossary.add(Term(hangul: "홍길동", english: "Hong Gil-dong", kind: .person, country: bad))
            }
        }
        var edited = south
        edited.note = "ROK lawmaker"
        #expect(try glossary.update(id: south.id ?? 0, with: edited).country == "KR")
        #expect(glossary.count == 3)
    }
}
