/// The file formats of a pre-translated draft.
public enum DraftFormat: String, Sendable, Codable, CaseIterable {
    /// XLIFF 1.2 for a CAT tool.
    case xliff
    /// A bilingual TSV: source, draft translation, score, notes — for a spreadsheet or `tm import` after review.
    case tsv
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
        }
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
