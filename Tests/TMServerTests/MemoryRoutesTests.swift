import Foundation
import Glossary
import Hummingbird
import HummingbirdTesting
import Testing

@testable import TMServer

@Suite struct MemoryRoutesTests {

    struct AddedList: Decodable {
        let segments: [AddedSegment]
    }

    private static let pairs = [
        SegmentInput(ko: "김정은 국무위원장이 5월 러시아를 방문할 수 있다.", en: "Kim Jong-un may visit Russia in May."),
        SegmentInput(ko: "러시아는 방문 일정을 협의하고 있다고 밝혔다.", en: "Russia said it is negotiating the visit's details."),
        SegmentInput(ko: "북한은 러시아에 3천 명의 병력을 추가로 파병했다.", en: "North Korea deployed an additional 3,000 troops to Russia."),
    ]

    private func withServer(_ body: @escaping @Sendable (any TestClientProtocol, TestDatabase) async throws -> Void) async throws {
        let database = try TestDatabase()
        defer { database.remove() }
        _ = try database.memory.add(Self.pairs, defaultOrigin: "test")
        try await database.application.test(.router) { client in try await body(client, database) }
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: Data(buffer: response.body))
    }

    @Test func addOneOrManyThenGetPutDelete() async throws {
        try await withServer { client, _ in
            let one = try await client.execute(
                uri: "/v1/segments", method: .post, headers: .json, body: ByteBuffer(string: #"{"ko":"평양","en":"Pyongyang","origin":"t"}"#)
            ) { response in
                #expect(response.status == .created)
                return try Self.decode(AddedSegment.self, response)
            }
            #expect(one.created)
            try await client.execute(
                uri: "/v1/segments", method: .post, headers: .json,
                body: ByteBuffer(string: #"[{"ko":"평양","en":"Pyongyang"},{"ko":"서울","en":"Seoul"}]"#)
            ) { response in
                #expect(response.status == .created)
                let list = try Self.decode(AddedList.self, response)
                #expect(list.segments.map(\.created) == [false, true])
                #expect(list.segments[0].segment.id == one.segment.id)
            }
            let id = one.segment.id
            try await client.execute(uri: "/v1/segments/\(id)", method: .get) { response in
                let segment = try Self.decode(Segment.self, response)
                #expect(segment.en == "Pyongyang")
            }
            try await client.execute(
                uri: "/v1/segments/\(id)", method: .put, headers: .json, body: ByteBuffer(string: #"{"ko":"평양시","en":"Pyongyang City"}"#)
            ) { response in
                #expect(response.status == .ok)
                let segment = try Self.decode(Segment.self, response)
                #expect(segment.ko == "평양시")
                #expect(segment.origin == "t")
            }
            try await client.execute(uri: "/v1/segments/\(id)", method: .delete) { response in
                #expect(response.status == .noContent)
            }
            try await client.execute(uri: "/v1/segments/\(id)", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func matchesInEitherLanguage() async throws {
        try await withServer { client, _ in
            try await client.execute(uri: "/v1/matches?q=Kim+Jong-un+may+visit+Russia+in+June.", method: .get) { response in
                #expect(response.status == .ok)
                let result = try Self.decode(MemorySearchResult.self, response)
                #expect(result.from == .en)
                #expect(result.matches.first?.ko == Self.pairs[0].ko)
                #expect((result.matches.first?.score ?? 0) > 85)
                #expect(result.tookMs >= 0)
            }
            let korean = "러시아는 방문 일정을 협의 중이라고 밝혔다.".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            try await client.execute(uri: "/v1/matches?q=\(korean)&min=60&hints=true", method: .get) { response in
                let result = try Self.decode(MemorySearchResult.self, response)
                #expect(result.from == .ko)
                #expect(result.matches.first?.en == Self.pairs[1].en)
                #expect(result.terms != nil)
            }
        }
    }

    @Test(arguments: [
        ("/v1/matches?q=a&min=abc", "min"), ("/v1/matches?q=a&limit=-1", "limit"), ("/v1/matches?q=a&limit=101", "limit"),
        ("/v1/matches?q=a&from=fr", "from"), ("/v1/matches", "q"), ("/v1/concordance?q=", "q"), ("/v1/segments/x", "id"),
    ])
    func invalidParametersAre400s(uri: String, field: String) async throws {
        try await withServer { client, _ in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .badRequest)
                let body = try Self.decode(ErrorBody.self, response)
                #expect(body.error.field == field)
            }
        }
    }

    @Test func concordanceOfATwoSyllableWord() async throws {
        try await withServer { client, _ in
            let phrase = "병력".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            try await client.execute(uri: "/v1/concordance?q=\(phrase)", method: .get) { response in
                let result = try Self.decode(ConcordanceResult.self, response)
                #expect(result.hits.map(\.en) == [Self.pairs[2].en])
                #expect(result.hits.first?.spans.first?.start == 15)
                #expect(result.hits.first?.spans.first?.end == 17)
            }
        }
    }

    @Test func importThenExportTMX() async throws {
        try await withServer { client, _ in
            let tsv = "ko\ten\n서울\tSeoul\n부산\tBusan\n"
            try await client.execute(uri: "/v1/import?format=tsv&origin=upload", method: .post, body: ByteBuffer(string: tsv)) { response in
                #expect(response.status == .ok)
                let report = try Self.decode(MemoryImportReport.self, response)
                #expect(report.added == 2)
            }
            try await client.execute(uri: "/v1/import?format=tsv", method: .post, body: ByteBuffer(string: "ko\ten\n가\n")) { response in
                #expect(response.status == .unprocessableContent)
            }
            try await client.execute(uri: "/v1/export?format=tmx", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.hasPrefix("<?xml"))
                #expect(text.contains("<seg>Busan</seg>"))
                #expect(text.contains("<seg>\(Self.pairs[0].ko)</seg>"))
                #expect(text.hasSuffix("</tmx>\n"))
            }
        }
    }
}
