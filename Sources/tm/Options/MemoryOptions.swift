import ArgumentParser
import Glossary

/// `--db` plus the translation memory (and the glossary, for hints) loaded from it.
struct MemoryOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    func open(withGlossary: Bool = false) throws(TMError) -> TranslationMemory {
        let store = try store.open()
        return try TranslationMemory(store: store, glossary: withGlossary ? TermGlossary(store: store) : nil)
    }
}
