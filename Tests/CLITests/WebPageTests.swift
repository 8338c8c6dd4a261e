import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The web page at `/`: served from the binary's resources, driven in a real browser (headless Chromium)
/// against a live `tm serve`, and photographed in each view (`.build/test-artifacts/web/*.png`). One browser at a
/// time: three at once on a two-core machine starved the other suites' live servers.
@Suite(.serialized) struct WebPageTests {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    private static let artifacts = repository.appendingPathComponent(".build/test-artifacts/web")

    private func get(_ url: String) async throws -> (Int, [String: String], String) {
        let (data, response) = try await URLSession.shared.data(from: try #require(URL(string: url)))
        let http = try #require(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
        }
        return (http.statusCode, headers, String(decoding: data, as: UTF8.self))
    }

    private func json(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Pairs that give the page something to find: 김정은 matches the first at 50%.
    private func seed(_ server: LiveServer) async throws {
        let pairs: [[String: String]] = [
            ["ko": "김정은 동지", "en": "Comrade Kim Jong-un", "origin": "web-test"],
            ["ko": "김정은 위원장이 평양에서 연설했다.", "en": "Kim Jong-un gave a speech in Pyongyang.", "origin": "web-test"],
        ]
        let (status, _) = try await server.send("POST", "/v1/segments", json: pairs)
        #expect(status == 201)
    }

    // MARK: - Without a browser

    @Test func servesThePageAndItsFilesWithTheirTypes() async throws {
        let folder = try TMProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try LiveServer(database: folder.appendingPathComponent("tm.sqlite").path)
        // The script is ES modules by concern: app.js wires the views' modules, which share dom.js, api.js and diff.js.
        let scripts = [
            "app.js", "views.js", "dom.js", "api.js", "diff.js", "search.js", "term-editor.js", "check.js", "align.js", "article.js", "selftest.js",
        ]
        let files = [("/", "text/html"), ("/web/app.css", "text/css")] + scripts.map { ("/web/\($0)", "text/javascript") }
        for (path, type) in files {
            let (status, headers, body) = try await get(server.url + path)
            #expect(status == 200, "\(path)")
            #expect(headers["content-type"]?.hasPrefix(type) == true, "\(path): \(headers["content-type"] ?? "-")")
            #expect(headers["cache-control"] == "no-cache", "\(path)")
            #expect(headers["content-security-policy"]?.contains("default-src 'self'") == true, "\(path)")
            #expect(body.count > 1_000, "\(path) is the real file")
            // Nothing is loaded from elsewhere: no off-site src/href, no CSS imports or remote fonts.
            for pattern in [#"(src|href)\s*=\s*["']?(https?:)?//"#, #"@import"#, #"url\(\s*["']?(https?:)?//"#, #"fetch\(\s*["'`]https?:"#] {
                #expect(body.range(of: pattern, options: .regularExpression) == nil, "\(path) refers outside the server: \(pattern)")
            }
        }
        let (_, _, page) = try await get(server.url + "/")
        for needle in ["/web/app.css", "/web/app.js", "id=\"q\"", "id=\"draft\"", "id=\"align-ko\"", "aria-label"] {
            #expect(page.contains(needle), "the page has \(needle)")
        }
        let (status, _, openAPI) = try await get(server.url + "/openapi.json")
        #expect(status == 200)
        #expect(openAPI.contains("\"/web/app.js\"") && openAPI.contains("\"/web/dom.js\""))
        let (_, _, script) = try await get(server.url + "/web/app.js")
        #expect(script.contains("from './dom.js'") && page.contains("type=\"module\""))
        // The self-test is a module of its own, loaded only with ?selftest=1: the page's script does not carry it.
        #expect(!script.contains("async function run(page)") && script.contains("import('./selftest.js')"))
    }

    /// A `tm` copied without its resource bundles still starts and explains, at `/`, what is missing.
    @Test func aBinaryWithoutItsBundleExplainsInsteadOfTrapping() async throws {
        let folder = try TMProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = folder.appendingPathComponent("tm")
        try FileManager.default.copyItem(at: TMProcess.binary, to: binary)
        var process = Process()
        let output = Pipe()
        // Another test's child may briefly hold the copy's write descriptor, inherited in its fork: exec then fails
        // with ETXTBSY ("Text file busy") until that child execs. Try again, with a new Process each time.
        for attempt in 1...50 {
            process = Process()
            process.executableURL = binary
            process.arguments = ["serve", "--db", folder.appendingPathComponent("tm.sqlite").path, "--port", "0"]
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            do {
                try process.run()
                break
            } catch let error as NSError where attempt < 50 && (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.code == Int(ETXTBSY) {
                usleep(20_000)
            }
        }
        defer { if process.isRunning { process.terminate() } }
        var line = Data()
        while let byte = output.fileHandleForReading.readData(ofLength: 1).first, byte != UInt8(ascii: "\n") { line.append(byte) }
        let url = try #require(String(decoding: line, as: UTF8.self).split(separator: " ").first { $0.hasPrefix("http://") })
        let (status, headers, body) = try await get(url + "/")
        #expect(status == 200)
        #expect(headers["content-type"]?.hasPrefix("text/plain") == true)
        #expect(body.contains("not installed"))
        let (healthStatus, _, _) = try await get(url + "/v1/health")
        #expect(healthStatus == 200)
    }

    // MARK: - In Chromium

    /// `?selftest=1` makes the page drive itself as a user would (type 김정은, read the results, use the keyboard,
    /// check a draft, align two texts, split and merge a bead, add the pairs, add a glossary term) and write the
    /// outcome to `#selftest-result`; the API then confirms that what the page added arrived.
    @Test(.enabled(if: WebBrowser.isInstalled, "needs Chromium: apt-get install chromium"), .timeLimit(.minutes(3)))
    func thePageDoesTheDailyWorkInABrowser() async throws {
        let folder = try TMProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try LiveServer(database: folder.appendingPathComponent("tm.sqlite").path)
        try await seed(server)

        let run = try WebBrowser.run(
            server.url + "/?selftest=1#search", flags: ["--virtual-time-budget=30000", "--window-size=1280,900", "--dump-dom"])
        let text = try #require(
            WebBrowser.text(ofElementWithID: "selftest-result", in: run.stdout),
            "no #selftest-result in the page (status \(run.status)): \(run.stdout.prefix(500)) \(run.stderr.suffix(1_000))")
        let result = try json(Data(text.utf8))
        #expect(result["done"] as? Bool == true, "the self-test finished: \(text)")
        for check in ["search", "fuzzy", "romanize", "keyboard", "check", "corrected", "align", "edit", "added", "term", "deleted"] {
            #expect(result[check] as? Bool == true, "\(check): \(text)")
        }
        #expect(result["fuzzyDiff"] as? Bool == true, "the fuzzy match shows its differences: \(text)")
        #expect((result["errors"] as? [Any])?.isEmpty == true, "errors in the page: \(text)")
        #expect(run.consoleMessages.isEmpty, "console messages: \(run.consoleMessages)")

        // What the page added is in the memory and the glossary.
        let (status, data) = try await server.send("GET", "/v1/matches?q=\(WebBrowser.escape("날짜는 아직 정해지지 않았다."))&min=100")
        #expect(status == 200)
        let matches = try #require(try json(data)["matches"] as? [[String: Any]])
        #expect(matches.contains { $0["en"] as? String == "The date has not been set yet." && $0["origin"] as? String == "align" })
        let (_, first) = try await server.send("GET", "/v1/matches?q=\(WebBrowser.escape("김정은이 러시아를 방문한다."))&min=100")
        #expect((try json(first)["matches"] as? [[String: Any]])?.first?["en"] as? String == "Kim Jong-un will visit Russia.")
        let (_, lookup) = try await server.send("GET", "/v1/glossary/lookup?q=\(WebBrowser.escape("Hong Kil-tong"))")
        let terms = try #require(try json(lookup)["matches"] as? [[String: Any]])
        #expect(terms.contains { $0["english"] as? String == "Hong Gil-dong" && $0["generated"] as? Bool == false })
    }

    /// A real align-dev article (Fixtures/align/002, CC BY-SA 3.0) aligned into the memory, then pasted into the page's
    /// article mode with its English, one year changed: what a translator sees.
    private static func articleURL() throws -> String {
        let fixtures = repository.appendingPathComponent("Tests/GlossaryTests/Fixtures/align")
        let korean = try String(contentsOf: fixtures.appendingPathComponent("002.ko.txt"), encoding: .utf8)
        let english = try String(contentsOf: fixtures.appendingPathComponent("002.en.txt"), encoding: .utf8)
        return
            "/?article=\(WebBrowser.escape(korean))&translation=\(WebBrowser.escape(english.replacingOccurrences(of: "1994", with: "1993")))#article"
    }

    private func seedArticle(_ server: LiveServer) async throws {
        let fixtures = Self.repository.appendingPathComponent("Tests/GlossaryTests/Fixtures/align")
        let body: [String: Any] = [
            "ko": try String(contentsOf: fixtures.appendingPathComponent("002.ko.txt"), encoding: .utf8),
            "en": try String(contentsOf: fixtures.appendingPathComponent("002.en.txt"), encoding: .utf8), "add": true, "origin": "002",
        ]
        let (status, _) = try await server.send("POST", "/v1/align", json: body)
        #expect(status == 200)
    }

    @Test(.enabled(if: WebBrowser.isInstalled, "needs Chromium: apt-get install chromium"), .timeLimit(.minutes(3)))
    func articleModeShowsEverySentenceAndTheTranslationCheck() async throws {
        let folder = try TMProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try LiveServer(database: folder.appendingPathComponent("tm.sqlite").path)
        try await seedArticle(server)
        let run = try WebBrowser.run(
            server.url + (try Self.articleURL()), flags: ["--virtual-time-budget=10000", "--window-size=1280,900", "--dump-dom"])
        let dom = run.stdout
        let rows = dom.components(separatedBy: "class=\"article-row ").count - 1
        let (_, analysis) = try await server.send(
            "POST", "/v1/documents/analyze",
            json: [
                "text": try String(
                    contentsOf: Self.repository.appendingPathComponent("Tests/GlossaryTests/Fixtures/align/002.ko.txt"), encoding: .utf8)
            ])
        let sentences = (try json(analysis)["sentences"] as? [[String: Any]])?.count ?? -1
        #expect(rows == sentences && rows > 10, "one row per sentence: \(rows) rows, \(sentences) sentences")
        let exact = dom.components(separatedBy: "data-band=\"100\"").count - 1
        #expect(exact * 2 > rows, "most sentences are exact matches: \(exact) of \(rows)")
        #expect(WebBrowser.text(ofElementWithID: "article-summary", in: dom)?.contains("100: ") == true)
        #expect(WebBrowser.text(ofElementWithID: "qa-summary", in: dom)?.contains("issue") == true, "the check ran")
        #expect(dom.contains("class=\"qa-issue qa-"), "the check lists its issues")
        #expect(run.consoleMessages.isEmpty, "console messages: \(run.consoleMessages)")
    }

    /// Each view on a laptop and a phone, light and dark, saved under `.build/test-artifacts/web/`.
    @Test(.enabled(if: WebBrowser.isInstalled, "needs Chromium: apt-get install chromium"), .timeLimit(.minutes(3)))
    func screenshotsOfEveryView() async throws {
        let folder = try TMProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try LiveServer(database: folder.appendingPathComponent("tm.sqlite").path)
        try await seed(server)
        try FileManager.default.createDirectory(at: Self.artifacts, withIntermediateDirectories: true)

        let search = "/?q=\(WebBrowser.escape("김정은"))#search"
        let sentence = "/?q=\(WebBrowser.escape("김정은 위원장이 평양에서 연설을 했다."))#search"
        let draft = "Kim Jong Un met Vladimir Putin in Vladivostok. Choe Sun Hui and Ri Son Gwon were there; Kim Yo Jong stayed in Pyongyang."
        let check = "/?draft=\(WebBrowser.escape(draft))#check"
        let korean = "김정은이 러시아를 방문한다. 블라디보스토크에서 푸틴 대통령을 만난다. 북한 매체는 이번 방문이 양국 친선의 새로운 장을 열 것이라고 주장했다. 날짜는 아직 정해지지 않았다."
        let english =
            "Kim Jong-un will visit Russia. He will meet President Putin in Vladivostok, and Foreign Minister Choe Son-hui will go with him. "
            + "The date has not been set yet."
        let align = "/?ko=\(WebBrowser.escape(korean))&en=\(WebBrowser.escape(english))&min=0.95#align"
        try await seedArticle(server)
        let article = try Self.articleURL()
        let shots: [(name: String, path: String, width: Int, height: Int, dark: Bool)] = [
            ("search-laptop", search, 1280, 900, false),
            ("search-laptop-dark", search, 1280, 900, true),
            ("search-sentence-laptop", sentence, 1280, 900, false),
            ("search-phone", search, 390, 844, false),
            ("search-phone-dark", search, 390, 844, true),
            ("check-laptop", check, 1280, 900, false),
            ("check-phone-dark", check, 390, 844, true),
            ("align-laptop", align, 1280, 1000, false),
            ("align-laptop-dark", align, 1280, 1000, true),
            ("align-phone", align, 390, 844, false),
            ("article-laptop", article, 1280, 900, false),
            ("article-laptop-dark", article, 1280, 900, true),
            ("article-phone", article, 390, 844, false),
            ("article-phone-dark", article, 390, 844, true),
        ]
        for shot in shots {
            let file = Self.artifacts.appendingPathComponent("\(shot.name).png")
            try? FileManager.default.removeItem(at: file)
            let run = try WebBrowser.run(
                server.url + shot.path,
                flags: [
                    "--virtual-time-budget=8000", "--window-size=\(shot.width),\(shot.height)", "--screenshot=\(file.path)",
                ] + (shot.dark ? ["--force-dark-mode"] : []))
            let data = try #require(try? Data(contentsOf: file), "\(shot.name).png was not written: \(run.stderr.suffix(800))")
            #expect(data.count > 20_000, "\(shot.name).png is \(data.count) bytes: an empty page?")
            // PNG signature, then the IHDR chunk's width and height (big-endian) at bytes 16–23.
            #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(shot.name).png is a PNG")
            if data.count > 24 {
                let width = data[16..<20].reduce(0) { $0 << 8 | Int($1) }
                let height = data[20..<24].reduce(0) { $0 << 8 | Int($1) }
                #expect(width == shot.width && height == shot.height, "\(shot.name).png is \(width)×\(height)")
            }
            #expect(run.consoleMessages.isEmpty, "\(shot.name): console messages \(run.consoleMessages)")
        }
    }
}
