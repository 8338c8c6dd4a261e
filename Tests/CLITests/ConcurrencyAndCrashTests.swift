import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A live server under concurrent writers and readers, and processes killed with SIGKILL mid-work.
@Suite(.serialized) struct ConcurrencyAndCrashTests {

    private func count(_ database: String) throws -> (segments: Int, integrity: String) {
        let stats = try TMProcess.run(["stats", "--json", "--db", database])
        let object = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
        let check = try TMProcess.run(["stats", "--check", "--db", database])
        return ((object?["segments"] as? Int) ?? -1, check.stdout == "integrity: ok\n" ? "ok" : check.stdout + check.stderr)
    }

    /// 16 clients × 500 writes, each followed by a read: exactly 8,000 rows, every write acknowledged, found
    /// by the index and by id.
    @Test func sixteenConcurrentClients() async throws {
        let database = try TMProcess.temporaryFolder().appendingPathComponent("tm.sqlite").path
        let server = try LiveServer(database: database)
        let clients = 16
        let writes = 500
        let results = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for client in 0..<clients {
                group.addTask {
                    var ids: [Int64] = []
                    for index in 0..<writes {
                        let pair = ["ko": "고객 \(client)의 문장 \(index)번입니다", "en": "Sentence \(index) from client \(client)"]
                        let (status, data) = try await server.send("POST", "/v1/segments", json: pair)
                        guard status == 201,
                            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                            let segment = object["segment"] as? [String: Any], let id = segment["id"] as? Int
                        else { throw URLError(.badServerResponse) }
                        ids.append(Int64(id))
                        if index % 5 == 0 {
                            let query = "Sentence%20\(index)%20from%20client%20\(client)"
                            let (readStatus, body) = try await server.send("GET", "/v1/matches?q=\(query)&min=100&limit=1")
                            guard readStatus == 200, String(decoding: body, as: UTF8.self).contains("\"id\":\(id)") else {
                                throw URLError(.badServerResponse)
                            }
                        }
                    }
                    return ids
                }
            }
            var all: [Int64] = []
            for try await ids in group { all += ids }
            return all
        }
        #expect(results.count == clients * writes)
        #expect(Set(results).count == clients * writes)
        let (status, body) = try await server.send("GET", "/v1/stats")
        #expect(status == 200)
        #expect(String(decoding: body, as: UTF8.self).contains("\"segments\":\(clients * writes)"))
        #expect(String(decoding: body, as: UTF8.self).contains("\"indexed_en\":\(clients * writes)"))
    }

    /// SIGKILL in the middle of a large import: the database opens, passes the integrity check, and holds
    /// either none of the file or all of it (one transaction), plus everything acknowledged before.
    @Test func killedDuringImport() throws {
        let folder = try TMProcess.temporaryFolder()
        let database = folder.appendingPathComponent("tm.sqlite").path
        #expect(try TMProcess.run(["add", "--db", database, "--ko", "먼저 저장된 문장", "--en", "Stored first"]).status == 0)
        let file = folder.appendingPathComponent("big.tsv")
        var text = "ko\ten\n"
        for index in 0..<200_000 { text += "대량 가져오기 문장 \(index)\tBulk import sentence \(index)\n" }
        try text.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = TMProcess.binary
        process.arguments = ["import", "--db", database, file.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(1_500_000)
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let (segments, integrity) = try count(database)
        #expect(integrity == "ok")
        #expect(segments == 1 || segments == 200_001, "either none or all of the file: \(segments)")
        if wasRunning { #expect(segments == 1, "killed mid-import, the transaction is gone") }
    }

    /// SIGKILL while a server is taking writes: every write it acknowledged is there after restart.
    @Test func killedDuringWrites() async throws {
        let database = try TMProcess.temporaryFolder().appendingPathComponent("tm.sqlite").path
        let server = try LiveServer(database: database)
        let acknowledged = AcknowledgedWrites()
        let writer = Task {
            for index in 0..<100_000 {
                guard let (status, data) = try? await server.send("POST", "/v1/segments", json: ["ko": "문장 \(index)", "en": "Line \(index)"]),
                    status == 201
                else { return }
                if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                    let segment = object["segment"] as? [String: Any], let id = segment["id"] as? Int
                {
                    await acknowledged.add(id, index)
                }
            }
        }
        try await Task.sleep(for: .seconds(2))
        kill(server.process.processIdentifier, SIGKILL)
        _ = await writer.result
        let writes = await acknowledged.all
        #expect(writes.count > 10)
        let restarted = try LiveServer(database: database)
        for (id, index) in writes {
            let (status, data) = try await restarted.send("GET", "/v1/segments/\(id)")
            #expect(status == 200)
            #expect(String(decoding: data, as: UTF8.self).contains("\"en\":\"Line \(index)\""))
        }
        restarted.process.terminate()
        restarted.process.waitUntilExit()
        #expect(try count(database).integrity == "ok")
    }
}

/// The writes a server acknowledged, as (id, index), collected from the writer task.
private actor AcknowledgedWrites {
    var all: [(Int, Int)] = []

    func add(_ id: Int, _ index: Int) {
        all.append((id, index))
    }
}
