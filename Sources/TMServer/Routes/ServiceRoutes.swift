import Foundation
import Glossary
import Hummingbird

/// `/openapi.json`, `/metrics` and `/v1/backup`: the service describing, measuring and copying itself.
struct ServiceRoutes {
    let store: TMStore
    let metrics: ServerMetrics

    func register(on router: Router<some RequestContext>) {
        router.get("/openapi.json") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
        router.get("/metrics") { _, _ -> Response in
            let counts = try store.counts()
            let text = metrics.render(segments: counts.segments, terms: counts.terms, databaseBytes: store.fileSize())
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        router.post("/v1/backup") { _, _ -> Response in
            // SQLite's online backup into a temporary file, then the file as the answer: the client chooses
            // where the copy goes, the server never writes outside its temporary folder.
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-backup-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("tm.sqlite")
            try store.backup(to: file.path)
            let data = try Data(contentsOf: file)
            return Response(
                status: .ok,
                headers: [.contentType: "application/vnd.sqlite3", .contentDisposition: "attachment; filename=\"tm-backup.sqlite\""],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }
}
