import ArgumentParser
import Glossary

/// `--db` plus the memory and the glossary loaded from it, for the commands that work on whole articles.
struct DocumentOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    func open() throws(TMError) -> DocumentAnalyzer {
        let store = try store.open()
        let glossary = try TermGlossary(store: store)
        return DocumentAnalyzer(memory: TranslationMemory(store: store, glossary: glossary), glossary: glossary)
    }
}
