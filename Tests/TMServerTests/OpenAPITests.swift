import Foundation
import Glossary
import Hummingbird
import HummingbirdTesting
import Testing

@testable import TMServer

/// `/openapi.json` describes every route, every described route answers as described, and every answer has the shape
/// its schema gives.
@Suite struct OpenAPITests {
    private func document(_ database: TestDatabase) throws -> [String: Any] {
        let json = OpenAPIDocument.json(for: database.operations)
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func everyRegisteredRouteIsDocumented() throws {
        let database = try TestDatabase()
        defer { database.remove() }
        let router = TMApplication.router(store: database.store, glossary: database.glossary, memory: database.memory)
        let paths = try #require(try document(database)["paths"] as? [String: [String: Any]])
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

    @Test func theServedDocumentIsTheGeneratedOne() async throws {
        let database = try TestDatabase()
        defer { database.remove() }
        let expected = OpenAPIDocument.json(for: database.operations)
        try await database.application.test(.router) { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(String(buffer: response.body) == expected)
                let served = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                let info = served["info"] as? [String: Any]
                #expect(info?["version"] as? String == TMVersion.current)
            }
        }
    }

    /// One request per documented operation, with every documented field and parameter: it must succeed, and its
    /// answer must have exactly the shape the document gives (no undocumented key, every required one, the right types).
    @Test func everyOperationAnswersWithItsDocumentedShape() async throws {
        let database = try TestDatabase()
        defer { database.remove() }
        let added = try database.memory.add([SegmentInput(ko: "서울", en: "Seoul")])
        let segmentID = added[0].segment.id
        let termID = try #require(try database.glossary.terms().first?.id)
        let spec = OpenAPIDocument.json(for: database.operations)
        // Deletes last, so that the reads before them find their items.
        let operations = database.operations.sorted { ($0.method == .delete ? 1 : 0) < ($1.method == .delete ? 1 : 0) }
        try await database.application.test(.router) { client in
            for operation in operations {
                let request = Self.fullRequest(for: operation, segmentID: segmentID, termID: termID)
                let headers: HTTPFields = operation.body?.mediaType == "application/json" ? .json : [:]
                try await client.execute(uri: request.uri, method: operation.method, headers: headers, body: request.body) { response in
                    let status = Int(response.status.code)
                    #expect(
                        (200..<300).contains(status), "\(operation.method) \(request.uri) → \(status): \(String(buffer: response.body).prefix(300))")
                    #expect(Set(operation.documentedResponses.map(\.status)).contains(status))
                    guard let schema = operation.documentedResponses.first(where: { $0.status == status })?.schema else { return }
                    let value = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body))
                    let problems = try SchemaCheck(document: spec).problems(value, against: ["$ref": "#/components/schemas/\(schema)"], at: "")
                    #expect(problems.isEmpty, "\(operation.method) \(operation.path) (\(schema)): \(problems)")
                }
            }
        }
    }

    /// Every failure status a route gives is documented for it.
    @Test func everyDocumentedOperationAnswersAsDocumented() async throws {
        let database = try TestDatabase()
        defer { database.remove() }
        let added = try database.memory.add([SegmentInput(ko: "서울", en: "Seoul")])
        let segmentID = added[0].segment.id
        let termID = try #require(try database.glossary.terms().first?.id)
        try await database.application.test(.router) { client in
            for operation in database.operations {
                let request = Self.fullRequest(for: operation, segmentID: segmentID, termID: termID)
                let documented = Set(operation.documentedResponses.map(\.status))
                for headers: HTTPFields in [[:], .json] {
                    // A body that is not what the route wants, and a query without its parameters.
                    let path = request.uri.split(separator: "?").first.map(String.init) ?? request.uri
                    try await client.execute(uri: path, method: operation.method, headers: headers, body: ByteBuffer(string: "{\"x\":1}")) {
                        response in
                        let status = Int(response.status.code)
                        #expect(documented.contains(status), "\(operation.method) \(path) answered \(status), documented \(documented.sorted())")
                        #expect(status < 500)
                    }
                }
            }
        }
    }

    /// The request with every documented parameter and body field set to a valid value.
    private static func fullRequest(for operation: APIOperation, segmentID: Int64, termID: Int64) -> (uri: String, body: ByteBuffer?) {
        let isTerm = operation.path.contains("terms")
        var uri = operation.path
            .replacingOccurrences(of: "{id}", with: String(isTerm ? termID : segmentID))
            .replacingOccurrences(of: "{source}", with: "en").replacingOccurrences(of: "{target}", with: "ko")
            .replacingOccurrences(of: "{text}", with: "Seoul")
        let values: [String: String] = [
            "q": "Seoul", "text": "%EC%84%9C%EC%9A%B8", "min": "50", "limit": "5", "min_similarity": "50", "max_candidates": "5", "origin": "test",
            "name": "test.tsv", "source": "Seoul", "format": "tsv",
        ]
        let query = operation.parameters.filter { $0.location == .query }.map { parameter -> String in
            let value =
                operation.path == "/v1/export" && parameter.name == "format"
                ? "tmx"
                : parameter.name == "format" || parameter.values.isEmpty
                    ? (parameter.type == "boolean" ? "true" : values[parameter.name] ?? "Seoul") : parameter.values[0]
            return "\(parameter.name)=\(value)"
        }
        if !query.isEmpty { uri += "?" + query.joined(separator: "&") }
        let post = operation.method == .post
        let body: String? =
            switch operation.body?.schema {
            case "TextBody": #"{"text":"Kim Jong Un visited 서울."}"#
            case "TermInput":
                post
                    ? #"{"hangul":"부산","english":"Busan","kind":"place","variants":["Pusan"],"note":"port city","source":"test"}"#
                    : #"{"hangul":"대구","english":"Daegu","kind":"place","variants":["Taegu"],"note":"city","source":"test"}"#
            case "SegmentInput": post ? #"{"ko":"부산","en":"Busan","origin":"test"}"# : #"{"ko":"대구","en":"Daegu","origin":"test"}"#
            case "AlignRequest":
                #"{"ko":"부산이다. 대구다.","en":"It is Busan. It is Daegu.","add":true,"min_confidence":0.1,"origin":"test","include_flagged":true}"#
            case "AnalyzeRequest": #"{"text":"부산이다. 대구다.","min":50}"#
            case "PretranslateRequest": #"{"text":"부산이다. 대구다.","threshold":75,"format":"xliff","name":"a.txt"}"#
            case "QARequest": #"{"ko":"부산이다. 대구다.","en":"It is Busan. It is Daegu."}"#
            case "File":
                operation.path.contains("glossary")
                    ? "hangul\tenglish\tkind\tvariants\tnote\tsource\n대전\tDaejeon\tplace\tTaejon\t\ttest\n" : "ko\ten\n광주\tGwangju\n"
            default: nil
            }
        return (uri, body.map { ByteBuffer(string: $0) })
    }
}

