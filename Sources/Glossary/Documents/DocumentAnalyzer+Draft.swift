/// The file formats of a pre-translated draft.
public enum DraftFormat: String, Sendable, Codable, CaseIterable {
    /// XLIFF 1.2 for a CAT tool.
    case xliff
    /// A bilingual TSV: source, draft translation, score, notes — for a spreadsheet or `tm import` after review.
    case tsv
    /// TMX 1.4b of the drafted sentences alone (each with its best match), a project memory: OmegaT fills the
    /// article's segments from it when it sits in the project's `tm/auto` folder. (OmegaT 3.6's own XLIFF filter
    /// translates an XLIFF file's `target`, taking a drafted English target for the text to translate, so for OmegaT
    /// this is the draft to use.)
    case tmx

    /// The MIME type a draft in this format is served as.
    public var contentType: String {
        switch self {
        case .xliff: return "application/xliff+xml; charset=utf-8"
        case .tsv: return "text/tab-separated-values; charset=utf-8"
        case .tmx: return "application/x-tmx+xml; charset=utf-8"
        }
    }

    /// The format a file name's extension names (`.xlf`, `.xliff`, `.tsv`, `.tmx`), if any.
    public init?(fileName: String) {
        let name = fileName.lowercased()
        if name.hasSuffix(".xlf") || name.hasSuffix(".xliff") {
            self = .xliff
        } else if name.hasSuffix(".tsv") {
            self = .tsv
        } else if name.hasSuffix(".tmx") {
            self = .tmx
        } else {
            return nil
        }
    }
}

extension DocumentAnalyzer {
    /// The article pre-translated from the memory: each sentence with its best match at or above `threshold` as the
    /// draft translation (empty below it), written as `format`. `original` names the source file inside the XLIFF.
    public func draft(_ text: String, original: String, threshold: Int = 75, format: DraftFormat = .xliff) throws(TMError) -> String {
        guard (0...100).contains(threshold) else { throw .invalidInput(field: "threshold", message: "must be between 0 and 100") }
        let analysis = try analyze(text, minScore: min(threshold, 50))
        switch format {
        case .xliff: return XLIFFWriter.write(analysis, original: original, threshold: threshold)
        case .tsv: return Self.tsv(analysis, threshold: threshold)
        case .tmx: return Self.tmx(analysis, threshold: threshold)
        }
    }

    /// The drafted sentences as TMX: each sentence with its best match's translation, the score in an `x-score` prop;
    /// a sentence below the threshold has no unit (a TMX unit with an empty side is a translation to nothing).
    static func tmx(_ analysis: DocumentAnalysis, threshold: Int) -> String {
        var out = TMXWriter.prologue
        for sentence in analysis.sentences {
            guard let best = sentence.matches.first, best.score >= Double(threshold) else { continue }
            let (ko, en) = analysis.language == .en ? (best.target, sentence.text) : (sentence.text, best.target)
            let properties: [(type: String, value: String)] = [("x-score", String(Int(best.score.rounded(.down)))), ("x-origin", best.origin)]
            out += TMXWriter.unit(ko: ko, en: en, properties: properties.filter { !$0.value.isEmpty })
        }
        return out + TMXWriter.epilogue
    }

    static func tsv(_ analysis: DocumentAnalysis, threshold: Int) -> String {
        let source = analysis.language.rawValue
        let target = analysis.language.other.rawValue
        var out = "\(source)\t\(target)\tscore\tnotes\n"
        for sentence in analysis.sentences {
            let best = sentence.matches.first.flatMap { $0.score >= Double(threshold) ? $0 : nil }
            let fields = [sentence.text, best?.target ?? "", best.map { String(Int($0.score.rounded(.down))) } ?? "", sentence.notes]
            out +=
                fields.map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\t") + "\n"
        }
        return out
    }
}
