import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Glossary
@testable import TMServer

/// Requests an attacker or a careless client sends: deep JSON, bodies of the wrong type, other sites' pages, rebound
/// host names, NUL characters, a full disk, slow writes under a short timeout. None crashes the server, writes
/// anything it should not, or answers without a JSON error.
@Suite struct HostileRequestTests {
    private func withServer(
        options: ServerOptions = ServerOptions(),
        _ body: @escaping @Sendable (any TestClientProtocol, TestDatabase) async throws -> Void
    ) async throws {
        try await TestDatabase.withServer(options: options, body)
    }

    private static func code(_ response: TestResponse) -> String? {
        ErrorBody.code(of: response)
    }

    private static func headers(_ fields: [(String, String)]) -> HTTPFields {
        var headers = HTTPFields.json
        for (name, value) in fields {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        return headers
    }

    /// Every operation that takes a JSON body, with a path it answers on.
    private static func jsonRoutes() throws -> [(HTTPRequest.Method, String)] {
        let database = try TestDatabase()
        defer { database.remove() }
        return database.operations.filter { $0.body?.mediaType == "application/json" }.map {
            ($0.method, $0.path.replacingOccurrences(of: "{id}", with: "1"))
        }
    }

    @Test func theDepthScanCountsBracketsOutsideStrings() {
        for depth in 1...10_000 {
            let bytes = Array(String(repeating: "[", count: depth).utf8)
            #expect(JSONDepth.exceedsLimit(bytes) == (depth > JSONDepth.limit), "depth \(depth)")
        }
        #expect(!JSONDepth.exceedsLimit(Array(#"{"text":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"[[["}"#.utf8)))
        #expect(JSONDepth.exceedsLimit(Array(("{\"a\":" + String(repeating: "[", count: 40)).utf8)))
    }

    /// 513 open brackets used to kill the process inside Foundation's JSON scanner.
    @Test func deepNestingIsABadRequestOnEveryJSONRoute() async throws {
        var depths = Array(1...40) + Array(500...530) + [1_000, 4_096, 10_000]
        depths.sort()
        let depthsToSend = depths
        let routes = try Self.jsonRoutes()
        #expect(routes.count == 10, "POST/PUT segments and terms, recognize, check, align, documents analyze/pretranslate/qa")
        try await withServer { client, database in
            for (method, path) in routes {
                for depth in depthsToSend {
                    let open = String(repeating: "[", count: depth)
                    let closed = open + String(repeating: "]", count: depth)
                    for body in [open, " " + open, "{\"a\":" + String(repeating: "[", count: depth - 1), closed, open + " ", closed + " "] {
                        try await client.execute(uri: path, method: method, headers: .json, body: ByteBuffer(string: body)) { response in
                            #expect(response.status.code < 500, "\(method) \(path) depth \(depth) → \(response.status.code)")
                            #expect(response.status != .created && response.status != .ok || depth <= JSONDepth.limit)
                            if depth > JSONDepth.limit { #expect(Self.code(response) == "invalid_input", "\(path) depth \(depth)") }
                        }
                    }
                }
            }
            #expect(try database.memory.stats().segments == 0)
        }
    }

    @Test func aJSONRouteDemandsApplicationJSON() async throws {
        let routes = try Self.jsonRoutes()
        try await withServer { client, database in
            for type in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", nil] {
                var headers = HTTPFields()
                if let type { headers[.contentType] = type }
                for (method, path) in routes {
                    let body = path.contains("segments") ? #"{"ko":"서울","en":"Seoul"}"# : #"{"hangul":"서울","english":"Seoul","kind":"place"}"#
                    try await client.execute(uri: path, method: method, headers: headers, body: ByteBuffer(string: body)) { response in
                        #expect(response.status == .unsupportedMediaType, "\(method) \(path) as \(type ?? "nothing")")
                        #expect(Self.code(response) == "unsupported_media_type")
                    }
                }
            }
            #expect(try database.memory.stats().segments == 0)
            var withCharset = HTTPFields()
            withCharset[.contentType] = "application/json; charset=utf-8"
            try await client.execute(
                uri: "/v1/segments", method: .post, headers: withCharset, body: ByteBuffer(string: #"{"ko":"서울","en":"Seoul"}"#)
            ) { response in
                #expect(response.status == .created)
            }
        }
    }

    @Test func aTokenlessServerRefusesWritesFromOtherSites() async throws {
        try await withServer { client, database in
            let pair = ByteBuffer(string: #"{"ko":"서울","en":"Seoul"}"#)
            let crossSite: [[(String, String)]] = [
                [("Origin", "http://evil.example")],
                [("Origin", "null")],
                [("Sec-Fetch-Site", "cross-site")],
                [("Sec-Fetch-Site", "same-site"), ("Origin", "http://localhost:3000")],
                [("Host", "127.0.0.1:8080"), ("Origin", "http://127.0.0.1:9999")],
            ]
            for fields in crossSite {
                for (method, uri, body) in [
                    (HTTPRequest.Method.post, "/v1/segments", pair), (.post, "/v1/import?format=tsv", ByteBuffer(string: "ko\ten\n가\tA\n")),
                    (.post, "/v1/backup", ByteBuffer()), (.delete, "/v1/glossary/terms/1", ByteBuffer()),
                    (.post, "/v1/glossary/terms", ByteBuffer(string: #"{"hangul":"가","english":"Ga","kind":"place"}"#)),
                ] {
                    try await client.execute(uri: uri, method: method, headers: Self.headers(fields), body: body) { response in
                        #expect(response.status == .forbidden, "\(method) \(uri) with \(fields)")
                        #expect(Self.code(response) == "cross_site")
                    }
                }
                let align = ByteBuffer(string: #"{"ko":"서울이다.","en":"It is Seoul.","add":true}"#)
                try await client.execute(uri: "/v1/align", method: .post, headers: Self.headers(fields), body: align) { response in
                    #expect(response.status == .forbidden)
                }
            }
            #expect(try database.memory.stats().segments == 0)
            #expect(try database.glossary.terms().count == 1)
            // The page served by this server, and programs that send no Origin, may write.
            let sameOrigin = Self.headers([("Host", "127.0.0.1:8080"), ("Origin", "http://127.0.0.1:8080"), ("Sec-Fetch-Site", "same-origin")])
            try await client.execute(uri: "/v1/segments", method: .post, headers: sameOrigin, body: pair) { response in
                #expect(response.status == .created)
            }
            // Reads are not refused: the amaGama routes serve other sites' pages (Pootle), with CORS.
            try await client.execute(
                uri: "/tmserver/en/ko/unit/Seoul", method: .get, headers: Self.headers([("Origin", "http://evil.example")])
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.accessControlAllowOrigin] == "*")
            }
        }
    }

    @Test func withATokenTheTokenDecidesNotTheOrigin() async throws {
        try await withServer(options: ServerOptions(token: "t0ken")) { client, _ in
            let headers = Self.headers([("Origin", "http://desk-tool.example"), ("Authorization", "Bearer t0ken")])
            try await client.execute(uri: "/v1/segments", method: .post, headers: headers, body: ByteBuffer(string: #"{"ko":"서울","en":"Seoul"}"#)) {
                response in
                #expect(response.status == .created)
            }
        }
    }

    @Test func aHostNameNotServedHereIsRefused() async throws {
        try await withServer(options: ServerOptions(publicHosts: ["tm.desk.example"])) { client, database in
            _ = try database.memory.add([SegmentInput(ko: "서울", en: "Seoul")])
            for host in ["evil.example:8080", "evil.example", "127.0.0.1.evil.example", "localhost.evil.example:80", "10.0.0.1"] {
                for (method, uri) in [(HTTPRequest.Method.get, "/v1/health"), (.post, "/v1/backup"), (.get, "/v1/export?format=tsv"), (.get, "/")] {
                    try await client.execute(uri: uri, method: method, headers: Self.headers([("Host", host)])) { response in
                        #expect(response.status == .misdirectedRequest, "\(method) \(uri) for \(host)")
                        #expect(Self.code(response) == "unknown_host")
                        #expect(!String(buffer: response.body).contains("Seoul"))
                    }
                }
            }
            for host in ["localhost:8080", "127.0.0.1:8080", "127.1.2.3", "[::1]:8080", "app.localhost", "TM.desk.example:443"] {
                try await client.execute(uri: "/v1/health", method: .get, headers: Self.headers([("Host", host)])) { response in
                    #expect(response.status == .ok, "\(host)")
                }
            }
        }
    }

    @Test func aNulCharacterIsA400NamingTheField() async throws {
        try await withServer { client, database in
            try await client.execute(
                uri: "/v1/segments", method: .post, headers: .json, body: ByteBuffer(string: #"{"ko":"널","en":"Nul\u0000Tail"}"#)
            ) { response in
                #expect(response.status == .badRequest)
                let body = try JSONDecoder().decode(ErrorBody.self, from: Data(buffer: response.body))
                #expect(body.error.field == "en")
            }
            try await client.execute(
                uri: "/v1/segments", method: .post, headers: .json,
                body: ByteBuffer(string: #"[{"ko":"가","en":"A"},{"ko":"널\u0000","en":"Nul"}]"#)
            ) { response in
                #expect(response.status == .badRequest)
                let body = try JSONDecoder().decode(ErrorBody.self, from: Data(buffer: response.body))
                #expect(body.error.field == "[1].ko")
            }
            try await client.execute(
                uri: "/v1/glossary/terms", method: .post, headers: .json,
                body: ByteBuffer(string: #"{"hangul":"김\u0000","english":"Kim","kind":"person"}"#)
            ) { response in
                #expect(response.status == .badRequest)
                let body = try JSONDecoder().decode(ErrorBody.self, from: Data(buffer: response.body))
                #expect(body.error.field == "hangul")
            }
            for uri in ["/v1/matches?q=Nul%00Tail", "/v1/glossary/lookup?q=%00", "/v1/romanize?text=%EA%B0%80%00", "/v1/concordance?q=a%00"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                }
            }
            #expect(try database.memory.stats().segments == 0, "nothing was stored, nothing was merged")
        }
    }

    @Test func aFullDiskIs507AndWritesNothing() async throws {
        try await withServer { client, database in
            let pageCount = try await database.store.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
            try await database.store.pool.write { db in try db.execute(sql: "PRAGMA max_page_count = \(pageCount + 2)") }
            var statuses: [HTTPResponse.Status] = []
            let long = String(repeating: "A long sentence that fills the database page by page. ", count: 60)
            for number in 0..<40 {
                try await client.execute(
                    uri: "/v1/segments", method: .post, headers: .json, body: ByteBuffer(string: #"{"ko":"문장 \#(number)","en":"\#(long)\#(number)"}"#)
                ) { response in
                    statuses.append(response.status)
                    if response.status.code == 507 {
                        #expect(Self.code(response) == "storage_full")
                        #expect(String(buffer: response.body).contains("nothing was written"))
                    }
                }
            }
            let created = statuses.filter { $0 == .created }.count
            #expect(statuses.contains { $0.code == 507 }, "\(statuses)")
            #expect(try database.memory.stats().segments == created, "a refused write left nothing behind")
            #expect(try database.store.integrityCheck() == "ok")
        }
    }

    @Test func aWriteIsNeverAnsweredWithATimeout() async throws {
        try await withServer(options: ServerOptions(timeout: .milliseconds(1))) { client, database in
            let rows = (0..<20_000).map { "문장 \($0)\tSentence \($0) of a slow import\n" }.joined()
            try await client.execute(uri: "/v1/import?format=tsv", method: .post, body: ByteBuffer(string: "ko\ten\n" + rows)) { response in
                #expect(response.status == .ok, "the import committed, so it answers its report")
                #expect(String(buffer: response.body).contains("\"added\":20000"))
            }
            #expect(try database.memory.stats().segments == 20_000)
        }
    }

    @Test func aTooBroadSearchIsA422() async throws {
        try await withServer { client, database in
            let rows = (0..<40_000).map { "문장 \($0)\tSentence number \($0) of a memory that a long query scans\n" }.joined()
            _ = try database.memory.importFile(.bytes(Array(("ko\ten\n" + rows).utf8), name: "m.tsv"), format: .tsv, origin: "m", skipBad: false)
            let long = String(repeating: "a long query that shares little ", count: 300)
            let query = long.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            try await client.execute(uri: "/v1/matches?min=0&q=\(query)", method: .get) { response in
                #expect(response.status == .unprocessableContent)
                #expect(Self.code(response) == "too_broad")
            }
            try await client.execute(uri: "/v1/matches?min=75&q=Sentence+number+123+of+a+memory", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func xmlErrorsSayWhatAndWhere() async throws {
        try await withServer { client, _ in
            let tmx = """
                <?xml version="1.0"?>
                <tmx version="1.4"><header srclang="ko"/><body>
                <tu><tuv xml:lang="ko"><seg>서울</seg></tuv>
                <tuv xml:lang="en"><seg>Seoul</sag></tuv></tu>
                </body></tmx>
                """
            try await client.execute(uri: "/v1/import?format=tmx", method: .post, body: ByteBuffer(string: tmx)) { response in
                #expect(response.status == .unprocessableContent)
                let message = (try? JSONDecoder().decode(ErrorBody.self, from: Data(buffer: response.body)).error.message) ?? ""
                #expect(message.contains("line 4"), "\(message)")
                #expect(message.contains("<seg>"), "\(message)")
                #expect(message.contains("end tag does not match"), "\(message)")
                #expect(!message.contains("NSXMLParserErrorDomain"))
            }
            let attributes = (0..<5_000).map { " a\($0)=\"x\"" }.joined()
            let wide = #"<?xml version="1.0"?><tmx version="1.4"><header srclang="ko"/><body><tu\#(attributes)></tu></body></tmx>"#
            // Refused by the byte scan, before libxml2 compares each attribute with every other.
            try await client.execute(uri: "/v1/import?format=tmx", method: .post, body: ByteBuffer(string: wide)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("more than \(XMLShape.maximumAttributes) attributes"))
            }
            let deep = "<?xml version=\"1.0\"?><tmx>" + String(repeating: "<hi>", count: 5_000) + String(repeating: "</hi>", count: 5_000) + "</tmx>"
            try await client.execute(uri: "/v1/import?format=tmx", method: .post, body: ByteBuffer(string: deep)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("deeper than"))
            }
        }
    }
}

extension HostileRequestTests {
    /// A body over 10 MB used to stop libxml2 ("internal error") when handed over in one buffer.
    @Test func aLargeTMXBodyImports() async throws {
        try await withServer(options: ServerOptions(maxImportBody: 64 << 20)) { client, database in
            var tmx = #"<?xml version="1.0"?><tmx version="1.4"><header srclang="ko"/><body>"# + "\n"
            var count = 0
            while tmx.utf8.count < 12 << 20 {
                tmx +=
                    "<tu><tuv xml:lang=\"ko\"><seg>큰 파일의 문장 \(count)번</seg></tuv><tuv xml:lang=\"en\"><seg>Sentence \(count) of a large file</seg></tuv></tu>\n"
                count += 1
            }
            tmx += "</body></tmx>\n"
            try await client.execute(uri: "/v1/import?format=tmx", method: .post, body: ByteBuffer(string: tmx)) { response in
                #expect(response.status == .ok, "\(String(buffer: response.body).prefix(300))")
            }
            #expect(try database.memory.stats().segments == count)
        }
    }
}
