import Foundation
import Glossary

/// `/openapi.json`, generated from the operations the routes declare, so that the description cannot drift from
/// what the server registers and checks.
enum OpenAPIDocument {
    static func json(for operations: [APIOperation]) -> String {
        var paths: [String: [String: Any]] = [:]
        for operation in operations {
            var entry: [String: Any] = [
                "summary": operation.summary,
                "operationId": operationID(operation),
                "responses": Dictionary(
                    uniqueKeysWithValues: operation.documentedResponses.map { response in
                        var body: [String: Any] = ["description": response.description]
                        if let schema = response.schema {
                            body["content"] = ["application/json": ["schema": ["$ref": "#/components/schemas/\(schema)"]]]
                        }
                        return (String(response.status), body)
                    }),
            ]
            if !operation.parameters.isEmpty {
                entry["parameters"] = operation.parameters.map { parameter in
                    var schema: [String: Any] = ["type": parameter.type]
                    if !parameter.values.isEmpty { schema["enum"] = parameter.values }
                    return [
                        "name": parameter.name, "in": parameter.location.rawValue, "required": parameter.required,
                        "description": parameter.description, "schema": schema,
                    ] as [String: Any]
                }
            }
            if let body = operation.body {
                let schema: [String: Any] =
                    body.schema == "File" ? ["type": "string", "format": "binary"] : ["$ref": "#/components/schemas/\(body.schema)"]
                entry["requestBody"] = ["required": true, "content": [body.mediaType: ["schema": schema]]]
            }
            if operation.mayWrite { entry["security"] = [["bearer": [String]()]] }
            paths[operation.path, default: [:]][operation.method.rawValue.lowercased()] = entry
        }
        let document: [String: Any] = [
            "openapi": "3.0.3",
            "info": [
                "title": "tm — Korean–English translation memory and name glossary",
                "version": TMVersion.current,
                "description": "Reads are open; writes need `Authorization: Bearer TOKEN` when the server has a token.",
            ],
            "paths": paths,
            "components": ["schemas": schemas, "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]]],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private static func operationID(_ operation: APIOperation) -> String {
        let words = operation.path.split(whereSeparator: { !$0.isLetter }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
        return operation.method.rawValue.lowercased() + words.joined()
    }

    private static func object(_ properties: [String: Any], required: [String] = []) -> [String: Any] {
        var schema: [String: Any] = ["type": "object", "properties": properties]
        if !required.isEmpty { schema["required"] = required }
        return schema
    }

    private static var string: [String: Any] { ["type": "string"] }
    private static var integer: [String: Any] { ["type": "integer"] }
    private static var number: [String: Any] { ["type": "number"] }
    private static var boolean: [String: Any] { ["type": "boolean"] }
    private static func array(_ items: [String: Any]) -> [String: Any] { ["type": "array", "items": items] }
    private static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }

    static var schemas: [String: Any] {
        [
            "Error": object(
                [
                    "error": object(
                        ["code": string, "message": string, "field": string, "existing": array(ref("Term"))], required: ["code", "message"])
                ],
                required: ["error"]),
            "Health": object(
                ["status": string, "version": string, "icu": string, "database": string, "segments": integer, "terms": integer],
                required: ["status", "version", "icu", "database", "segments", "terms"]),
            "Stats": object([
                "segments": integer, "terms": integer, "indexed_ko": integer, "indexed_en": integer, "origins": ["type": "object"],
                "database_bytes": integer,
            ]),
            "Romanization": object(
                [
                    "input": string, "output": string, "system": string, "kind": string, "style": string,
                    "variants": array(object(["form": string, "system": string])),
                ], required: ["input", "output", "system", "kind"]),
            "GlossaryMatch": object([
                "id": integer, "hangul": string, "english": string, "kind": string, "matched": string, "via": string, "score": number,
                "generated": boolean, "variants": array(string), "aliases": array(string), "note": string,
                "country": string,
            ]),
            "Lookup": object(["query": string, "matches": array(ref("GlossaryMatch"))], required: ["query", "matches"]),
            "TextBody": object(["text": string], required: ["text"]),
            "RecognizedTerm": object([
                "start": integer, "end": integer, "text": string,
                "matches": array(object(["id": integer, "hangul": string, "english": string, "kind": string, "via": string])),
            ]),
            "Recognition": object(["terms": array(ref("RecognizedTerm"))], required: ["terms"]),
            "StyleCheck": object(
                [
                    "issues": array(
                        object([
                            "start": integer, "end": integer, "found": string, "house": string, "id": integer, "hangul": string,
                            "alternatives": array(string), "ambiguous": boolean,
                        ])),
                    "corrected": string,
                ], required: ["issues", "corrected"]),
            "Term": object([
                "id": integer, "hangul": string, "english": string, "kind": string, "variants": array(string), "aliases": array(string),
                "note": string, "source": string, "country": string,
            ]),
            "TermInput": object(
                [
                    "hangul": string, "english": string, "kind": string, "variants": array(string), "aliases": array(string), "note": string,
                    "source": string, "country": string, "homonym": boolean,
                ],
                required: ["hangul", "english"]),
            "TermList": object(["terms": array(ref("Term"))], required: ["terms"]),
            "GlossaryImport": object([
                "file": string, "added": integer, "already_present": integer, "skipped": integer,
                "problems": array(ref("ImportProblem")), "notices": array(string),
            ]),
            "ImportProblem": object(["line": integer, "reason": string, "message": string, "is_error": boolean], required: ["reason", "message"]),
            "Segment": object([
                "id": integer, "ko": string, "en": string, "origin": string, "created_at": ["type": "string", "format": "date-time"],
                "updated_at": ["type": "string", "format": "date-time"],
            ]),
            "SegmentInput": object(["ko": string, "en": string, "origin": string], required: ["ko", "en"]),
            "Added": object([
                "created": boolean, "segment": ref("Segment"), "segments": array(object(["created": boolean, "segment": ref("Segment")])),
            ]),
            "Search": object(
                [
                    "query": string, "from": string, "took_ms": number,
                    "matches": array(object(["id": integer, "score": number, "ko": string, "en": string, "origin": string])),
                    "terms": array(ref("RecognizedTerm")),
                    // Present only when the database could not be reached and the node answered from its index.
                    "notice": string,
                ], required: ["query", "from", "took_ms", "matches"]),
            "Concordance": object([
                "query": string, "side": string,
                "hits": array(
                    object([
                        "id": integer, "ko": string, "en": string, "origin": string, "side": string,
                        "spans": array(object(["start": integer, "end": integer])),
                    ])),
            ]),
            "MemoryImport": object([
                "file": string, "format": string, "added": integer, "already_present": integer, "skipped": integer,
                "skipped_by_reason": ["type": "object"], "problems": array(ref("ImportProblem")), "notices": array(string),
            ]),
            "AlignRequest": object(
                ["ko": string, "en": string, "add": boolean, "min_confidence": number, "origin": string, "include_flagged": boolean],
                required: ["ko", "en"]),
            "Alignment": object([
                "ko_sentences": array(string), "en_sentences": array(string),
                "beads": array(object(["ko": array(integer), "en": array(integer), "confidence": number, "flagged": boolean])),
                "added": integer,
            ]),
            "AnalyzeRequest": object(["text": string, "min": integer], required: ["text"]),
            "PretranslateRequest": object(
                ["text": string, "threshold": integer, "format": ["type": "string", "enum": DraftFormat.allCases.map(\.rawValue)], "name": string],
                required: ["text"]),
            "QARequest": object(["ko": string, "en": string], required: ["ko", "en"]),
            "DocumentAnalysis": object(
                [
                    "language": string, "bands": array(ref("BandCount")), "total": ref("BandCount"),
                    "sentences": array(
                        object(
                            [
                                "index": integer, "text": string, "band": string, "words": integer, "characters": integer,
                                "matches": array(
                                    object([
                                        "id": integer, "score": number, "source": string, "target": string, "origin": string,
                                        "diff": object(["pieces": array(object(["operation": string, "text": string]))]),
                                    ])),
                                "terms": array(
                                    object([
                                        "start": integer, "end": integer, "text": string, "hangul": string, "english": string, "kind": string,
                                        "generated": boolean, "note": string,
                                    ])),
                                "numbers": array(
                                    object([
                                        "start": integer, "end": integer, "text": string, "value": number, "english": string, "unit": string,
                                        "is_day_of_month": boolean,
                                    ])),
                            ], required: ["index", "text", "band", "matches", "terms", "numbers"])),
                ], required: ["language", "sentences", "bands", "total"]),
            "BandCount": object(["band": string, "sentences": integer, "words": integer, "characters": integer]),
            "QAReport": object(
                [
                    "pairs": integer,
                    "issues": array(
                        object(
                            [
                                "pair": integer, "kind": string, "ko": string, "en": string, "message": string, "found": string,
                                "expected": string,
                            ], required: ["pair", "kind", "ko", "en", "message"])),
                ], required: ["pairs", "issues"]),
            "AmaGamaList": array(object(["source": string, "target": string, "quality": number, "rank": number])),
            "AmaGamaLanguages": object(["sourceLanguages": array(string), "targetLanguages": array(string)]),
        ]
    }
}
