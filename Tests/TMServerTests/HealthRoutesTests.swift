import Foundation
import Glossary
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import TMServer

@Suite struct HealthRoutesTests {
    struct Health: Decodable {
        let status: String
        let version: String
        let icu: String
        let database: String
        let segments: Int
        let terms: Int
    }

    @Test func healthReportsVersionsAndCounts() async throws {
        let database = try TestDatabase()
        defer { database.remove() }
        try await database.application.test(.router) { client in
            try await client.execute(uri: "/v1/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let health = try JSONDecoder().decode(Health.self, from: Data(buffer: response.body))
                #expect(health.status == "ok")
                #expect(health.version == TMVersion.current)
                #expect(health.icu.hasPrefix("7"))
                #expect(health.database.hasPrefix("SQLite 3."))
                #expect(health.segments == 0)
                #expect(health.terms == 1)
            }
        }
    }

    @Test func unknownPathIsA404WithAJSONBody() async throws {
        let database = try TestDatabase()
        defer { database.remove() }
        try await database.application.test(.router) { client in
            try await client.execute(uri: "/v1/no-such-thing", method: .get) { response in
                #expect(response.status == .notFound)
                let body = try JSONDecoder().decode(ErrorBody.self, from: Data(buffer: response.body))
                #expect(body.error.code == "not_found")
                #expect(!body.error.message.isEmpty)
            }
        }
    }

    @Test func liveServerAnswersOnARealSocket() async throws {
        let database = try TestDatabase()
        defer { database.remove() }
        let app = TMApplication.application(
            store: database.store, glossary: database.glossary, memory: database.memory, host: "127.0.0.1", port: 0, logger: Logger(label: "test"))
        try await app.test(.live) { client in
            try await client.execute(uri: "/v1/health", method: .get) { response in
                #expect(response.status == .ok)
                let health = try JSONDecoder().decode(Health.self, from: Data(buffer: response.body))
                #expect(health.terms == 1)
            }
        }
    }
}
