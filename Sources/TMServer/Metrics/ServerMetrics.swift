import Foundation
import Synchronization

/// Request counts by route and status and a latency histogram, in the Prometheus text format at `/metrics`.
final class ServerMetrics: Sendable {
    private struct State {
        var requests: [String: Int] = [:]
        var bucketCounts: [String: [Int]] = [:]
        var sums: [String: Double] = [:]
        var counts: [String: Int] = [:]
    }

    /// Latency buckets, in seconds.
    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private let state = Mutex(State())

    /// Records one request under its route (the matched operation's path, so ids do not explode the labels).
    func record(method: String, route: String, status: Int, seconds: Double) {
        state.withLock { state in
            state.requests["method=\"\(method)\",route=\"\(route)\",status=\"\(status)\"", default: 0] += 1
            let key = "route=\"\(route)\""
            var counts = state.bucketCounts[key] ?? Array(repeating: 0, count: Self.buckets.count)
            for (index, bound) in Self.buckets.enumerated() where seconds <= bound { counts[index] += 1 }
            state.bucketCounts[key] = counts
            state.sums[key, default: 0] += seconds
            state.counts[key, default: 0] += 1
        }
    }

    /// The Prometheus exposition, plus the store's sizes.
    func render(segments: Int, terms: Int, databaseBytes: Int64) -> String {
        let state = state.withLock { $0 }
        var out = "# HELP tm_http_requests_total HTTP requests by method, route and status.\n# TYPE tm_http_requests_total counter\n"
        for (labels, count) in state.requests.sorted(by: { $0.key < $1.key }) { out += "tm_http_requests_total{\(labels)} \(count)\n" }
        out += "# HELP tm_http_request_duration_seconds Request latency.\n# TYPE tm_http_request_duration_seconds histogram\n"
        for (labels, counts) in state.bucketCounts.sorted(by: { $0.key < $1.key }) {
            for (bound, count) in zip(Self.buckets, counts) {
                out += "tm_http_request_duration_seconds_bucket{\(labels),le=\"\(bound)\"} \(count)\n"
            }
            out += "tm_http_request_duration_seconds_bucket{\(labels),le=\"+Inf\"} \(state.counts[labels] ?? 0)\n"
            out += "tm_http_request_duration_seconds_sum{\(labels)} \(state.sums[labels] ?? 0)\n"
            out += "tm_http_request_duration_seconds_count{\(labels)} \(state.counts[labels] ?? 0)\n"
        }
        out += "# HELP tm_segments Translation-memory pairs stored.\n# TYPE tm_segments gauge\ntm_segments \(segments)\n"
        out += "# HELP tm_terms Glossary terms stored.\n# TYPE tm_terms gauge\ntm_terms \(terms)\n"
        out += "# HELP tm_database_bytes Size of the database file and its WAL.\n# TYPE tm_database_bytes gauge\ntm_database_bytes \(databaseBytes)\n"
        return out
    }
}
