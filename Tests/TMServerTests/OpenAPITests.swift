import Foundation
import Glossary
import Hummingbird
import HummingbirdTesting
import Testing

@testable import TMServer

/// `/openapi.json` describes every route, and every described route answers as described.
@Suite struct OpenAPITests {
    private func document() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
    }

    @Test func everyRegisteredRouteIsDocumented() throws {
        let database = try TestDatabase()
        defer { database.remove() }
        let router = TMApplication.router(store: database.store, glossary: database.glossary, memory: database.memory)
        let paths = try #require(try document()["paths"] as? [String: [String: Any]])
        for route in router.routes {
            let registered = route.path.description
            let method = route.method.rawValue.lowercased()
            if registered.hasSuffix("/**") {
                let prefix = String(registered.dropLast(2))
                #expect(paths.contains { $0.key.hasPrefix(prefix) && $0.value[method] != nil }, "\(route) has no documented form")
            } else {
                let documented = registered.replacingOccurrences(of: ":id", with: "{id}")
                #expect(paths[documented]?[method] != nil, "\(route) is not documented")
            }
        }
        #expect(paths.count >= 20)
    }

    /// One concrete request per documented operation; the status must be one the document lists.
    @Test func everyDocumentedOperationAnswersAsDocumented() async throws {
        let database = try TestDatabase()
        defer { database.remove() }
        let added = try database.memory.add([SegmentInput(ko: "서울", en: "Seoul")])
        let segmentID = added[0].segment.id
        let termID = try #require(try database.glossary.terms().first?.id)
        let app = Application(
            router: TMApplication.router(store: database.store, glossary: database.glossary, memory: database.memory, options: ServerOptions()))
        let operations = APIOperations.all
        try await app.test(.router) { client in
            for operation in operations {
                var uri = operation.path
                    .replacingOccurrences(of: "{id}", with: operation.path.contains("terms") ? String(termID) : String(segmentID))
                    .replacingOccurrences(of: "{source}", with: "en").replacingOccurrences(of: "{target}", with: "ko")
                    .replacingOccurrences(of: "{text}", with: "Seoul")
                let required = operation.parameters.filter { $0.location == .query && $0.required }
                if !required.isEmpty { uri += "?" + required.map { "\($0.name)=Seoul" }.joined(separator: "&") }
                let body: ByteBuffer? =
                    switch operation.body?.schema {
                    case "TextBody": ByteBuffer(string: #"{"text":"Kim Jong Un"}"#)
                    case "TermInput": ByteBuffer(string: #"{"hangul":"부산","english":"Busan","kind":"place"}"#)
                    case "SegmentInput": ByteBuffer(string: #"{"ko":"부산","en":"Busan"}"#)
                    case "AlignRequest": ByteBuffer(string: #"{"ko":"부산이다.","en":"It is Busan."}"#)
                    case "File": ByteBuffer(string: "hangul\tenglish\tkind\tvariants\tnote\tsource\n대구\tDaegu\tplace\t\t\t\n")
                    default: nil
                    }
                let documented = Set(operation.documentedResponses.map(\.status))
                let headers: HTTPFields = operation.body?.mediaType == "application/json" ? .json : [:]
                try await client.execute(uri: uri, method: operation.method, headers: headers, body: body) { response in
                    let status = Int(response.status.code)
                    // The glossary TSV is not a memory file, so that import may answer its documented 422.
                    #expect(documented.contains(status), "\(operation.method) \(uri) answered \(status), documented \(documented.sorted())")
                    #expect(status < 500)
                }
            }
        }
    }
}
