import Foundation

/// Headless Chromium (Debian's `chromium` package) run as a command: `--dump-dom` to read the page after its
/// scripts ran, `--screenshot` to save it as a PNG. Each run gets its own profile folder, so runs may overlap.
enum WebBrowser {
    /// The browser: `$TM_CHROMIUM`, else the first of chromium, chromium-browser, google-chrome on the PATH.
    static let executable: URL? = {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["TM_CHROMIUM"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init) + ["/usr/bin"]
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return URL(fileURLWithPath: "\(folder)/\(name)")
            }
        }
        return nil
    }()

    static var isInstalled: Bool { executable != nil }

    /// What one browser run printed.
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String

        /// The page's console messages (Chromium logs them as `INFO:CONSOLE` lines with `--enable-logging`).
        var consoleMessages: [String] {
            stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        }
    }

    /// Runs the browser headless on `url` with extra flags; kills it after `timeout` seconds.
    static func run(_ url: String, flags: [String], timeout: TimeInterval = 90) throws -> Run {
        guard let executable else { throw CocoaError(.fileNoSuchFile) }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("tm-web-profile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = executable
        process.arguments =
            [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--disable-sync", "--disable-background-networking",
                "--disable-component-update", "--mute-audio", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=\(profile.path)",
            ] + flags + [url]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = profile.path
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Drain both pipes concurrently so neither side blocks on a full pipe; stop a browser that hangs.
        nonisolated(unsafe) var errorData = Data()
        let errorReader = Thread { errorData = error.fileHandleForReading.readDataToEndOfFile() }
        errorReader.start()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        while !errorReader.isFinished { usleep(1_000) }
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData, as: UTF8.self))
    }

    /// The text of the element with `id` in a serialized DOM (`--dump-dom`), entities decoded.
    static func text(ofElementWithID id: String, in html: String) -> String? {
        guard let open = html.range(of: "<pre id=\"\(id)\"") ?? html.range(of: "id=\"\(id)\""),
            let start = html.range(of: ">", range: open.upperBound..<html.endIndex),
            let end = html.range(of: "</", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&nbsp;", with: "\u{A0}")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// `text` percent-escaped for a query parameter value.
    static func escape(_ text: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
