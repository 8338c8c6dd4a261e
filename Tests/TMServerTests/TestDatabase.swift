import Foundation
import Glossary
import Hummingbird
import HummingbirdTesting
@testable import TMServer

/// A store in a fresh temporary folder, seeded with a few terms; the folder goes when the test ends.
struct TestDatabase {
    let folder: URL
    let store: SQLiteStore
    let glossary: TermGlossary
    let memory: TranslationMemory

    init(seed: [Term] = [Term(hangul: "김정은", english: "Kim Jong-un", kind: .person, variants: ["Kim Jong Un"])]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-server-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try SQLiteStore(path: folder.appendingPathComponent("tm.sqlite").path) { seed }
        glossary = try TermGlossary(store: store)
        memory = TranslationMemory(store: store, glossary: glossary)
    }

    /// The API over this database, for in-process tests.
    var application: some ApplicationProtocol {
        Application(router: TMApplication.router(store: store, glossary: glossary, memory: memory))
    }

    /// Every operation the API declares.
    var operations: [APIOperation] {
        TMApplication.routes(store: store, glossary: glossary, memory: memory, options: ServerOptions()).map(\.operation)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// The API's error body, `{"error":{"code","message","field"}}`.
struct ErrorBody: Decodable {
    struct Detail: Decodable {
        let code: String
        let message: String
        let field: String?
    }
    let error: Detail
}

extension HTTPFields {
    /// `Content-Type: application/json`, which every JSON route requires.
    static var json: HTTPFields { [.contentType: "application/json"] }
}

extension TestDatabase {
    /// Runs `body` against the API in process, over a fresh database.
    static func withServer(
        options: ServerOptions, _ body: @escaping @Sendable (any TestClientProtocol, TestDatabase) async throws -> Void
    ) async throws {
        let database = try TestDatabase()
        defer { database.remove() }
        let app = Application(
            router: TMApplication.router(store: database.store, glossary: database.glossary, memory: database.memory, options: options))
        try await app.test(.router) { client in try await body(client, database) }
    }
}

extension ErrorBody {
    /// The `code` of an error answer, nil when the body is not one.
    static func code(of response: TestResponse) -> String? {
        (try? JSONDecoder().decode(ErrorBody.self, from: Data(buffer: response.body)))?.error.code
    }
}
