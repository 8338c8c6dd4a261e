import Glossary
import Hummingbird

/// `GET /v1/health`: is the service up, which versions run it, and how much it holds.
struct HealthRoutes {
    let store: TMStore

    struct Health: ResponseEncodable {
        let status: String
        let version: String
        let icu: String
        let sqlite: String
        let segments: Int
        let terms: Int
    }

    var routes: [APIRoute] {
        [
            APIRoute(
                .init(
                    method: .get, path: "/v1/health", summary: "Status, versions and counts", access: .read, responses: [(200, "Healthy", "Health")])
            ) { _, _ -> Health in
                let counts = try store.counts()
                return Health(
                    status: "ok", version: TMVersion.current, icu: TMVersion.icu, sqlite: try store.sqliteVersion(),
                    segments: counts.segments, terms: counts.terms)
            }
        ]
    }
}
