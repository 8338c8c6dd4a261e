import Glossary
import Hummingbird

/// `GET /v1/romanize`: Hangul to Latin letters by one of the romanization systems.
struct RomanizeRoutes {
    var routes: [APIRoute] {
        [
            APIRoute(
                .init(
                    method: .get, path: "/v1/romanize", summary: "Romanize Hangul", access: .read,
                    parameters: [
                        .query("text", "string", "The text to romanize", required: true),
                        .query("system", "string", "Romanization system", values: RomanizationSystem.allCases.map(\.rawValue)),
                        .query(
                            "kind", "string", "word, name, place or foreign (a loanword guess)", values: RomanizationKind.allCases.map(\.rawValue)),
                        .query("style", "string", "Name style", values: NameStyle.allCases.map(\.rawValue)),
                        .query("plain", "boolean", "Drop breves and apostrophes"),
                        .query("variants", "boolean", "List a name's likely spellings"),
                    ],
                    responses: [(200, "The romanization", "Romanization"), APIOperation.badRequest])
            ) { request, _ -> RomanizationResult in
                let query = QueryParameters(request)
                let text = try query.required("text")
                let options = RomanizationOptions(
                    system: try query.choice("system", default: .rr),
                    kind: try query.choice("kind", default: .word),
                    style: try query.choice("style", default: .conventional),
                    plain: try query.flag("plain")
                )
                return try RomanizationResult(input: text, options: options, variants: query.flag("variants"))
            }
        ]
    }
}

extension RomanizationResult: ResponseEncodable {}
