import Foundation
import RuleEngine
import Testing

/// The benchmark corpus's rules and a subset of its messages (Fixtures/corpus/README.md): the
/// prefiltered engine gives exactly the expected first match, with its named groups, on every line.
@Suite("Prefilter on the benchmark corpus")
struct PrefilterCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/corpus")

    struct Expected: Decodable, Equatable {
        let id: String?
        let groups: [String: String]
    }

    struct Corpus {
        let rules: [Rule]
        let messages: [String]
        let expected: [Expected]

        init() throws {
            struct Entry: Decodable { let id, intent, pattern: String }
            let entries = try JSONDecoder().decode([Entry].self, from: Data(contentsOf: folder.appendingPathComponent("rules.pcre.json")))
            rules = try entries.enumerated().map { index, entry in
                Rule(id: entry.id, intent: .help, patterns: [try CompiledPattern(entry.pattern, options: [.utf, .caseInsensitive])],
                     location: RuleLocation(file: "rules.pcre.json", line: index + 1))
            }
            messages = try Self.lines("messages.txt")
            expected = try Self.lines("expected.jsonl").map { try JSONDecoder().decode(Expected.self, from: Data($0.utf8)) }
        }

        static func lines(_ name: String) throws -> [String] {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            return text.split(separator: "\n").map(String.init)
        }
    }

    static func firstMatches(_ set: RuleSet, _ messages: [String]) -> [Expected] {
        let matcher = set.makeMatcher()
        return messages.map { message in
            let found = matcher.firstMatch(in: message)
            return Expected(id: found?.ruleID, groups: found?.captures ?? [:])
        }
    }

    @Test func fiveHundredRulesGiveTheExpectedFirstMatchOnEveryLine() throws {
        let corpus = try Corpus()
        #expect(corpus.messages.count == corpus.expected.count)
        let set = RuleSet(rules: corpus.rules)
        let summary = try #require(set.prefilterSummary)
        #expect(summary.unfiltered < summary.patterns / 10, "\(summary)")  // the prefilter does narrow this corpus
        let got = Self.firstMatches(set, corpus.messages)
        let wrong = zip(corpus.expected, got).enumerated().filter { $0.element.0 != $0.element.1 }
        #expect(wrong.isEmpty, "\(wrong.prefix(5).map { "line \($0.offset + 1): want \($0.element.0), got \($0.element.1)" })")
        #expect(Set(got.compactMap(\.id)).count == 500)
    }

    @Test func theFirstFiftyRulesGiveWhatThePlainLoopGives() throws {
        let corpus = try Corpus()
        let rules = Array(corpus.rules.prefix(50))
        let prefiltered = Self.firstMatches(RuleSet(rules: rules), corpus.messages)
        let plain = Self.firstMatches(RuleSet(rules: rules, prefiltered: false), corpus.messages)
        #expect(prefiltered == plain)
        #expect(prefiltered.compactMap(\.id).count > 30)
    }
}
