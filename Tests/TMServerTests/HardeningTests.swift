import Foundation
import Glossary
import Hummingbird
import HummingbirdTesting
import Testing

@testable import TMServer

/// Auth, limits, error codes, 405s, timeouts and the OpenAPI description, in process.
@Suite struct HardeningTests {
    private func withServer(
        options: ServerOptions = ServerOptions(token: "s3cret"),
        _ body: @escaping @Sendable (any TestClientProtocol, TestDatabase) async throws -> Void
    ) async throws {
        try await TestDatabase.withServer(options: options, body)
    }

    private static func code(_ response: TestResponse) -> String? {
        ErrorBody.code(of: response)
    }

    private static func bearer(_ token: String) -> HTTPFields {
        var headers = HTTPFields.json
        headers[.authorization] = "Bearer \(token)"
        return headers
    }

    @Test func writesNeedTheTokenReadsDoNot() async throws {
        try await withServer { client, database in
            let body = ByteBuffer(string: #"{"ko":"서울","en":"Seoul"}"#)
            try await client.execute(uri: "/v1/segments", method: .post, headers: .json, body: body) { response in
                #expect(response.status == .unauthorized)
                #expect(Self.code(response) == "unauthorized")
            }
            try await client.execute(uri: "/v1/segments", method: .post, headers: Self.bearer("guess"), body: body) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/v1/glossary/terms/1", method: .delete) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/v1/import?format=tsv", method: .post, body: ByteBuffer(string: "ko\ten\n가\tA\n")) { response in
                #expect(response.status == .unauthorized)
            }
            #expect(try database.memory.stats().segments == 0, "nothing was written")
            try await client.execute(uri: "/v1/segments", method: .post, headers: Self.bearer("s3cret"), body: body) { response in
                #expect(response.status == .created)
            }
            try await client.execute(uri: "/v1/matches?q=Seoul", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/glossary/check", method: .post, headers: .json, body: ByteBuffer(string: #"{"text":"Kim Jong Un"}"#)) {
                response in
                #expect(response.status == .ok, "checking a draft is a read")
            }
        }
    }

    @Test func withoutATokenWritesAreOpen() async throws {
        try await withServer(options: ServerOptions()) { client, _ in
            try await client.execute(uri: "/v1/segments", method: .post, headers: .json, body: ByteBuffer(string: #"{"ko":"서울","en":"Seoul"}"#)) {
                response in
                #expect(response.status == .created)
            }
        }
    }

    @Test func tokensCompareInConstantTimeAndExactly() {
        #expect(WriteAccessMiddleware<TMRequestContext>.constantTimeEqual(Array("abc".utf8), Array("abc".utf8)))
        #expect(!WriteAccessMiddleware<TMRequestContext>.constantTimeEqual(Array("abc".utf8), Array("abd".utf8)))
        #expect(!WriteAccessMiddleware<TMRequestContext>.constantTimeEqual(Array("abc".utf8), Array("abcd".utf8)))
        #expect(!WriteAccessMiddleware<TMRequestContext>.constantTimeEqual([], Array("a".utf8)))
    }

    @Test func bodiesOverTheLimitAre413() async throws {
        try await withServer(options: ServerOptions(token: nil, maxImportBody: 1_000)) { client, database in
            let big = ByteBuffer(string: #"{"text":""# + String(repeating: "a", count: (1 << 20) + 10) + #""}"#)
            try await client.execute(uri: "/v1/glossary/check", method: .post, headers: .json, body: big) { response in
                #expect(response.status == .contentTooLarge)
                #expect(Self.code(response) == "too_large")
            }
            let tsv = ByteBuffer(string: "ko\ten\n" + String(repeating: "가\tA\n", count: 500))
            try await client.execute(uri: "/v1/import?format=tsv", method: .post, body: tsv) { response in
                #expect(response.status == .contentTooLarge)
            }
            #expect(try database.memory.stats().segments == 0)
        }
    }

    @Test func longTextsAndBadValuesAre400s() async throws {
        try await withServer { client, _ in
            let long = String(repeating: "a", count: 10_001)
            try await client.execute(uri: "/v1/matches?q=\(long)", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            // A draft is a document: checks take texts far longer than a query.
            try await client.execute(uri: "/v1/glossary/check", method: .post, headers: .json, body: ByteBuffer(string: #"{"text":"\#(long)"}"#)) {
                response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/matches?q=a&limit=1000", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(
                uri: "/v1/segments", method: .post, headers: Self.bearer("s3cret"), body: ByteBuffer(string: #"{"ko":"가","en":"a","orign":"x"}"#)
            ) { response in
                #expect(response.status == .badRequest, "an unknown field is refused, not ignored")
            }
        }
    }

    @Test func unknownMethodOnAKnownPathIs405WithAllow() async throws {
        try await withServer { client, _ in
            try await client.execute(uri: "/v1/segments/1", method: .patch) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "DELETE, GET, PUT")
            }
            try await client.execute(uri: "/v1/health", method: .init("QUERY")!) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET")
            }
            try await client.execute(uri: "/v1/nothing", method: .patch) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func aSlowRequestIsCancelledWith503() async throws {
        let router = Router(context: TMRequestContext.self)
        router.add(middleware: ErrorMiddleware(table: APITable(operations: [])))
        router.add(middleware: TimeoutMiddleware(timeout: .milliseconds(50)))
        router.get("/slow") { _, _ -> String in
            try await Task.sleep(for: .seconds(5))
            return "late"
        }
        router.get("/fast") { _, _ -> String in "soon" }
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/slow", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(Self.code(response) == "timeout")
            }
            try await client.execute(uri: "/fast", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func responsesCarryARequestIDAndAreCounted() async throws {
        try await withServer { client, _ in
            try await client.execute(uri: "/v1/health", method: .get) { response in
                #expect(response.headers[.init("X-Request-Id")!]?.isEmpty == false)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains(#"tm_http_requests_total{method="GET",route="/v1/health",status="200"} 1"#))
                #expect(text.contains("tm_http_request_duration_seconds_bucket{route=\"/v1/health\",le=\"+Inf\"} 1"))
                #expect(text.contains("tm_segments 0"))
            }
        }
    }

    @Test func backupIsAConsistentCopy() async throws {
        try await withServer { client, database in
            _ = try database.memory.add([SegmentInput(ko: "서울", en: "Seoul")])
            try await client.execute(uri: "/v1/backup", method: .post) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/v1/backup", method: .post, headers: Self.bearer("s3cret")) { response in
                #expect(response.status == .ok)
                let file = database.folder.appendingPathComponent("copy.sqlite")
                try Data(buffer: response.body).write(to: file)
                let copy = try SQLiteStore(path: file.path)
                #expect(try copy.integrityCheck() == "ok")
                #expect(try copy.counts().segments == 1)
            }
        }
    }
}
