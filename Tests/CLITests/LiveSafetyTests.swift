import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A real `tm serve` on a socket: writes by other processes reach its searches, and what a hostile client sends over
/// the wire gets a JSON answer or a closed connection, never a crash.
///
/// The goal for a write to be searchable everywhere is one second (the server follows the log every 200 ms and
/// before each search); these tests allow two, since other suites load both cores while they run, and
/// `bench/load.sh` measures the delay itself.
@Suite(.serialized) struct LiveSafetyTests {
    static let freshness = 2.0

    private func port(of server: LiveServer) throws -> Int {
        try #require(server.url.split(separator: ":").last.flatMap { Int($0) })
    }

    /// A GET over a socket of its own: URLSession queues this process's requests together, and other suites flood it.
    private static func get(_ server: LiveServer, _ path: String) throws -> (Int, String) {
        let port = try #require(server.url.split(separator: ":").last.flatMap { Int($0) })
        let connection = try RawConnection(port: port)
        connection.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
        let answer = connection.receiveAll(timeout: .seconds(10)).text
        let status = answer.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return (status, answer)
    }

    /// Polls `/v1/matches` until the query finds `expected` (or nothing, when nil); returns the seconds it took.
    private func secondsUntil(_ server: LiveServer, finds query: String, expected: String?, timeout: Double = 5) async throws -> Double {
        let start = Date()
        let escaped = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        var polls: [String] = []
        while Date().timeIntervalSince(start) < timeout {
            let sent = Date()
            let (status, text) = try Self.get(server, "/v1/matches?min=60&q=\(escaped)")
            polls.append(String(format: "%.3f+%.3f", sent.timeIntervalSince(start), Date().timeIntervalSince(sent)))
            if status == 200 {
                let found = expected.map { text.contains($0) } ?? text.contains("\"matches\":[]")
                if found {
                    let seconds = Date().timeIntervalSince(start)
                    if seconds >= Self.freshness { Issue.record("slow: polls at \(polls)") }
                    return seconds
                }
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        let (_, stats) = try await server.send("GET", "/v1/stats")
        let (status, body) = try await server.send("GET", "/v1/matches?min=60&q=\(escaped)")
        Issue.record("after \(timeout) s: \(status) \(String(decoding: body, as: UTF8.self)); stats \(String(decoding: stats, as: UTF8.self))")
        return .infinity
    }

    @Test func cliWritesBesideAServerAreSearchedWithinASecond() async throws {
        let folder = try TMProcess.temporaryFolder()
        let database = folder.appendingPathComponent("tm.sqlite").path
        let server = try LiveServer(database: database)
        let english = "The unification ministry said talks would resume next month."
        let added = try TMProcess.run(["add", "--db", database, "--ko", "통일부는 다음 달 회담이 재개된다고 밝혔다.", "--en", english])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try await secondsUntil(server, finds: english, expected: "unification ministry") < Self.freshness)

        let file = folder.appendingPathComponent("more.tsv")
        try "ko\ten\n국방부는 훈련을 연기했다.\tThe defense ministry postponed the drills.\n".write(to: file, atomically: true, encoding: .utf8)
        let imported = try TMProcess.run(["import", "--db", database, file.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try await secondsUntil(server, finds: "The defense ministry postponed the drills.", expected: "drills") < Self.freshness)

        let nul = folder.appendingPathComponent("nul.tsv")
        try "ko\ten\n서울\tSeoul\n널\tNul\u{0}Tail\n".write(to: nul, atomically: true, encoding: .utf8)
        let refused = try TMProcess.run(["import", "--db", database, nul.path])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("nul.tsv:3: en: holds U+0000"), "\(refused.stderr)")
    }

    @Test func twoServersOnOneFileSeeEachOthersEditsAndDeletes() async throws {
        let database = try TMProcess.temporaryFolder().appendingPathComponent("tm.sqlite").path
        let first = try LiveServer(database: database)
        let second = try LiveServer(database: database)
        let old = "Seoul and Washington agreed to expand joint exercises."
        let (status, body) = try await first.send("POST", "/v1/segments", json: ["ko": "한미는 연합훈련 확대에 합의했다.", "en": old])
        #expect(status == 201)
        let object = try JSONSerialization.jsonObject(with: body) as? [String: Any]
        let id = try #require((object?["segment"] as? [String: Any])?["id"] as? Int)
        #expect(try await secondsUntil(second, finds: old, expected: "\"id\":\(id)") < Self.freshness)

        let new = "North Korea fired two short-range ballistic missiles."
        let (edited, _) = try await first.send("PUT", "/v1/segments/\(id)", json: ["ko": "북한이 단거리 탄도미사일 두 발을 발사했다.", "en": new])
        #expect(edited == 200)
        let delay = try await secondsUntil(second, finds: old, expected: nil)
        #expect(delay < Self.freshness, "server 2 still matched the old text after \(delay) s")
        let (_, stale) = try await second.send(
            "GET", "/v1/matches?min=0&limit=5&q=\(old.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
        #expect(!String(decoding: stale, as: UTF8.self).contains("\"score\":100"), "the new text is never scored as the old one")
        #expect(try await secondsUntil(second, finds: new, expected: "ballistic") < Self.freshness)

        let (deleted, _) = try await first.send("DELETE", "/v1/segments/\(id)")
        #expect(deleted == 204)
        #expect(try await secondsUntil(second, finds: new, expected: nil) < Self.freshness)
    }

    @Test func whatComesOverTheWireGetsJSONOrAClosedConnection() async throws {
        let database = try TMProcess.temporaryFolder().appendingPathComponent("tm.sqlite").path
        let server = try LiveServer(database: database, arguments: ["--header-timeout", "1"])
        let port = try port(of: server)

        // 513 open brackets used to kill the process; as text/plain it came from any web page.
        for type in ["application/json", "text/plain"] {
            let connection = try RawConnection(port: port)
            let body = String(repeating: "[", count: 513)
            connection.send(
                "POST /v1/glossary/check HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: \(type)\r\nContent-Length: \(body.utf8.count)\r\n"
                    + "Connection: close\r\n\r\n\(body)")
            let answer = connection.receiveAll(timeout: .seconds(5)).text
            #expect(answer.hasPrefix(type == "text/plain" ? "HTTP/1.1 415" : "HTTP/1.1 400"), "\(answer.prefix(200))")
        }
        let (health, _) = try await server.send("GET", "/v1/health")
        #expect(health == 200, "the server is still up")

        // DNS rebinding: a page on another name reaches the loopback port.
        let rebound = try RawConnection(port: port)
        rebound.send("POST /v1/backup HTTP/1.1\r\nHost: evil.example:\(port)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        let refusal = rebound.receiveAll(timeout: .seconds(5)).text
        #expect(refusal.hasPrefix("HTTP/1.1 421"), "\(refusal.prefix(200))")
        #expect(refusal.contains("\"unknown_host\""))
        #expect(!refusal.contains("SQLite format"))

        // A head over 80 KB, and bytes that are not HTTP: JSON errors, then the connection closes.
        let oversized = try RawConnection(port: port)
        oversized.send("GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: \(String(repeating: "x", count: 100_000))\r\n\r\n")
        let tooLarge = oversized.receiveAll(timeout: .seconds(5))
        #expect(tooLarge.text.hasPrefix("HTTP/1.1 431"), "\(tooLarge.text.prefix(200))")
        #expect(tooLarge.text.contains("application/json") && tooLarge.text.contains("\"headers_too_large\""))
        #expect(tooLarge.closed)
        let garbage = try RawConnection(port: port)
        garbage.send("THIS IS NOT HTTP\u{1}\r\n\r\n")
        let malformed = garbage.receiveAll(timeout: .seconds(5))
        #expect(malformed.text.hasPrefix("HTTP/1.1 400"), "\(malformed.text.prefix(200))")
        #expect(malformed.text.contains("\"malformed_request\""))

        // Slowloris: half a head, then silence. The server closes it after --header-timeout (1 s here).
        let slow = try RawConnection(port: port)
        slow.send("GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        let start = ContinuousClock.now
        let cutOff = slow.receiveAll(timeout: .seconds(8))
        #expect(cutOff.closed, "the connection was still open after 8 s")
        #expect(ContinuousClock.now - start < .seconds(4))
        let (after, _) = try await server.send("GET", "/v1/health")
        #expect(after == 200)
    }
}
