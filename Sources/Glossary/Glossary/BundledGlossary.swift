import Foundation

/// The glossary shipped with tm (the repository's `glossaries/` folder), which seeds every new database.
public enum BundledGlossary {
    /// The folder of TSV files: `$TM_GLOSSARIES` when set, else the copy SwiftPM bundles beside the
    /// executable (`tm_Glossary.resources/glossaries`); nil leaves a new database unseeded.
    public static var directory: URL? {
        if let path = ProcessInfo.processInfo.environment["TM_GLOSSARIES"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return ResourceLocation.folder(bundle: "tm_Glossary", containing: "glossaries")?.appendingPathComponent("glossaries")
    }

    /// The terms of every `*.tsv` file in `directory`, files in name order; an error names the bad file and line.
    public static func load(from directory: URL) throws(TMError) -> [Term] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tsv") }.sorted()
        } catch {
            throw .badFile(name: directory.path, line: nil, message: "cannot list the folder: \(error.localizedDescription)")
        }
        var terms: [Term] = []
        for name in names {
            let url = directory.appendingPathComponent(name)
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw .badFile(name: url.path, line: nil, message: "cannot read: \(error.localizedDescription)")
            }
            let text: String
            do {
                text = try Normalizer.decodeUTF8(data)
            } catch {
                throw .badFile(name: url.path, line: nil, message: error.description)
            }
            terms += try GlossaryTSV.parse(text, fileName: name)
        }
        return terms
    }

    /// The bundled terms, or none when no bundle can be found (a library used without its resources).
    public static func terms() throws(TMError) -> [Term] {
        guard let directory else { return [] }
        return try load(from: directory)
    }
}
