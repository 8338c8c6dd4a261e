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

    private static let formats = GlossaryFormat.allCases.map(\.rawValue)

    var routes: [APIRoute] {
        let termID = APIOperation.Parameter.path("id", "integer", "Term id")
        return [
            APIRoute(
                .init(
                    method: .get, path: "/v1/glossary/lookup", summary: "Glossary entries by any spelling", access: .read,
                    parameters: [
                        .query("q", "string", "Hangul, the house form, a variant or a romanization", required: true),
                        .query(
                            "context", "string", "south or dprk: how a name the glossary lacks is romanized (default: by its surname)",
                            values: LookupContext.allCases.map(\.rawValue)),
                    ],
                    responses: [(200, "Matches, best first", "Lookup"), APIOperation.badRequest])
            ) { request, _ -> LookupResult in
                let parameters = QueryParameters(request)
                let query = try parameters.required("q")
                let context: LookupContext? = try parameters.decoded("context") == nil ? nil : try parameters.choice("context", default: .south)
                return try glossary.lookup(query, context: context)
            },
            APIRoute(
                .init(
                    method: .post, path: "/v1/glossary/recognize", summary: "Glossary terms in a text", access: .read,
                    body: (APIOperation.json, "TextBody"),
                    responses: [(200, "Terms with spans", "Recognition"), APIOperation.badRequest, APIOperation.tooLarge])
            ) { request, _ -> RecognitionResult in
                let body = try await RequestBody.json(TextBody.self, from: request, limit: importLimit)
                return RecognitionResult(terms: try glossary.recognize(body.text))
            },
            APIRoute(
                .init(
                    method: .post, path: "/v1/glossary/check", summary: "Off-style names in an English draft", access: .read,
                    body: (APIOperation.json, "TextBody"),
                    responses: [(200, "Issues and the corrected text", "StyleCheck"), APIOperation.badRequest, APIOperation.tooLarge])
            ) { request, _ -> StyleCheckResult in
                let body = try await RequestBody.json(TextBody.self, from: request, limit: importLimit)
                return try glossary.check(body.text)
            },
            APIRoute(
                .init(method: .get, path: "/v1/glossary/terms", summary: "Every term", access: .read, responses: [(200, "The terms", "TermList")])
            ) { _, _ -> TermList in
                TermList(terms: try glossary.terms())
            },
            APIRoute(
                .init(
                    method: .post, path: "/v1/glossary/terms", summary: "Add a term", access: .write, body: (APIOperation.json, "TermInput"),
                    responses: [
                        (201, "The stored term", "Term"), APIOperation.badRequest,
                        (409, "The Hangul or English is already in the glossary (the error lists the entries); send homonym: true", "Error"),
                        APIOperation.tooLarge,
                    ] + APIOperation.writeErrors)
            ) { request, _ -> EditedResponse<Term> in
                let input = try await RequestBody.json(TermInput.self, from: request)
                return EditedResponse(
                    status: .created, response: try await BlockingWork.run { try glossary.add(input.term, homonym: input.homonym ?? false) })
            },
            APIRoute(
                .init(
                    method: .get, path: "/v1/glossary/terms/{id}", summary: "One term", access: .read, parameters: [termID],
                    responses: [(200, "The term", "Term"), APIOperation.badRequest, APIOperation.notFound])
            ) { _, context -> Term in
                let id = try context.parameters.id(of: "term")
                return try glossary.term(id: id)
            },
            APIRoute(
                .init(
                    method: .put, path: "/v1/glossary/terms/{id}", summary: "Replace a term", access: .write, parameters: [termID],
                    body: (APIOperation.json, "TermInput"),
                    responses: [(200, "The stored term", "Term"), APIOperation.badRequest, APIOperation.notFound, APIOperation.tooLarge]
                        + APIOperation.writeErrors)
            ) { request, context -> Term in
                let id = try context.parameters.id(of: "term")
                let input = try await RequestBody.json(TermInput.self, from: request)
                return try await BlockingWork.run { try glossary.update(id: id, with: input.term) }
            },
            APIRoute(
                .init(
                    method: .delete, path: "/v1/glossary/terms/{id}", summary: "Delete a term", access: .write, parameters: [termID],
                    responses: [(204, "Deleted", nil), APIOperation.badRequest, APIOperation.notFound] + APIOperation.writeErrors)
            ) { _, context -> HTTPResponse.Status in
                let id = try context.parameters.id(of: "term")
                try await BlockingWork.run { try glossary.remove(id: id) }
                return .noContent
            },
            APIRoute(
                .init(
                    method: .post, path: "/v1/glossary/import", summary: "Import a glossary file", access: .write,
                    parameters: [
                        .query("format", "string", "tsv, omegat or tbx (else from the Content-Type)", values: Self.formats),
                        .query("skip_bad", "boolean", "Import the good rows of a file with bad ones"),
                        .query("name", "string", "A name for the report"),
                    ],
                    body: ("application/octet-stream", "File"),
                    responses: [(200, "The report", "GlossaryImport"), APIOperation.badRequest, APIOperation.tooLarge, APIOperation.badFile]
                        + APIOperation.writeErrors)
            ) { request, _ -> GlossaryImportReport in
                let query = QueryParameters(request)
                let format = try Self.format(query, request: request)
                let bytes = try await RequestBody.bytes(request, limit: importLimit)
                let name = try query.decoded("name") ?? "upload.\(format.rawValue)"
                let skipBad = try query.flag("skip_bad")
                return try await BlockingWork.run { try glossary.importTerms(try format.parse(bytes, fileName: name), skipBad: skipBad) }
            },
            APIRoute(
                .init(
                    method: .get, path: "/v1/glossary/export", summary: "The glossary as a file", access: .read,
                    parameters: [.query("format", "string", "tsv, omegat, tbx (v2 Basic) or tbx3", values: Self.formats)],
                    responses: [(200, "The file", nil), APIOperation.badRequest])
            ) { request, _ -> Response in
                let format: GlossaryFormat = try QueryParameters(request).choice("format", default: .tsv)
                let body = format.render(try glossary.terms())
                return Response(
                    status: .ok, headers: [.contentType: Self.contentType(of: format)], body: .init(byteBuffer: ByteBuffer(string: body)))
            },
        ]
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
        case .tbx, .tbx3: "application/x-tbx+xml; charset=utf-8"
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
extension TermList: ResponseEncodable {}
