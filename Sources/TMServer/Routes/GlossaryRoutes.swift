import Glossary
import Hummingbird

/// `/v1/glossary/…`: lookup by any spelling, recognition, style check, terms, import and export.
struct GlossaryRoutes {
    let glossary: TermGlossary
    /// The largest import body, in bytes.
    let importLimit: Int

    /// The body of recognize and check.
    struct TextBody: Decodable {
        let text: String

        private enum CodingKeys: String, CodingKey {
            case text
        }

        init(from decoder: any Decoder) throws {
            text = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .text)
            try decoder.rejectUnknownKeys(["text"])
        }
    }

    struct TermList: ResponseEncodable {
        let terms: [Term]
    }

    func register(on router: Router<some RequestContext>) {
        let group = router.group("/v1/glossary")
        group.get("lookup") { request, _ -> LookupResult in
            try glossary.lookup(QueryParameters(request).required("q"))
        }
        group.post("recognize") { request, _ -> RecognitionResult in
            let body = try await RequestBody.json(TextBody.self, from: request)
            return RecognitionResult(terms: try glossary.recognize(body.text))
        }
        group.post("check") { request, _ -> StyleCheckResult in
            let body = try await RequestBody.json(TextBody.self, from: request)
            return try glossary.check(body.text)
        }
        group.get("terms") { _, _ -> TermList in
            TermList(terms: try glossary.terms())
        }
        group.post("terms") { request, _ -> EditedResponse<Term> in
            let input = try await RequestBody.json(TermInput.self, from: request)
            return EditedResponse(status: .created, response: try glossary.add(input.term))
        }
        group.get("terms/{id}") { _, context -> Term in
            try glossary.term(id: try context.parameters.id(of: "term"))
        }
        group.put("terms/{id}") { request, context -> Term in
            let id = try context.parameters.id(of: "term")
            let input = try await RequestBody.json(TermInput.self, from: request)
            return try glossary.update(id: id, with: input.term)
        }
        group.delete("terms/{id}") { _, context -> HTTPResponse.Status in
            try glossary.remove(id: try context.parameters.id(of: "term"))
            return .noContent
        }
        group.post("import") { request, _ -> GlossaryImportReport in
            let query = QueryParameters(request)
            let format = try Self.format(query, request: request)
            let bytes = try await RequestBody.bytes(request, limit: importLimit)
            let name = query.optional("name") ?? "upload.\(format.rawValue)"
            let parsed = try format.parse(bytes, fileName: name)
            return try glossary.importTerms(parsed, skipBad: try query.flag("skip_bad"))
        }
        group.get("export") { request, _ -> Response in
            let format: GlossaryFormat = try QueryParameters(request).choice("format", default: .tsv)
            let body = format.render(try glossary.terms())
            return Response(
                status: .ok, headers: [.contentType: Self.contentType(of: format)], body: .init(byteBuffer: ByteBuffer(string: body)))
        }
    }

    /// `?format=` wins; else the Content-Type (TBX is XML; TSV and OmegaT are text).
    private static func format(_ query: QueryParameters, request: Request) throws -> GlossaryFormat {
        if try query.decoded("format") != nil { return try query.choice("format", default: .tsv) }
        let type = request.headers[.contentType]?.lowercased() ?? ""
        if type.contains("xml") || type.contains("tbx") { return .tbx }
        return .tsv
    }

    private static func contentType(of format: GlossaryFormat) -> String {
        switch format {
        case .tbx: "application/x-tbx+xml; charset=utf-8"
        case .tsv: "text/tab-separated-values; charset=utf-8"
        case .omegat: "text/plain; charset=utf-8"
        }
    }
}

extension LookupResult: ResponseEncodable {}
extension RecognitionResult: ResponseEncodable {}
extension StyleCheckResult: ResponseEncodable {}
extension Term: ResponseEncodable {}
extension GlossaryImportReport: ResponseEncodable {}
