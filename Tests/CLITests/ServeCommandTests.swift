import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Runs the built `tm` binary, as a user would.
@Suite struct ServeCommandTests {

    @Test func versionFlag() throws {
        let process = Process()
        process.executableURL = TMProcess.binary
        process.arguments = ["--version"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    /// `tm serve --port 0` prints the URL it bound, answers /v1/health from the seeded default
    /// database, and exits cleanly on SIGTERM.
    @Test func serveOnAFreePortAnswersHealthAndStopsOnSIGTERM() async throws {
        let folder = try TMProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = TMProcess.binary
        process.arguments = ["serve", "--port", "0"]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["TM_DB"] = nil
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let line = try #require(LiveServer.firstLine(of: output.fileHandleForReading))
        let url = try #require(line.split(separator: " ").first { $0.hasPrefix("http://") }.map(String.init))
        #expect(url.hasPrefix("http://127.0.0.1:"))
        #expect(!url.hasSuffix(":0"))

        let (data, response) = try await URLSession.shared.data(from: try #require(URL(string: url + "/v1/health")))
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let health = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(health["status"] as? String == "ok")
        #expect((health["terms"] as? Int ?? 0) > 0, "the default database is seeded from glossaries/")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("tm.sqlite").path))

        process.terminate()  // SIGTERM
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }

}
