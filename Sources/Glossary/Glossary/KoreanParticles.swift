/// Particles and a few bound nouns that may follow a name in Korean text (김정은이, 러시아를, 평양에서는),
/// so that recognition finds the name inside the word.
enum KoreanParticles {
    /// Single particles; a word's tail may chain up to three of them (에서 + 는, 이라 + 고, 과 + 의).
    static let particles: Set<String> = [
        "이", "가", "은", "는", "을", "를", "의", "에", "에서", "에게", "에게서", "한테", "께", "께서", "와", "과", "랑", "이랑",
        "로", "으로", "도", "만", "까지", "부터", "보다", "처럼", "같이", "나", "이나", "며", "이며", "다", "이다", "라", "이라",
        "고", "라고", "이라고", "란", "이란", "서", "로서", "으로서", "써", "로써", "으로써", "라는", "이라는", "든", "이든",
        "야", "이야", "요", "이요", "측", "씨", "님", "등", "들", "내", "간", "산", "발", "행", "판", "식", "적",
    ]

    static let longestParticle = particles.map(\.count).max() ?? 1

    /// Whether `tail` (the rest of a word after a name) is nothing but particles.
    static func isParticleTail(_ tail: ArraySlice<Unicode.Scalar>, depth: Int = 3) -> Bool {
        if tail.isEmpty { return true }
        guard depth > 0 else { return false }
        for length in 1...min(longestParticle, tail.count) {
            let head = String(String.UnicodeScalarView(tail.prefix(length)))
            if particles.contains(head), isParticleTail(tail.dropFirst(length), depth: depth - 1) { return true }
        }
        return false
    }
}
