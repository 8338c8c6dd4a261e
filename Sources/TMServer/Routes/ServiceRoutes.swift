import Foundation
import Glossary
import Hummingbird

/// `/openapi.json`, `/metrics` and `/v1/backup`: the service describing, measuring and copying itself.
struct ServiceRoutes {
    let store: any Store
    let metrics: ServerMetrics
    /// The OpenAPI document of every route, this one's included.
    let document: String

    /// Declared as values so that the document, which these routes serve, can describe them too.
    static let openAPIOperation = APIOperation(
        method: .get, path: "/openapi.json", summary: "This description", access: .read, responses: [(200, "OpenAPI 3.0 document", nil)])
    static let metricsOperation = APIOperation(
        method: .get, path: "/metrics", summary: "Prometheus metrics", access: .read, responses: [(200, "Metrics in the Prometheus text format", nil)]
    )
    static let backupOperation = APIOperation(
        method: .post, path: "/v1/backup", summary: "A consistent copy of the database (SQLite online backup)", access: .write,
        responses: [(200, "The SQLite file", nil)] + APIOperation.writeErrors)
    static let operations = [openAPIOperation, metricsOperation, backupOperation]

    var routes: [APIRoute] {
        [
            APIRoute(Self.openAPIOperation) { _, _ -> Response in
                Response(
                    status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: document)))
            },
            APIRoute(Self.metricsOperation) { _, _ -> Response in
                let counts = try store.counts()
                let text = metrics.render(segments: counts.segments, terms: counts.terms, databaseBytes: store.byteSize())
                return Response(
                    status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: text)))
            },
            APIRoute(Self.backupOperation) { _, _ -> Response in
                // SQLite's online backup into a temporary file, then the file as the answer: the client chooses
                // where the copy goes, the server never writes outside its temporary folder.
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-backup-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: folder) }
                let file = folder.appendingPathComponent("tm.sqlite")
                try await BlockingWork.run { try store.backup(to: file.path) }
                let data = try Data(contentsOf: file)
                return Response(
                    status: .ok,
                    headers: [.contentType: "application/vnd.sqlite3", .contentDisposition: "attachment; filename=\"tm-backup.sqlite\""],
                    body: .init(byteBuffer: ByteBuffer(bytes: data)))
            },
        ]
    }
}
