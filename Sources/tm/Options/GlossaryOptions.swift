import ArgumentParser
import Glossary

/// `--db` plus the glossary loaded from it, for the commands that look names up.
struct GlossaryOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    func open() throws(TMError) -> TermGlossary {
        try TermGlossary(store: store.open())
    }
}
