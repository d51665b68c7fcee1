import Foundation
@testable import RuleEngine
import Testing

/// The prefilter only ever skips patterns that cannot match: on random patterns and random texts,
/// the prefiltered engine and the plain loop (every pattern on every text) agree exactly.
@Suite("Prefilter against the plain loop, randomised")
struct PrefilterRandomisedTests {
    /// A deterministic generator, so that a failure can be replayed from its seed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A random pattern, and a text built to match it most of the time (look-arounds and
    /// back-to-back classes may make it miss; PCRE2 decides).
    struct RandomPattern {
        var source = ""
        var sample = ""
        var groupNumber = 0

        static let words = ["deploy", "sync", "status", "roll", "back", "scale", "kiss", "ks", "to", "prod", "ab", "a", "s", "k"]

        mutating func alternation(_ rng: inout SplitMix, depth: Int) {
            let branches = Int.random(in: 1...(depth > 1 ? 1 : 3), using: &rng)
            let chosen = Int.random(in: 0..<branches, using: &rng)
            let sampleBefore = sample
            var chosenSample = sample
            for branch in 0..<branches {
                if branch > 0 { source += "|" }
                sample = sampleBefore
                sequence(&rng, depth: depth)
                if branch == chosen { chosenSample = sample }
            }
            sample = chosenSample
        }

        mutating func sequence(_ rng: inout SplitMix, depth: Int) {
            for _ in 0..<Int.random(in: 1...4, using: &rng) { quantified(&rng, depth: depth) }
        }

        mutating func quantified(_ rng: inout SplitMix, depth: Int) {
            let atomStart = source.endIndex
            let sampleStart = sample.endIndex
            atom(&rng, depth: depth)
            let atomSource = String(source[atomStart...])
            let atomSample = String(sample[sampleStart...])
            guard !atomSource.hasPrefix("(?=") && !atomSource.hasPrefix("(?!") && atomSource != #"\b"# && atomSource != "^"
                && atomSource != "$" else { return }
            switch Int.random(in: 0..<12, using: &rng) {
            case 0: source += "?"; if Bool.random(using: &rng) { sample.removeSubrange(sampleStart...) }
            case 1: source += "*"; sample += atomSample
            case 2: source += "+"
            case 3: source += "{2}"; sample += atomSample
            case 4: source += "{1,3}?"
            case 5: source += "{0,1}"
            default: break
            }
        }

        mutating func atom(_ rng: inout SplitMix, depth: Int) {
            switch Int.random(in: 0..<20, using: &rng) {
            case 0...6:
                let word = Self.words.randomElement(using: &rng)!
                let written = Bool.random(using: &rng) ? word.uppercased() : word
                source += written
                sample += word
            case 7: source += #"\s+"#; sample += " "
            case 8: source += #"\d"#; sample += "7"
            case 9: source += "[ks]"; sample += Bool.random(using: &rng) ? "k" : "s"
            case 10: source += "[a-c]"; sample += "b"
            case 11: source += "[^x]"; sample += "q"
            case 12: source += "."; sample += "z"
            case 13: source += #"\b"#
            case 14: source += #"\."#; sample += "."
            case 15: source += "é"; sample += "É"
            case 16 where depth < 3:
                groupNumber += 1
                source += ["(?:", "(", "(?<g\(groupNumber)>", "(?i:", "(?-i:"].randomElement(using: &rng)!
                alternation(&rng, depth: depth + 1)
                source += ")"
            case 17 where depth < 3:
                source += Bool.random(using: &rng) ? "(?=" : "(?!"
                let sampleBefore = sample
                alternation(&rng, depth: depth + 1)
                sample = sampleBefore
                source += ")"
            case 18: source += "^"
            default: source += " "; sample += " "
            }
        }

        init(_ rng: inout SplitMix) {
            alternation(&rng, depth: 0)
        }
    }

    /// Case flips and the non-ASCII look-alikes PCRE2 folds to k and s.
    static func recase(_ text: String, _ rng: inout SplitMix) -> String {
        var out = ""
        for character in text {
            switch (character, Int.random(in: 0..<6, using: &rng)) {
            case ("k", 0), ("K", 0): out += "\u{212A}"
            case ("s", 0), ("S", 0): out += "\u{017F}"
            case (_, 1): out += character.uppercased()
            default: out.append(character)
            }
        }
        return out
    }

