import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A real `tm serve` child process on a free loopback port, for tests that need a socket and signals.
/// Unchecked Sendable: after `init` only the immutable `url` is read concurrently; the process is ended once.
final class LiveServer: @unchecked Sendable {
    let process = Process()
    let url: String
    /// A session of its own: other suites' floods of requests on `URLSession.shared` must not queue this one's.
    private let session = URLSession(configuration: .ephemeral)

    init(database: String, arguments: [String] = []) throws {
        process.executableURL = TMProcess.binary
        process.arguments = ["serve", "--db", database, "--port", "0"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        guard let line = Self.firstLine(of: output.fileHandleForReading),
            let address = line.split(separator: " ").first(where: { $0.hasPrefix("http://") })
        else {
            process.terminate()
            throw CocoaError(.fileReadUnknown)
        }
        url = String(address)
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// Sends a request; returns the status and the body.
    func send(_ method: String, _ path: String, json: Any? = nil) async throws -> (Int, Data) {
        guard let target = URL(string: url + path) else { throw URLError(.badURL) }
        var request = URLRequest(url: target)
        request.httpMethod = method
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await session.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    /// The first line a process writes, read byte by byte so nothing after it is consumed.
    static func firstLine(of handle: FileHandle) -> String? {
        var bytes: [UInt8] = []
        while true {
            let chunk = handle.readData(ofLength: 1)
            guard let byte = chunk.first else { return nil }
            if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
    }
}
