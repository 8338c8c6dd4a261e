import Glossary
import Hummingbird
import Synchronization

/// `POST /v1/align`: a Korean text and its English version in, sentences and beads out; with `"add": true`
/// (a write: it needs the token) the pairs of confident beads go into the memory.
struct AlignRoutes {
    let aligner: LazyAligner
    let memory: TranslationMemory
    let token: String?
    /// Documents are bulk content: their bodies share the import cap.
    let bodyLimit: Int

    struct AlignRequest: Decodable {
        let ko: String
        let en: String
        let add: Bool
        let minConfidence: Double
        let origin: String
        let includeFlagged: Bool

        private enum CodingKeys: String, CodingKey {
            case ko, en, add, origin
            case minConfidence = "min_confidence"
            case includeFlagged = "include_flagged"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            ko = try container.decode(String.self, forKey: .ko)
            en = try container.decode(String.self, forKey: .en)
            add = try container.decodeIfPresent(Bool.self, forKey: .add) ?? false
            minConfidence = try container.decodeIfPresent(Double.self, forKey: .minConfidence) ?? 0.5
            origin = try container.decodeIfPresent(String.self, forKey: .origin) ?? "align"
            includeFlagged = try container.decodeIfPresent(Bool.self, forKey: .includeFlagged) ?? false
            try decoder.rejectUnknownKeys(["ko", "en", "add", "min_confidence", "origin", "include_flagged"])
        }
    }

    /// The alignment, and how many pairs went into the memory when asked.
    struct AlignResponse: ResponseEncodable {
        let alignment: Alignment
        let added: Int?

        func encode(to encoder: any Encoder) throws {
            try alignment.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(added, forKey: .added)
        }

        private enum CodingKeys: String, CodingKey {
            case added
        }
    }

    var routes: [APIRoute] {
        [
            APIRoute(
                .init(
                    method: .post, path: "/v1/align", summary: "Align a Korean text and its English version; add the pairs when asked",
                    access: .writeWhenAsked, body: (APIOperation.json, "AlignRequest"),
                    responses: [(200, "Sentences and beads", "Alignment"), APIOperation.badRequest, APIOperation.tooLarge] + APIOperation.writeErrors)
            ) { request, _ -> AlignResponse in
                let body = try await RequestBody.json(AlignRequest.self, from: request, limit: bodyLimit)
                if body.add { try WriteAccessMiddleware<TMRequestContext>.check(request, token: token) }
                return try await BlockingWork.run {
                    let aligner = try aligner.get()
                    let alignment = try aligner.align(korean: body.ko, english: body.en, minConfidence: body.minConfidence)
                    guard body.add else { return AlignResponse(alignment: alignment, added: nil) }
                    let added = try aligner.add(alignment, to: memory, origin: body.origin, includeFlagged: body.includeFlagged)
                    return AlignResponse(alignment: alignment, added: added.filter(\.created).count)
                }
            }
        ]
    }
}

/// The document aligner, built on the first align request rather than at start: learning its dictionary from
/// the memory takes seconds on a large memory, and the server should be ready before that.
final class LazyAligner: Sendable {
    private let glossary: TermGlossary
    private let memory: TranslationMemory
    private let aligner = Mutex<DocumentAligner?>(nil)

    init(glossary: TermGlossary, memory: TranslationMemory) {
        self.glossary = glossary
        self.memory = memory
    }

    func get() throws(TMError) -> DocumentAligner {
        try aligner.withLock { (aligner: inout DocumentAligner?) throws(TMError) -> DocumentAligner in
            if let aligner { return aligner }
            let built = try DocumentAligner(glossary: glossary, memory: memory)
            aligner = built
            return built
        }
    }
}