    /// `recase`, with noise around the text.
    static func mutate(_ text: String, _ rng: inout SplitMix) -> String {
        let noise = ["", "hey ", "ß ", "日本 ", "/", "@chatops ", "  "]
        return noise.randomElement(using: &rng)! + recase(text, &rng) + noise.randomElement(using: &rng)!
    }

    static func compare(_ patterns: [CompiledPattern], _ texts: [String]) -> (disagreements: [String], matched: Int) {
        let rules = patterns.enumerated().map { index, pattern in
            Rule(id: "r\(index)", intent: .help, patterns: [pattern], location: RuleLocation(file: "random", line: index + 1))
        }
        let prefiltered = RuleSet(rules: rules).makeMatcher()
        let plain = RuleSet(rules: rules, prefiltered: false).makeMatcher()
        var disagreements: [String] = []
        var matched = 0
        for text in texts {
            var fast: [RuleMatch] = [], slow: [RuleMatch] = []
            _ = prefiltered.forEachMatch(in: text) { fast.append($0); return true }
            _ = plain.forEachMatch(in: text) { slow.append($0); return true }
            if !slow.isEmpty { matched += 1 }
            if fast != slow {
                let missed = Set(slow.map(\.ruleIndex)).subtracting(fast.map(\.ruleIndex)).map { patterns[$0].source }
                disagreements.append("\(text.debugDescription): missed \(missed)")
            }
        }
        return (disagreements, matched)
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func randomPatternsOnTextsBuiltToMatchThem(seed: UInt64) throws {
        var rng = SplitMix(state: seed)
        var patterns: [CompiledPattern] = []
        var texts: [String] = []
        while patterns.count < 300 {
            let random = RandomPattern(&rng)
            guard let compiled = try? CompiledPattern(random.source, options: [.utf, .caseInsensitive, .duplicateNames]) else { continue }
            patterns.append(compiled)
            for _ in 0..<4 { texts.append(Self.mutate(random.sample, &rng)) }
        }
        // Each pattern alone (every match of it must survive the prefilter) …
        var matched = 0
        for (index, pattern) in patterns.enumerated() {
            let result = Self.compare([pattern], Array(texts[(index * 4)..<(index * 4 + 4)]))
            #expect(result.disagreements.isEmpty, "seed \(seed): \(pattern.source): \(result.disagreements)")
            matched += result.matched
        }
        #expect(matched > texts.count / 3, "the generated texts should mostly match their pattern")
        // … and all together, where first-match order matters.
        let together = Self.compare(patterns, texts)
        #expect(together.disagreements.isEmpty, "seed \(seed): \(together.disagreements.prefix(3))")
    }

    @Test func corpusMessagesMutatedStillAgreeWithThePlainLoop() throws {
        let corpus = try PrefilterCorpusTests.Corpus()
        var rng = SplitMix(state: 42)
        var texts: [String] = []
        for message in corpus.messages.prefix(1500) {
            texts.append(Self.recase(message, &rng))
            texts.append(Self.mutate(message, &rng))
            // Splice words of another message into this one: near-misses of other rules.
            let other = corpus.messages.randomElement(using: &rng)!.split(separator: " ")
            texts.append(message + " " + other.prefix(3).joined(separator: " "))
        }
        let result = Self.compare(corpus.rules.map { $0.patterns[0] }, texts)
        #expect(result.disagreements.isEmpty, "\(result.disagreements.prefix(3))")
        #expect(result.matched > 100)
    }

    @Test func kelvinSignAndLongSMatchCaselessLiteralsAndAreNotFilteredOut() throws {
        let pattern = try CompiledPattern("kiss", options: [.utf, .caseInsensitive])
        let result = Self.compare([pattern], ["\u{212A}i\u{017F}\u{017F}", "KIS\u{017F}", "ki"])
        #expect(result.disagreements.isEmpty)
        #expect(result.matched == 2)
    }
}
