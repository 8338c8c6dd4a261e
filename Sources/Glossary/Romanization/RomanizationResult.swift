/// One romanization as the CLI (`tm romanize --json`) and the API (`GET /v1/romanize`) report it.
public struct RomanizationResult: Sendable, Codable, Equatable {
    public let input: String
    public let output: String
    public let system: RomanizationSystem
    public let kind: RomanizationKind
    /// The name style, for `kind` name only.
    public let style: NameStyle?
    /// The spellings the name is likely to appear in; only when asked for, and only for Hangul input.
    public let variants: [RomanizedVariant]?
    /// "loanword" when a name read as a foreign word (루덴코, 이탈리아): the output guesses its original spelling by reversing
    /// the Korean loanword orthography and should be checked; absent otherwise.
    public let guess: String?

    /// Romanizes `input`. Empty input is an error for a single request (an empty form field, a missing
    /// parameter: an empty answer would hide the mistake); a stream of lines passes `allowEmpty` so that a
    /// blank line still gets its one result and the output stays line for line with the input.
    public init(input: String, options: RomanizationOptions, variants: Bool = false, allowEmpty: Bool = false) throws(TMError) {
        guard allowEmpty || !input.trimmed.isEmpty else { throw .invalidInput(field: "text", message: "the text to romanize is empty") }
        try TextField.check(input, field: "text")
        guard input.unicodeScalars.count <= Self.maximumLength else {
            throw .invalidInput(field: "text", message: "the text is longer than \(Self.maximumLength) characters")
        }
        self.input = input
        self.output = Romanizer.romanize(input, options)
        self.system = options.system
        self.kind = options.kind
        self.style = options.kind == .name ? options.style : nil
        self.variants = variants ? Romanizer.variants(ofName: input.trimmed) : nil
        self.guess = options.kind == .foreign || (options.kind == .name && NameRomanizer.guessesLoanword(input)) ? "loanword" : nil
    }

    /// The longest text romanized in one call; longer input is refused rather than slowing the service.
    public static let maximumLength = 10_000
}
