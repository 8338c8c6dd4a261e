import Foundation
import Glossary
import HTTPTypes
import Hummingbird

/// `GET /`, `GET /web/app.css`, `GET /web/app.js` and the modules it imports: the web page for editors and
/// translators — static files over the HTTP API, shipped in the `TMServer` resource bundle and read into memory once.
struct WebRoutes {
    /// One file of the page: its bytes and its media type.
    struct Asset: Sendable {
        let body: ByteBuffer
        let contentType: String
    }

    /// The page's files, or the plain-text explanation served in their place when the bundle is missing.
    struct Assets: Sendable {
        let page: Asset
        let styleSheet: Asset
        /// `app.js` and its ES modules, by file name.
        let scripts: [String: Asset]

        /// Read once, at the first router built; a missing bundle gives a page that says so, never a trap.
        static let shared = Assets.load(from: WebRoutes.webDirectory)

        static func load(from directory: URL?) -> Assets {
            guard let directory,
                let page = read(directory, "index.html", "text/html; charset=utf-8"),
                let styleSheet = read(directory, "app.css", "text/css; charset=utf-8")
            else { return missing }
            var scripts: [String: Asset] = [:]
            for name in WebRoutes.scriptNames {
                guard let script = read(directory, name, "text/javascript; charset=utf-8") else { return missing }
                scripts[name] = script
            }
            return Assets(page: page, styleSheet: styleSheet, scripts: scripts)
        }

        private static func read(_ directory: URL, _ name: String, _ contentType: String) -> Asset? {
            guard let data = try? Data(contentsOf: directory.appendingPathComponent(name)) else { return nil }
            return Asset(body: ByteBuffer(bytes: data), contentType: contentType)
        }

        private static var missing: Assets {
            let text = """
                tm: the web page's files (the tm_TMServer resource bundle) are not installed beside this binary.
                The HTTP API works as documented: see /openapi.json and /v1/health.

                """
            let plain = Asset(body: ByteBuffer(string: text), contentType: "text/plain; charset=utf-8")
            return Assets(page: plain, styleSheet: plain, scripts: Dictionary(uniqueKeysWithValues: WebRoutes.scriptNames.map { ($0, plain) }))
        }
    }

    /// The `Web` folder of the resource bundle SwiftPM puts beside the executable.
    static var webDirectory: URL? {
        ResourceLocation.folder(bundle: "tm_TMServer", containing: "Web/index.html")?.appendingPathComponent("Web")
    }

    let assets = Assets.shared

    /// The page's script and the ES modules it imports, one concern each.
    static let scriptNames = [
        "app.js", "views.js", "dom.js", "api.js", "diff.js", "search.js", "term-editor.js", "check.js", "align.js", "article.js", "selftest.js",
    ]

    var routes: [APIRoute] {
        let assets = self.assets
        return [
            APIRoute(.init(method: .get, path: "/", summary: "The web page (HTML)", access: .read, responses: [(200, "The page", nil)])) { _, _ in
                Self.response(assets.page)
            },
            APIRoute(
                .init(method: .get, path: "/web/app.css", summary: "The web page's style sheet", access: .read, responses: [(200, "CSS", nil)])
            ) { _, _ in Self.response(assets.styleSheet) },
        ]
            + Self.scriptNames.map { name in
                let asset = assets.scripts[name]
                return APIRoute(
                    .init(
                        method: .get, path: "/web/\(name)", summary: name == "app.js" ? "The web page's script" : "A module of the web page's script",
                        access: .read, responses: [(200, "JavaScript", nil)])
                ) { _, _ in
                    guard let asset else { throw TMError.notFound("/web/\(name)") }
                    return Self.response(asset)
                }
            }
    }

    /// Nothing from elsewhere may load or run, and the files are revalidated on every load (they change with
    /// the binary).
    private static let policy: [(String, String)] = [
        ("X-Content-Type-Options", "nosniff"),
        (
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        ),
        ("Referrer-Policy", "no-referrer"),
    ]

    private static func response(_ asset: Asset) -> Response {
        var headers: HTTPFields = [.contentType: asset.contentType, .cacheControl: "no-cache"]
        for (name, value) in policy {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: asset.body))
    }
}
