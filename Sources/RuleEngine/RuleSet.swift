import ChatOpsCore

/// The rules, compiled and in priority order. Immutable and `Sendable`; match with a
/// `RuleMatcher` (one per task), which reuses its PCRE2 match data for every message.
public struct RuleSet: Sendable {
    public let rules: [Rule]
    /// The largest capture count of any pattern: the size of a matcher's match data.
    public let maxCaptureCount: Int
    /// Every pattern in priority order with its rule's index: the matcher's hot loop walks this
    /// flat table, so trying a rule touches no reference counts.
    let table: [PatternEntry]
    /// Which patterns can match a text, found in one pass (nil: every pattern is tried on every text).
    let prefilter: PatternPrefilter?

    /// - Parameter prefiltered: whether a matcher skips the patterns that a literal prefilter
    ///   proves cannot match (the result is the same either way; false only to compare).
    public init(rules: [Rule], prefiltered: Bool = true) {
        self.rules = rules
        maxCaptureCount = rules.flatMap(\.patterns).map(\.captureCount).max() ?? 0
        table = rules.enumerated().flatMap { index, rule in
            rule.patterns.enumerated().map { PatternEntry(pattern: $1, ruleIndex: index, patternIndex: $0) }
        }
        prefilter = prefiltered
            ? PatternPrefilter(patterns: rules.flatMap { $0.patterns.map { ($0.source, $0.options.rawValue) } })
            : nil
    }

    /// What the prefilter made of the patterns, for `rules lint` and the benchmark.
    public var prefilterSummary: PrefilterSummary? {
        prefilter.map {
            PrefilterSummary(patterns: $0.entryCount, unfilteredRuleIDs: $0.unfiltered.map { rules[table[Int($0)].ruleIndex].id },
                             literals: $0.literalCount)
        }
    }

    public func makeMatcher(limits: MatchLimits = .default) -> RuleMatcher {
        RuleMatcher(ruleSet: self, limits: limits)
    }

    public func rule(id: String) -> Rule? { rules.first { $0.id == id } }
}

struct PatternEntry: @unchecked Sendable {
    /// Held by `rules`, which lives as long as the set (so no reference counting here).
    unowned(unsafe) let pattern: CompiledPattern
    let ruleIndex: Int
    let patternIndex: Int
}

/// A rule that matched a text, with the raw text of each named group that took part.
public struct RuleMatch: Sendable, Hashable {
    public let ruleIndex: Int
    public let ruleID: String
    public let intent: Intent
    public let captures: [String: String]
}

/// A rule whose pattern gave up on a text (match or heap limit): never a match.
public struct RuleMatchError: Error, Sendable, Hashable, CustomStringConvertible {
    public let ruleID: String
    public let failure: MatchFailure

    public var description: String { "rule \(ruleID): \(failure)" }
}

/// How many patterns the prefilter can skip, and the size of its scanner.
public struct PrefilterSummary: Sendable, Hashable, CustomStringConvertible {
    public let patterns: Int
    /// The rules of the patterns with no literal condition (tried on every text), once per pattern.
    public let unfilteredRuleIDs: [String]
    public var unfiltered: Int { unfilteredRuleIDs.count }
    public let literals: Int

    public var description: String {
        "prefilter: \(patterns - unfiltered) of \(patterns) patterns filtered by \(literals) literals; "
            + "\(unfiltered) tried on every text"
    }
}
