import ChatOpsCore
import RuleEngine
import Testing

@Suite("Match limits stop pathological patterns")
struct MatchLimitTests {
    /// Nested quantifiers on a text that almost matches: exponential backtracking without a limit.
    let redos = "(a+)+$"
    let evil = String(repeating: "a", count: 40) + "!"

    @Test func catastrophicBacktrackingFailsWithAClearError() throws {
        let pattern = try CompiledPattern(redos, options: [.utf, .caseInsensitive])
        let matcher = PatternMatcher(maxCaptureCount: pattern.captureCount)
        #expect {
            _ = try matcher.captures(of: pattern, in: evil)
        } throws: { error in
            guard let failure = error as? MatchFailure else { return false }
            return failure.reason == .matchLimit && failure.description.contains("match limit")
        }
    }

    @Test func theSamePatternStillMatchesOrdinaryText() throws {
        let pattern = try CompiledPattern(redos, options: [.utf, .caseInsensitive])
        let matcher = PatternMatcher(maxCaptureCount: pattern.captureCount)
        #expect(try matcher.captures(of: pattern, in: "aaaa") != nil)
        #expect(try matcher.captures(of: pattern, in: "b!") == nil)
    }

    @Test func aRuleThatHitsTheLimitIsReportedAndNeverMatchesWhileOtherRulesStillDo() throws {
        let evilRule = Rule(id: "evil", intent: .help, patterns: [try CompiledPattern("(?:a+)+")],
                            location: RuleLocation(file: "t.yaml", line: 1))
        let goodRule = Rule(id: "good", intent: .status, patterns: [try CompiledPattern("a+!")],
                            location: RuleLocation(file: "t.yaml", line: 2))
        let matcher = RuleSet(rules: [evilRule, goodRule]).makeMatcher()
        var matched: [String] = []
        let errors = matcher.forEachMatch(in: String(repeating: "a", count: 40) + "!") { matched.append($0.ruleID); return true }
        #expect(matched == ["good"])
        #expect(errors.map(\.ruleID) == ["evil"])
        #expect(errors.first?.failure.reason == .matchLimit)
    }

    @Test func tighterLimitsAreHonoured() throws {
        let pattern = try CompiledPattern("(?:a|aa)+$", options: [.utf])
        let tight = PatternMatcher(maxCaptureCount: 0, limits: MatchLimits(matchLimit: 50))
        let loose = PatternMatcher(maxCaptureCount: 0)
        let text = String(repeating: "a", count: 14) + "b"
        #expect(throws: MatchFailure.self) { _ = try tight.captures(of: pattern, in: text) }
        #expect(try loose.captures(of: pattern, in: text) == nil)
    }
}
