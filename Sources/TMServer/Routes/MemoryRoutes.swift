import Glossary
import Hummingbird

/// `/v1/segments`, `/v1/matches`, `/v1/concordance`, `/v1/import`, `/v1/export`, `/v1/stats`: the translation memory.
struct MemoryRoutes {
    let memory: TranslationMemory
    /// The largest import body, in bytes.
    let importLimit: Int

    struct AddedList: ResponseEncodable {
        let segments: [AddedSegment]
    }

    private static let languages = Language.allCases.map(\.rawValue)

    var routes: [APIRoute] {
        [
            APIRoute(
                .init(
                    method: .post, path: "/v1/segments", summary: "Add one pair or an array of pairs (one transaction)", access: .write,
                    body: (APIOperation.json, "SegmentInput"),
                    responses: [(201, "What was stored", "Added"), APIOperation.badRequest, APIOperation.tooLarge] + APIOperation.writeErrors)
            ) { request, context -> Response in
                try RequestBody.requireJSON(request)
                let bytes = try await RequestBody.bytes(request)
                // One object or an array of them.
                if bytes.first(where: { !Self.isJSONSpace($0) }) == UInt8(ascii: "[") {
                    let inputs = try RequestBody.decodeJSON([SegmentInput].self, from: bytes)
                    let list = AddedList(segments: try await BlockingWork.run { try memory.add(inputs, defaultOrigin: "api") })
                    return try EditedResponse(status: .created, response: list).response(from: request, context: context)
                }
                let input = try RequestBody.decodeJSON(SegmentInput.self, from: bytes)
                let added = try await BlockingWork.run { try memory.add([input], defaultOrigin: "api") }
                return try EditedResponse(status: .created, response: added[0]).response(from: request, context: context)
            },
            APIRoute(
                .init(
                    method: .get, path: "/v1/segments/{id}", summary: "One pair", access: .read, parameters: [.path("id", "integer", "Segment id")],
                    responses: [(200, "The pair", "Segment"), APIOperation.badRequest, APIOperation.notFound])
            ) { _, context -> Segment in
                let id = try context.parameters.id(of: "segment")
                return try memory.segment(id: id)
            },
            APIRoute(
                .init(
                    method: .put, path: "/v1/segments/{id}", summary: "Replace a pair", access: .write,
                    parameters: [.path("id", "integer", "Segment id")], body: (APIOperation.json, "SegmentInput"),
                    responses: [(200, "The pair", "Segment"), APIOperation.badRequest, APIOperation.notFound, APIOperation.tooLarge]
                        + APIOperation.writeErrors)
            ) { request, context -> Segment in
                let id = try context.parameters.id(of: "segment")
                let input = try await RequestBody.json(SegmentInput.self, from: request)
                return try await BlockingWork.run { try memory.update(id: id, with: input) }
            },
            APIRoute(
                .init(
                    method: .delete, path: "/v1/segments/{id}", summary: "Delete a pair", access: .write,
                    parameters: [.path("id", "integer", "Segment id")],
                    responses: [(204, "Deleted", nil), APIOperation.badRequest, APIOperation.notFound] + APIOperation.writeErrors)
            ) { _, context -> HTTPResponse.Status in
                let id = try context.parameters.id(of: "segment")
                try await BlockingWork.run { try memory.remove(id: id) }
                return .noContent
            },
            APIRoute(
                .init(
                    method: .get, path: "/v1/matches", summary: "Fuzzy matches from the memory", access: .read,
                    parameters: [
                        .query("q", "string", "The sentence", required: true),
                        .query("from", "string", "The query's language", values: Self.languages),
                        .query("min", "integer", "Lowest score, 0–100 (default 75)"),
                        .query("limit", "integer", "Most matches, 1–100 (default 5)"),
                        .query("hints", "boolean", "Add the glossary terms of the query"),
                    ],
                    responses: [
                        (200, "Matches, best first", "Search"), APIOperation.badRequest,
                        (422, "The query would compare too much of the memory (long query, low min): raise min or shorten it", "Error"),
                    ])
            ) { request, _ -> MemorySearchResult in
                let query = QueryParameters(request)
                let (text, side): (String, Language?) = (try query.required("q"), try query.optionalChoice("from"))
                let (minimum, limit, hints) = (try query.integer("min", default: 75), try query.integer("limit", default: 5), try query.flag("hints"))
                return try await BlockingWork.run { try memory.search(text, from: side, minScore: minimum, limit: limit, hints: hints) }
            },
            APIRoute(
                .init(
                    method: .get, path: "/v1/concordance", summary: "Pairs containing a phrase", access: .read,
                    parameters: [
                        .query("q", "string", "The phrase", required: true),
                        .query("lang", "string", "The side to search", values: Self.languages),
                        .query("limit", "integer", "Most hits, 1–100 (default 20)"),
                    ],
                    responses: [(200, "Hits with spans", "Concordance"), APIOperation.badRequest])
            ) { request, _ -> ConcordanceResult in
                let query = QueryParameters(request)
                let (phrase, side): (String, Language?) = (try query.required("q"), try query.optionalChoice("lang"))
                let limit = try query.integer("limit", default: 20)
                return try await BlockingWork.run { try memory.concordance(phrase, side: side, limit: limit) }
            },
            APIRoute(
                .init(method: .get, path: "/v1/stats", summary: "Counts and sizes", access: .read, responses: [(200, "Statistics", "Stats")])
            ) { _, _ -> MemoryStats in
                try await BlockingWork.run { try memory.stats() }
            },
            APIRoute(
                .init(
                    method: .post, path: "/v1/import", summary: "Import a TMX, PO or TSV file (one transaction)", access: .write,
                    parameters: [
                        .query("format", "string", "tmx, po or tsv (else from the Content-Type)", values: MemoryFormat.allCases.map(\.rawValue)),
                        .query("skip_bad", "boolean", "Import the good units of a file with bad ones"),
                        .query("origin", "string", "Origin of the pairs"), .query("name", "string", "A name for the report"),
                    ],
                    body: ("application/octet-stream", "File"),
                    responses: [(200, "The report", "MemoryImport"), APIOperation.badRequest, APIOperation.tooLarge, APIOperation.badFile]
                        + APIOperation.writeErrors)
            ) { request, _ -> MemoryImportReport in
                let query = QueryParameters(request)
                let format = try Self.format(query, request: request)
                let name = try query.decoded("name") ?? "upload.\(format.rawValue)"
                let (origin, skipBad) = (try query.decoded("origin") ?? name, try query.flag("skip_bad"))
                // On disk, not in memory: the import streams it like a file given to `tm import`.
                let upload = try await RequestBody.spool(request, limit: importLimit)
                defer { RequestBody.removeSpool(upload) }
                return try await BlockingWork.run {
                    try memory.importFile(.upload(upload, name: name), format: format, origin: origin, skipBad: skipBad)
                }
            },
            APIRoute(
                .init(
                    method: .get, path: "/v1/export", summary: "The memory as TMX or TSV, streamed", access: .read,
                    parameters: [.query("format", "string", "tmx or tsv", values: ["tmx", "tsv"])],
                    responses: [(200, "The file", nil), APIOperation.badRequest])
            ) { request, _ -> Response in
                let format: MemoryFormat = try QueryParameters(request).choice("format", default: .tmx)
                guard format != .po else { throw TMError.invalidInput(field: "format", message: "export writes tmx or tsv") }
                let contentType = format == .tmx ? "application/x-tmx+xml; charset=utf-8" : "text/tab-separated-values; charset=utf-8"
                let body = ResponseBody { writer in
                    try await memory.export(format) { text in try await writer.write(ByteBuffer(string: text)) }
                    try await writer.finish(nil)
                }
                return Response(status: .ok, headers: [.contentType: contentType], body: body)
            },
        ]
    }

    private static func isJSONSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// `?format=` wins; else the Content-Type (XML is TMX, gettext is PO), else TSV.
    private static func format(_ query: QueryParameters, request: Request) throws -> MemoryFormat {
        if try query.decoded("format") != nil { return try query.choice("format", default: .tmx) }
        let type = request.headers[.contentType]?.lowercased() ?? ""
        if type.contains("xml") || type.contains("tmx") { return .tmx }
        if type.contains("gettext") || type.contains("x-po") { return .po }
        return .tsv
    }
}

extension Segment: ResponseEncodable {}
extension MemorySearchResult: ResponseEncodable {}
extension ConcordanceResult: ResponseEncodable {}
extension MemoryImportReport: ResponseEncodable {}
extension MemoryStats: ResponseEncodable {}
extension AddedSegment: ResponseEncodable {}
