import Foundation
import Testing

@testable import Glossary

/// A PostgreSQL server for the tests: `$TM_TEST_POSTGRES` (a URL, which `.ci/run` sets after starting a throw-away
/// cluster with `.ci/postgres start`), else a cluster this process starts the same way when Debian's PostgreSQL is
/// installed. Each test gets a database of its own, created here.
enum TestPostgres {
    /// The server's URL without a database name, or why there is none.
    static let server: Result<URLComponents, Unavailable> = locate()

    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    /// Whether the PostgreSQL tests run. In CI (`$CI` set) a missing server is a failure, not a skip.
    static var isAvailable: Bool {
        if case .success = server { return true }
        return ProcessInfo.processInfo.environment["CI"] != nil
    }

    /// The URL of a new, empty database.
    static func newDatabase() throws -> String {
        var url = try server.get()
        let name = "tm_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        let result = try run(
            "/usr/bin/psql",
            [
                "-h", url.host ?? "127.0.0.1", "-p", String(url.port ?? 5432), "-U", url.user ?? "postgres", "-d", "postgres",
                "-v", "ON_ERROR_STOP=1", "-q", "-c", "CREATE DATABASE \(name)",
            ])
        guard result.status == 0 else { throw Unavailable(description: "CREATE DATABASE failed: \(result.output)") }
        url.path = "/" + name
        return url.string ?? ""
    }

    /// `.ci/postgres COMMAND PORT` (start, stop, down, up): a cluster of a test's own, to stop and start at will.
    @discardableResult
    static func cluster(_ command: String, port: Int) throws -> String {
        let result = try run(script.path, [command, String(port)])
        guard result.status == 0 else { throw Unavailable(description: ".ci/postgres \(command) \(port) failed: \(result.output)") }
        return result.output.split(separator: "\n").last.map(String.init) ?? ""
    }

    private static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../.ci/postgres")
        .standardized

    private static func locate() -> Result<URLComponents, Unavailable> {
        if let given = ProcessInfo.processInfo.environment["TM_TEST_POSTGRES"], !given.isEmpty {
            guard let url = URLComponents(string: given) else { return .failure(Unavailable(description: "TM_TEST_POSTGRES=\(given) is not a URL")) }
            return .success(url)
        }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/psql"), FileManager.default.isExecutableFile(atPath: script.path) else {
            return .failure(Unavailable(description: "no PostgreSQL client or no .ci/postgres; install Debian's postgresql"))
        }
        guard let started = try? run(script.path, ["start", "55433"]), started.status == 0,
            let line = started.output.split(separator: "\n").last, let url = URLComponents(string: String(line))
        else {
            return .failure(Unavailable(description: "could not start a local PostgreSQL cluster (Debian's postgresql not installed?)"))
        }
        return .success(url)
    }

    /// Runs a command through `system(3)`, which reaps the child itself: Foundation's `Process.waitUntilExit` can
    /// wait forever here, when it is called while the test plan is being built (the child stays a zombie).
    private static func run(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("tm-test-command-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let quoted = ([path] + arguments + [log.path]).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = quoted.dropLast().joined(separator: " ") + " >" + (quoted.last ?? "/dev/null") + " 2>&1 </dev/null"
        let status = system(command)
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return (status == 0 ? 0 : max(1, status >> 8), output)
    }
}

/// The two engines the store tests run on.
enum StoreEngine: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// A new, empty store of this engine (seeded with `seed`).
    func open(seed: [Term] = []) throws -> any Store {
        switch self {
        case .sqlite:
            return try SQLiteStore(path: FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).sqlite").path) {
                seed
            }
        case .postgres:
            return try PostgresStore(url: try TestPostgres.newDatabase()) { seed }
        }
    }

    /// Another handle on the same store, as a second process or node opens it.
    func reopen(_ store: any Store) throws -> any Store {
        switch self {
        case .sqlite: return try SQLiteStore(path: store.location)
        case .postgres:
            // The location has no password; the test cluster trusts loopback.
            return try PostgresStore(url: store.location)
        }
    }

    /// The engines to test here: PostgreSQL only where a server can be had (always in CI).
    static var available: [StoreEngine] {
        TestPostgres.isAvailable ? allCases : [.sqlite]
    }
}
