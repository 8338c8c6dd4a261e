import Foundation
import Glossary
import Hummingbird
import HummingbirdTesting
import Testing

@testable import TMServer

@Suite struct GlossaryRoutesTests {

    private let seed = [
        Term(hangul: "김정은", english: "Kim Jong-un", kind: .person, variants: ["Kim Jong Un"]),
        Term(hangul: "최선희", english: "Choe Son-hui", kind: .person, variants: ["Choe Sun Hui"]),
        Term(hangul: "평양", english: "Pyongyang", kind: .place),
    ]

    private func withServer(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let database = try TestDatabase(seed: seed)
        defer { database.remove() }
        try await database.application.test(.router) { client in try await body(client) }
    }

    private static func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    private static func decode<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(buffer: response.body))
    }

    @Test func lookupByAnySpellingWithFormEncoding() async throws {
        try await withServer { client in
            for query in ["Kim+Jong+Un", "kim%20jong-un", "%EA%B9%80%EC%A0%95%EC%9D%80", "Gim+Jeong-eun"] {
                try await client.execute(uri: "/v1/glossary/lookup?q=\(query)", method: .get) { response in
                    #expect(response.status == .ok)
                    let result = try Self.decode(LookupResult.self, response)
                    #expect(result.matches.first?.english == "Kim Jong-un", "\(query)")
                }
            }
            try await client.execute(uri: "/v1/glossary/lookup?q=%E9%FF", method: .get) { response in
                #expect(response.status == .badRequest)
                let decoded = try Self.decode(ErrorBody.self, response)
                #expect(decoded.error.field == "q")
            }
            try await client.execute(uri: "/v1/glossary/lookup", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func recognizeAndCheck() async throws {
        try await withServer { client in
            try await client.execute(
                uri: "/v1/glossary/recognize", method: .post, headers: .json, body: Self.json(#"{"text":"김정은이 평양에서 최선희를 만났다."}"#)
            ) { response in
                #expect(response.status == .ok)
                let result = try Self.decode(RecognitionResult.self, response)
                #expect(result.terms.map(\.text) == ["김정은", "평양", "최선희"])
                #expect(result.terms.map(\.start) == [0, 5, 10])
            }
            try await client.execute(
                uri: "/v1/glossary/check", method: .post, headers: .json, body: Self.json(#"{"text":"Kim Jong Un met Choe Sun Hui in Pyongyang."}"#)
            ) { response in
                #expect(response.status == .ok)
                let result = try Self.decode(StyleCheckResult.self, response)
                #expect(result.issues.map(\.house) == ["Kim Jong-un", "Choe Son-hui"])
                #expect(result.corrected == "Kim Jong-un met Choe Son-hui in Pyongyang.")
            }
        }
    }

    @Test(
        arguments: [
            (#"{"text": 5}"#, "text"),
            (#"{"txt": "a"}"#, "text"),
            (#"{"text": "a""#, nil),
            ("not json", nil),
        ] as [(String, String?)])
    func badBodiesAre400s(body: String, field: String?) async throws {
        try await withServer { client in
            try await client.execute(uri: "/v1/glossary/check", method: .post, headers: .json, body: Self.json(body)) { response in
                #expect(response.status == .badRequest)
                let error = try Self.decode(ErrorBody.self, response).error
                #expect(error.code == "invalid_input")
                #expect(error.field == field)
            }
        }
    }

    @Test func invalidUTF8BodyIsA400() async throws {
        try await withServer { client in
            var buffer = ByteBuffer(string: #"{"text":"Kim "#)
            buffer.writeBytes([0xC3, 0x28])
            buffer.writeString(#""}"#)
            try await client.execute(uri: "/v1/glossary/check", method: .post, headers: .json, body: buffer) { response in
                #expect(response.status == .badRequest)
                let decoded = try Self.decode(ErrorBody.self, response)
                #expect(decoded.error.message.contains("UTF-8"))
            }
        }
    }

    @Test func termsCreateReadUpdateDelete() async throws {
        try await withServer { client in
            let created = try await client.execute(
                uri: "/v1/glossary/terms", method: .post,
                headers: .json, body: Self.json(#"{"hangul":"김여정","english":"Kim Yo-jong","kind":"person","variants":["Kim Yo Jong"]}"#)
            ) { response in
                #expect(response.status == .created)
                return try Self.decode(Term.self, response)
            }
            let id = try #require(created.id)
            try await client.execute(uri: "/v1/glossary/lookup?q=Kim+Yo+Jong", method: .get) { response in
                let decoded = try Self.decode(LookupResult.self, response)
                #expect(decoded.matches.first?.id == id)
            }
            try await client.execute(
                uri: "/v1/glossary/terms/\(id)", method: .put,
                headers: .json, body: Self.json(#"{"hangul":"김여정","english":"Kim Yo Jong","kind":"person"}"#)
            ) { response in
                #expect(response.status == .ok)
                let decoded = try Self.decode(Term.self, response)
                #expect(decoded.english == "Kim Yo Jong")
            }
            try await client.execute(uri: "/v1/glossary/terms/\(id)", method: .delete) { response in
                #expect(response.status == .noContent)
            }
            try await client.execute(uri: "/v1/glossary/terms/\(id)", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/v1/glossary/terms/abc", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(
                uri: "/v1/glossary/terms", method: .post, headers: .json, body: Self.json(#"{"hangul":"평양","english":"Pyongyang","kind":"place"}"#)
            ) { response in
                #expect(response.status == .conflict, "a duplicate term")
            }
            try await client.execute(
                uri: "/v1/glossary/terms", method: .post, headers: .json, body: Self.json(#"{"hangul":"x","english":"y","kind":"river"}"#)
            ) { response in
                #expect(response.status == .badRequest)
                let decoded = try Self.decode(ErrorBody.self, response)
                #expect(decoded.error.field == "kind")
            }
        }
    }

    @Test func importTBXThenExportTSV() async throws {
        try await withServer { client in
            let tbx = GlossaryFormat.tbx.render([Term(hangul: "리설주", english: "Ri Sol-ju", kind: .person, variants: ["Ri Sol Ju"])])
            var headers = HTTPFields()
            headers[.contentType] = "application/x-tbx+xml"
            try await client.execute(uri: "/v1/glossary/import", method: .post, headers: headers, body: ByteBuffer(string: tbx)) { response in
                #expect(response.status == .ok)
                let report = try Self.decode(GlossaryImportReport.self, response)
                #expect(report.added == 1)
            }
            try await client.execute(uri: "/v1/glossary/export?format=tsv", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/tab-separated-values") == true)
                let text = String(buffer: response.body)
                #expect(text.contains("리설주\tRi Sol-ju\tperson\tRi Sol Ju"))
            }
            let bad = "hangul\tenglish\tkind\tvariants\tnote\tsource\n가\tA\tnope\t\t\t\n"
            try await client.execute(uri: "/v1/glossary/import?format=tsv", method: .post, body: ByteBuffer(string: bad)) { response in
                #expect(response.status == .unprocessableContent)
                let decoded = try Self.decode(ErrorBody.self, response)
                #expect(decoded.error.code == "bad_file")
            }
            try await client.execute(uri: "/v1/glossary/terms", method: .get) { response in
                #expect(String(buffer: response.body).contains("Ri Sol-ju"))
                #expect(!String(buffer: response.body).contains("\"A\""))
            }
        }
    }

    @Test func aSecondEntryOfOneHangulIs409UntilItIsAHomonym() async throws {
        try await withServer { client in
            let body = #"{"hangul":"김정은","english":"Kim Jung-eun","kind":"person","note":"a singer"}"#
            try await client.execute(uri: "/v1/glossary/terms", method: .post, headers: .json, body: Self.json(body)) { response in
                #expect(response.status == .conflict)
                let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: [String: Any]]
                #expect(object?["error"]?["code"] as? String == "conflict")
                let existing = object?["error"]?["existing"] as? [[String: Any]]
                #expect(existing?.first?["english"] as? String == "Kim Jong-un")
            }
            let homonym = #"{"hangul":"김정은","english":"Kim Jung-eun","kind":"person","note":"a singer","country":"kr","homonym":true}"#
            try await client.execute(uri: "/v1/glossary/terms", method: .post, headers: .json, body: Self.json(homonym)) { response in
                #expect(response.status == .created)
                let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(object?["country"] as? String == "KR")
            }
            let bad = #"{"hangul":"김정은","english":"Kim Jeong-eun","kind":"person","country":"Korea","homonym":true}"#
            try await client.execute(uri: "/v1/glossary/terms", method: .post, headers: .json, body: Self.json(bad)) { response in
                #expect(response.status == .badRequest)
                let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: [String: Any]]
                #expect(object?["error"]?["field"] as? String == "country")
            }
        }
    }

    @Test func lookupTakesANorthKoreanContext() async throws {
        try await withServer { client in
            try await client.execute(uri: "/v1/glossary/lookup?q=%EB%B0%95%EC%B2%A0%EC%88%98&context=dprk", method: .get) { response in
                #expect(response.status == .ok)
                let result = try JSONDecoder().decode(LookupResult.self, from: Data(buffer: response.body))
                #expect(result.matches.first?.english == "Pak Chol Su")
            }
            try await client.execute(uri: "/v1/glossary/lookup?q=%EB%B0%95%EC%B2%A0%EC%88%98&context=north", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("context"))
            }
        }
    }
}
