import Foundation
import Glossary
import Hummingbird
import HummingbirdTesting
import Testing

@testable import TMServer

/// Random bytes, random JSON and oversized bodies to every route: never a 5xx, and the database stays intact.
@Suite struct RandomInputTests {
    private struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private static func randomJSON(_ random: inout Generator, depth: Int = 0) -> Any {
        switch Int.random(in: 0..<(depth > 2 ? 4 : 6), using: &random) {
        case 0: return Int.random(in: -1_000...1_000, using: &random)
        case 1: return ["서울", "Kim Jong Un", "", "\u{0}", "🇰🇵", "' OR 1=1 --", String(repeating: "가", count: 50)].randomElement(using: &random) ?? ""
        case 2: return Bool.random(using: &random)
        case 3: return NSNull()
        case 4: return (0..<Int.random(in: 0...3, using: &random)).map { _ in randomJSON(&random, depth: depth + 1) }
        default:
            let keys = ["text", "ko", "en", "hangul", "english", "kind", "add", "origin", "variants", "zzz"]
            var object: [String: Any] = [:]
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                object[keys.randomElement(using: &random) ?? "x"] = randomJSON(&random, depth: depth + 1)
            }
            return object
        }
    }

    @Test func noRouteAnswers5xxToGarbage() async throws {
        let database = try TestDatabase()
        defer { database.remove() }
        // Garbage may legitimately delete item 1 (writes are open here); item 2 must come through untouched.
        _ = try database.memory.add([SegmentInput(ko: "서울", en: "Seoul"), SegmentInput(ko: "부산", en: "Busan")])
        let app = Application(
            router: TMApplication.router(
                store: database.store, glossary: database.glossary, memory: database.memory, options: ServerOptions(maxImportBody: 1 << 16)))
        var random = Generator(state: 20_261_127)
        var requests: [(HTTPRequest.Method, String, ByteBuffer)] = []
        for operation in database.operations {
            let path = operation.path.replacingOccurrences(of: "{id}", with: "1").replacingOccurrences(of: "{source}", with: "ko")
                .replacingOccurrences(of: "{target}", with: "en").replacingOccurrences(of: "{text}", with: "%ED%95%9C%EA%B8%80")
            let queries = ["", "?q=%FF%FE", "?q=" + String(repeating: "x", count: 10_001), "?q=a&min=-5&limit=abc&from=zz", "?text=&system=?"]
            for query in queries {
                var bytes = [UInt8]()
                for _ in 0..<Int.random(in: 0...64, using: &random) { bytes.append(UInt8.random(in: 0...255, using: &random)) }
                requests.append((operation.method, path + query, ByteBuffer(bytes: bytes)))
                let json = (try? JSONSerialization.data(withJSONObject: Self.randomJSON(&random), options: [.fragmentsAllowed])) ?? Data()
                requests.append((operation.method, path + query, ByteBuffer(bytes: json)))
            }
            requests.append((operation.method, path, ByteBuffer(repeating: UInt8(ascii: "a"), count: (1 << 20) + 1)))
            requests.append((.patch, path, ByteBuffer()))
        }
        let all = requests
        try await app.test(.router) { client in
            for (method, uri, body) in all {
                try await client.execute(uri: uri, method: method, headers: .json, body: body) { response in
                    #expect(response.status.code < 500, "\(method) \(uri) → \(response.status.code): \(String(buffer: response.body).prefix(200))")
                    let type = response.headers[.contentType] ?? ""
                    if response.status.code >= 400 { #expect(type.hasPrefix("application/json"), "\(method) \(uri) error is not JSON") }
                }
            }
        }
        #expect(try database.store.integrityCheck() == "ok")
        #expect(try database.memory.segment(id: 2).en == "Busan", "what was stored before is still there")
    }
}
