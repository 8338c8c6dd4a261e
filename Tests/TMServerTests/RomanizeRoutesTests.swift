import Foundation
import Glossary
import Hummingbird
import HummingbirdTesting
import Testing

@testable import TMServer

@Suite struct RomanizeRoutesTests {

    private func get(_ uri: String, _ check: @escaping @Sendable (TestResponse) throws -> Void) async throws {
        let database = try TestDatabase()
        defer { database.remove() }
        try await database.application.test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in try check(response) }
        }
    }

    @Test func romanizesAPlaceInMcCuneReischauer() async throws {
        try await get("/v1/romanize?text=%ED%8F%89%EC%96%91&system=mr&kind=place") { response in
            #expect(response.status == .ok)
            let result = try JSONDecoder().decode(RomanizationResult.self, from: Data(buffer: response.body))
            #expect(result.input == "평양")
            #expect(result.output == "P'yŏngyang")
            #expect(result.system == .mr)
            #expect(result.kind == .place)
            #expect(result.variants == nil)
        }
    }

    @Test func nameWithVariants() async throws {
        try await get("/v1/romanize?text=%EC%B5%9C%EC%84%A0%ED%9D%AC&kind=name&style=dprk&system=dprk&variants=true") { response in
            #expect(response.status == .ok)
            let result = try JSONDecoder().decode(RomanizationResult.self, from: Data(buffer: response.body))
            #expect(result.output == "Choe Son Hui")
            #expect(result.style == .dprk)
            let forms = result.variants?.map(\.form) ?? []
            #expect(forms.contains("Choe Son-hui"))
            #expect(forms.contains("Ch'oe Sŏn-hŭi"))
        }
    }

    @Test(arguments: [
        ("/v1/romanize?text=a&system=klingon", "system"),
        ("/v1/romanize?text=a&kind=river", "kind"),
        ("/v1/romanize?text=a&style=fancy", "style"),
        ("/v1/romanize?text=a&variants=maybe", "variants"),
        ("/v1/romanize?text=", "text"),
        ("/v1/romanize?text=%20%20", "text"),
        ("/v1/romanize", "text"),
    ])
    func badParametersAre400sNamingTheField(uri: String, field: String) async throws {
        try await get(uri) { response in
            #expect(response.status == .badRequest)
            let body = try JSONDecoder().decode(ErrorBody.self, from: Data(buffer: response.body))
            #expect(body.error.code == "invalid_input")
            #expect(body.error.field == field)
        }
    }

    @Test func overlongTextIsRefused() async throws {
        let text = String(repeating: "가", count: RomanizationResult.maximumLength + 1)
        let encoded = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        try await get("/v1/romanize?text=\(encoded)") { response in
            #expect(response.status == .badRequest)
        }
    }
}