/// Checks a decoded JSON value against the document's schemas: objects are closed (a key the schema does not list
/// is drift), required keys present, types right (an integer is a whole number), arrays item by item.
struct SchemaCheck {
    let schemas: [String: Any]

    init(document: String) throws {
        let object = try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any]
        schemas = (object?["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
    }

    func problems(_ value: JSONValue, against schema: [String: Any], at path: String) -> [String] {
        if let reference = schema["$ref"] as? String {
            let name = String(reference.split(separator: "/").last ?? "")
            guard let resolved = schemas[name] as? [String: Any] else { return ["\(path): no schema \(name)"] }
            return problems(value, against: resolved, at: path)
        }
        switch (schema["type"] as? String, value) {
        case ("object", .object(let object)):
            guard let properties = schema["properties"] as? [String: Any] else { return [] }
            var found: [String] = []
            for name in (schema["required"] as? [String]) ?? [] where object[name] == nil { found.append("\(path).\(name): required, missing") }
            for (name, member) in object {
                guard let memberSchema = properties[name] as? [String: Any] else {
                    found.append("\(path).\(name): not in the schema")
                    continue
                }
                found += problems(member, against: memberSchema, at: "\(path).\(name)")
            }
            return found
        case ("array", .array(let array)):
            let items = schema["items"] as? [String: Any] ?? [:]
            return array.enumerated().flatMap { problems($1, against: items, at: "\(path)[\($0)]") }
        case ("string", .string), ("integer", .integer), ("number", .integer), ("number", .double), ("boolean", .bool), (nil, _):
            return []
        case (let type?, _):
            return ["\(path): expected \(type), got \(value)"]
        }
    }
}

/// A JSON value as it was written: JSONSerialization on Linux reads 0 and 1 as booleans, which would hide exactly
/// the type errors this test looks for.
enum JSONValue: Decodable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case integer(Int64)
    case double(Double)
    case bool(Bool)
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else {
            self = .array(try container.decode([JSONValue].self))
        }
    }
}
