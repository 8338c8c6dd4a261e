import Glossary
import Hummingbird

/// `GET /v1/romanize`: Hangul to Latin letters by one of the romanization systems.
struct RomanizeRoutes {
    func register(on router: Router<some RequestContext>) {
        router.get("/v1/romanize") { request, _ -> RomanizationResult in
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
    }
}

extension RomanizationResult: ResponseEncodable {}
