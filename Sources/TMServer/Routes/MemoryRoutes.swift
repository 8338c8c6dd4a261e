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

    func register(on router: Router<some RequestContext>) {
        router.post("/v1/segments") { request, context -> Response in
            try RequestBody.requireJSON(request)
            let bytes = try await RequestBody.bytes(request)
            // One object or an array of them.
            if bytes.first(where: { !Self.isJSONSpace($0) }) == UInt8(ascii: "[") {
                let inputs = try RequestBody.decodeJSON([SegmentInput].self, from: bytes)
                let list = AddedList(segments: try memory.add(inputs, defaultOrigin: "api"))
                return try EditedResponse(status: .created, response: list).response(from: request, context: context)
            }
            let input = try RequestBody.decodeJSON(SegmentInput.self, from: bytes)
            let added = try memory.add([input], defaultOrigin: "api")
            return try EditedResponse(status: .created, response: added[0]).response(from: request, context: context)
        }
        router.get("/v1/segments/{id}") { _, context -> Segment in
            try memory.segment(id: try context.parameters.id(of: "segment"))
        }
        router.put("/v1/segments/{id}") { request, context -> Segment in
            let id = try context.parameters.id(of: "segment")
            return try memory.update(id: id, with: try await RequestBody.json(SegmentInput.self, from: request))
        }
        router.delete("/v1/segments/{id}") { _, context -> HTTPResponse.Status in
            try memory.remove(id: try context.parameters.id(of: "segment"))
            return .noContent
        }
        router.get("/v1/matches") { request, _ -> MemorySearchResult in
            let query = QueryParameters(request)
            return try memory.search(
                try query.required("q"), from: try query.optionalChoice("from"), minScore: try query.integer("min", default: 75),
                limit: try query.integer("limit", default: 5), hints: try query.flag("hints"))
        }
        router.get("/v1/concordance") { request, _ -> ConcordanceResult in
            let query = QueryParameters(request)
            return try memory.concordance(
                try query.required("q"), side: try query.optionalChoice("lang"), limit: try query.integer("limit", default: 20))
        }
        router.get("/v1/stats") { _, _ -> MemoryStats in
            try memory.stats()
        }
        router.post("/v1/import") { request, _ -> MemoryImportReport in
            let query = QueryParameters(request)
            let format = try Self.format(query, request: request)
            let bytes = try await RequestBody.bytes(request, limit: importLimit)
            let name = try query.decoded("name") ?? "upload.\(format.rawValue)"
            return try memory.importFile(
                .bytes(bytes, name: name), format: format, origin: try query.decoded("origin") ?? name, skipBad: try query.flag("skip_bad"))
        }
        router.get("/v1/export") { request, _ -> Response in
            let format: MemoryFormat = try QueryParameters(request).choice("format", default: .tmx)
            guard format != .po else { throw TMError.invalidInput(field: "format", message: "export writes tmx or tsv") }
            let contentType = format == .tmx ? "application/x-tmx+xml; charset=utf-8" : "text/tab-separated-values; charset=utf-8"
            let body = ResponseBody { writer in
                try await memory.export(format) { text in try await writer.write(ByteBuffer(string: text)) }
                try await writer.finish(nil)
            }
            return Response(status: .ok, headers: [.contentType: contentType], body: body)
        }
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
