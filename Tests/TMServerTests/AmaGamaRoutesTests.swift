import Foundation
import Glossary
import Hummingbird
import HummingbirdTesting
import Testing

@testable import TMServer

/// The amaGama-compatible route, driven with the request shapes real clients send.
@Suite struct AmaGamaRoutesTests {
    private func withServer(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let database = try TestDatabase()
        defer { database.remove() }
        _ = try database.memory.add([
            SegmentInput(ko: "파일을 열 수 없습니다.", en: "Cannot open the file."),
            SegmentInput(ko: "파일/폴더를 열 수 없습니다.", en: "Cannot open file/folder."),
            SegmentInput(ko: "1 + 1", en: "one + one"),
        ])
        try await database.application.test(.router) { client in try await body(client) }
    }

    private static func list(_ response: TestResponse) throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]] ?? []
    }

    /// Weblate: every character percent-escaped, language codes lower case with "_".
    @Test func weblateRequest() async throws {
        try await withServer { client in
            let text = "Cannot open the file!".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            try await client.execute(uri: "/tmserver/en_us/ko_kr/unit/\(text)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let body = String(buffer: response.body)
                #expect(body.contains(#""quality":95.24"#))
                let list = try Self.list(response)
                #expect(list.first?["source"] as? String == "Cannot open the file.")
                #expect(list.first?["target"] as? String == "파일을 열 수 없습니다.")
            }
        }
    }

    @Test func slashAndPlusInTheTextAndADoubledSlash() async throws {
        try await withServer { client in
            try await client.execute(uri: "/tmserver//en/ko/unit/Cannot%20open%20file%2Ffolder.", method: .get) { response in
                let decoded = try Self.list(response)
                #expect(decoded.first?["target"] as? String == "파일/폴더를 열 수 없습니다.")
            }
            try await client.execute(uri: "/tmserver/en/ko/unit/one+%2B+one", method: .get) { response in
                // "one++ one": the literal + is a plus, not a space; close enough to "one + one" to match.
                let list = try Self.list(response)
                #expect(list.first?["source"] as? String == "one + one")
            }
        }
    }

    @Test func exactMatchQualityIsAFloat() async throws {
        try await withServer { client in
            try await client.execute(uri: "/tmserver/ko/en/unit/1%20%2B%201", method: .get) { response in
                #expect(String(buffer: response.body) == #"[{"source":"1 + 1","target":"one + one","quality":100.00,"rank":100.00}]"#)
            }
        }
    }

    @Test func unsupportedPairIsAnEmptyList() async throws {
        try await withServer { client in
            try await client.execute(uri: "/tmserver/en/de/unit/Hello", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "[]")
            }
        }
    }

    @Test func languagesWithTrailingSlash() async throws {
        try await withServer { client in
            try await client.execute(uri: "/tmserver/languages/", method: .get) { response in
                let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: [String]]
                #expect(object?["sourceLanguages"] == ["en", "ko"])
                #expect(object?["targetLanguages"] == ["en", "ko"])
            }
        }
    }

    /// Pootle: `unit/?source=` from the browser, with CORS.
    @Test func pootleQueryFormWithCORS() async throws {
        try await withServer { client in
            try await client.execute(uri: "/tmserver/en/ko/unit/?source=Cannot+open+the+file.&style=default", method: .get) { response in
                #expect(response.headers[.accessControlAllowOrigin] == "*")
                let decoded = try Self.list(response)
                #expect(decoded.first?["quality"] as? Double == 100)
            }
        }
    }

    @Test func maxCandidatesAndMinSimilarity() async throws {
        try await withServer { client in
            try await client.execute(uri: "/tmserver/en/ko/unit/Cannot%20open?min_similarity=30&max_candidates=1", method: .get) { response in
                let decoded = try Self.list(response)
                #expect(decoded.count == 1)
            }
            // As amaGama: a value that is not an integer is ignored, one above the cap is the cap.
            try await client.execute(uri: "/tmserver/en/ko/unit/Cannot%20open?min_similarity=x&max_candidates=abc", method: .get) { response in
                #expect(response.status == .ok)
            }
            var capped = 0
            try await client.execute(uri: "/tmserver/en/ko/unit/Cannot%20open?min_similarity=0&max_candidates=100", method: .get) { response in
                capped = try Self.list(response).count
            }
            try await client.execute(uri: "/tmserver/en/ko/unit/Cannot%20open?min_similarity=0&max_candidates=100000", method: .get) { response in
                #expect(response.status == .ok)
                let all = try Self.list(response)
                #expect(all.count == capped && capped > 1)
            }
        }
    }

    /// amaGama's `/api/v1/` prefix, HEAD, OPTIONS, its Cache-Control, and Pootle's JSONP callback.
    @Test func apiV1HeadOptionsAndCaching() async throws {
        try await withServer { client in
            try await client.execute(uri: "/api/v1/en/ko/unit/Cannot%20open%20the%20file.", method: .get) { response in
                #expect(response.headers[.cacheControl] == "max-age=3600, public")
                let found = try Self.list(response)
                #expect(found.first?["quality"] as? Double == 100)
            }
            try await client.execute(uri: "/api/v1/languages/", method: .get) { response in
                #expect(String(buffer: response.body).contains("sourceLanguages"))
            }
            try await client.execute(uri: "/tmserver/en/ko/unit/Cannot%20open%20the%20file.", method: .head) { response in
                #expect(response.status == .ok && response.body.readableBytes == 0)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            }
            try await client.execute(uri: "/api/v1/en/ko/unit/x", method: .options) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.allow] == "GET, HEAD, OPTIONS" && response.headers[.accessControlAllowOrigin] == "*")
            }
            try await client.execute(uri: "/tmserver/languages/?jsoncallback=jQuery123_456", method: .get) { response in
                #expect(String(buffer: response.body).hasPrefix("jQuery123_456({"))
            }
            try await client.execute(uri: "/tmserver/languages/?jsoncallback=alert(1)//", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }
}
