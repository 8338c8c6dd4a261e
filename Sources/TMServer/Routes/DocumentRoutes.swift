import Glossary
import Hummingbird

/// `POST /v1/documents/analyze`, `/pretranslate` and `/qa`: the article-level work of `DocumentAnalyzer`, the same
/// library calls as `tm analyze`, `tm pretranslate` and `tm qa`.
struct DocumentRoutes {
    let analyzer: DocumentAnalyzer
    /// Articles are bulk content: their bodies share the import cap.
    let bodyLimit: Int

    struct AnalyzeRequest: Decodable {
        let text: String
        let min: Int

        private enum CodingKeys: String, CodingKey {
            case text, min
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            text = try container.decode(String.self, forKey: .text)
            min = try container.decodeIfPresent(Int.self, forKey: .min) ?? 50
            try decoder.rejectUnknownKeys(["text", "min"])
        }
    }

    struct PretranslateRequest: Decodable {
        let text: String
        let threshold: Int
        let format: DraftFormat
        let name: String

        private enum CodingKeys: String, CodingKey {
            case text, threshold, format, name
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            text = try container.decode(String.self, forKey: .text)
            threshold = try container.decodeIfPresent(Int.self, forKey: .threshold) ?? 75
            format = try container.decodeIfPresent(DraftFormat.self, forKey: .format) ?? .xliff
            name = try container.decodeIfPresent(String.self, forKey: .name) ?? "article.txt"
            try decoder.rejectUnknownKeys(["text", "threshold", "format", "name"])
        }
    }

    struct QARequest: Decodable {
        let ko: String
        let en: String

        private enum CodingKeys: String, CodingKey {
            case ko, en
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            ko = try container.decode(String.self, forKey: .ko)
            en = try container.decode(String.self, forKey: .en)
            try decoder.rejectUnknownKeys(["ko", "en"])
        }
    }

    var routes: [APIRoute] {
        [
            APIRoute(
                .init(
                    method: .post, path: "/v1/documents/analyze", summary: "An article sentence by sentence: matches, names, numbers, bands",
                    access: .read, body: (APIOperation.json, "AnalyzeRequest"),
                    responses: [(200, "The analysis", "DocumentAnalysis"), APIOperation.badRequest, APIOperation.tooLarge])
            ) { request, _ -> DocumentAnalysis in
                let body = try await RequestBody.json(AnalyzeRequest.self, from: request, limit: bodyLimit)
                return try await BlockingWork.run { try analyzer.analyze(body.text, minScore: body.min) }
            },
            APIRoute(
                .init(
                    method: .post, path: "/v1/documents/pretranslate", summary: "An article pre-translated from the memory, as XLIFF 1.2, TSV or TMX",
                    access: .read, body: (APIOperation.json, "PretranslateRequest"),
                    responses: [(200, "The draft file", nil), APIOperation.badRequest, APIOperation.tooLarge])
            ) { request, _ -> Response in
                let body = try await RequestBody.json(PretranslateRequest.self, from: request, limit: bodyLimit)
                let draft = try await BlockingWork.run {
                    try analyzer.draft(body.text, original: body.name, threshold: body.threshold, format: body.format)
                }
                return Response(
                    status: .ok, headers: [.contentType: body.format.contentType], body: ResponseBody(byteBuffer: ByteBuffer(string: draft)))
            },
            APIRoute(
                .init(
                    method: .post, path: "/v1/documents/qa", summary: "A Korean article and its translation aligned and checked pair by pair",
                    access: .read, body: (APIOperation.json, "QARequest"),
                    responses: [(200, "The issues", "QAReport"), APIOperation.badRequest, APIOperation.tooLarge])
            ) { request, _ -> QAReport in
                let body = try await RequestBody.json(QARequest.self, from: request, limit: bodyLimit)
                return try await BlockingWork.run { try analyzer.qa(korean: body.ko, english: body.en) }
            },
        ]
    }
}

extension DocumentAnalysis: ResponseEncodable {}
extension QAReport: ResponseEncodable {}
