import Foundation
import Glossary
import Hummingbird
import HummingbirdTesting
import Testing

@testable import TMServer

@Suite struct AlignRoutesTests {
    static let korean = """
        김정은 국무위원장이 5월 러시아를 방문할 수 있다고 러시아 관리들이 밝혔다. 양국은 군사 협력을 강화하고 있다.

        루덴코 차관은 3월 27일 타스 통신에 이같이 말했다.
        """
    static let english = """
        Kim Jong-un may visit Russia in May, Russian officials said. The two countries are strengthening military ties.

        Deputy Foreign Minister Andrei Rudenko told TASS on March 27. He gave no date.
        """

    struct Response: Decodable {
        let ko_sentences: [String]
        let en_sentences: [String]
        let beads: [AlignmentBead]
        let added: Int?
    }

    private func body(add: Bool) throws -> ByteBuffer {
        let object: [String: Any] = ["ko": Self.korean, "en": Self.english, "add": add]
        return ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: object))
    }

    @Test func alignsAndAddsOnlyWithTheToken() async throws {
        let database = try TestDatabase()
        defer { database.remove() }
        let app = Application(
            router: TMApplication.router(
                store: database.store, glossary: database.glossary, memory: database.memory, options: ServerOptions(token: "t")))
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/align", method: .post, headers: .json, body: try body(add: false)) { response in
                #expect(response.status == .ok)
                let result = try JSONDecoder().decode(Response.self, from: Data(buffer: response.body))
                #expect(result.ko_sentences.count == 3)
                #expect(result.en_sentences.count == 4)
                #expect(result.beads.first?.ko == [0])
                #expect(result.beads.first?.en == [0])
                #expect(result.beads.contains { $0.ko == [2] && $0.en.count == 2 || $0.en == [3] && $0.ko.isEmpty })
                #expect(result.added == nil)
            }
            try await client.execute(uri: "/v1/align", method: .post, headers: .json, body: try body(add: true)) { response in
                #expect(response.status == .unauthorized)
            }
            var headers = HTTPFields.json
            headers[.authorization] = "Bearer t"
            try await client.execute(uri: "/v1/align", method: .post, headers: headers, body: try body(add: true)) { response in
                #expect(response.status == .ok)
                let result = try JSONDecoder().decode(Response.self, from: Data(buffer: response.body))
                #expect((result.added ?? 0) >= 2)
            }
            #expect(try database.memory.stats().segments >= 2)
            try await client.execute(uri: "/v1/align", method: .post, headers: .json, body: ByteBuffer(string: #"{"ko":"가","en":"a","mode":"x"}"#)) {
                response in
                #expect(response.status == .badRequest)
            }
        }
    }
}
