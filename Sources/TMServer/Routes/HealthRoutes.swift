import Glossary
import Hummingbird

/// `GET /v1/health`: is the service up, which versions run it, and how much it holds.
struct HealthRoutes {
    let store: any Store

    struct Health: ResponseEncodable {
        let status: String
        let version: String
        let icu: String
        /// The store's engine and version: "SQLite 3.40.1", "PostgreSQL 15.18".
        let database: String
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
                    status: "ok", version: TMVersion.current, icu: TMVersion.icu, database: try store.engineVersion(),
                    segments: counts.segments, terms: counts.terms)
            }
        ]
    }
}
