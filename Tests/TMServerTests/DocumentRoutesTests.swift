import Foundation
import Glossary
import Hummingbird
import HummingbirdTesting
import Testing

@testable import TMServer

/// `POST /v1/documents/analyze`, `/pretranslate` and `/qa` over the same library calls as the CLI (issue #16).
@Suite struct DocumentRoutesTests {
    static let korean = AlignRoutesTests.korean
    static let english = AlignRoutesTests.english

    private func json(_ object: [String: Any]) throws -> ByteBuffer {
        ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: object))
    }

    @Test func analyzePretranslateAndQAOverHTTP() async throws {
        try await TestDatabase.withServer(options: ServerOptions()) { client, database in
            let aligner = try DocumentAligner(glossary: database.glossary, memory: database.memory)
            _ = try aligner.add(try aligner.align(korean: Self.korean, english: Self.english), to: database.memory, origin: "test")
            try await client.execute(uri: "/v1/documents/analyze", method: .post, headers: .json, body: try json(["text": Self.korean])) { response in
                #expect(response.status == .ok)
                let analysis = try JSONDecoder().decode(DocumentAnalysis.self, from: Data(buffer: response.body))
                #expect(analysis.sentences.count == 3)
                #expect(analysis.sentences.first?.terms.contains { $0.english == "Kim Jong-un" } == true)
                #expect(analysis.sentences.last?.numbers.map(\.english) == ["March 27"])
                #expect(analysis.total.sentences == 3)
            }
            let draftBody = try json(["text": Self.korean, "format": "xliff", "threshold": 50, "name": "a.txt"])
            try await client.execute(uri: "/v1/documents/pretranslate", method: .post, headers: .json, body: draftBody) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/xliff+xml") == true)
                let text = String(buffer: response.body)
                #expect(text.contains("<xliff version=\"1.2\"") && text.contains("original=\"a.txt\""))
                #expect(text.contains("<target xml:lang=\"en\" state=\"needs-review-translation\""))
            }
            let changed = Self.english.replacingOccurrences(of: "March 27", with: "March 28")
            try await client.execute(uri: "/v1/documents/qa", method: .post, headers: .json, body: try json(["ko": Self.korean, "en": changed])) {
                response in
                #expect(response.status == .ok)
                let report = try JSONDecoder().decode(QAReport.self, from: Data(buffer: response.body))
                #expect(report.issues.contains { $0.kind == .number || $0.kind == .inconsistent })
            }
        }
    }

    @Test func badRequestsSayWhatIsWrong() async throws {
        try await TestDatabase.withServer(options: ServerOptions()) { client, _ in
            try await client.execute(uri: "/v1/documents/analyze", method: .post, headers: .json, body: try json(["text": "  "])) { response in
                #expect(response.status == .badRequest)
                #expect(ErrorBody.code(of: response) == "invalid_input")
            }
            try await client.execute(uri: "/v1/documents/analyze", method: .post, headers: .json, body: try json(["txt": "가"])) { response in
                #expect(response.status == .badRequest)
            }
            let badFormat = try json(["text": "부산이다.", "format": "docx"])
            try await client.execute(uri: "/v1/documents/pretranslate", method: .post, headers: .json, body: badFormat) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/v1/documents/qa", method: .post, headers: .json, body: try json(["ko": "가"])) { response in
                #expect(response.status == .badRequest)
                #expect(ErrorBody.code(of: response) != nil)
            }
        }
    }
}
