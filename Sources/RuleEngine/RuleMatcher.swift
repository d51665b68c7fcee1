import ChatOpsCore

/// Runs a `RuleSet` over texts. Not `Sendable`: keep one per task and reuse it; a text that no
/// rule matches costs no allocation beyond its UTF-8 view.
public final class RuleMatcher {
    public let ruleSet: RuleSet
    private let matcher: PatternMatcher
    private let scratch: PrefilterScratch?
    /// How many patterns this matcher has run (the prefilter's skipped ones are not counted).
    public private(set) var patternsTried = 0

    init(ruleSet: RuleSet, limits: MatchLimits) {
        self.ruleSet = ruleSet
        matcher = PatternMatcher(maxCaptureCount: ruleSet.maxCaptureCount, limits: limits)
        scratch = ruleSet.prefilter.map(PrefilterScratch.init)
    }

    /// Every rule that matches `text`, in priority order (at most one entry per rule: its first
    /// matching pattern), and the rules that hit a match limit on it.
    /// `body` returns false to stop early (the caller found what it needed).
    public func forEachMatch(in text: String, _ body: (RuleMatch) -> Bool) -> [RuleMatchError] {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { buffer in
            ruleSet.table.withUnsafeBufferPointer { table in
                var errors: [RuleMatchError] = []
                var skipRule = -1  // a rule already reported: its other patterns are not tried
                func tryEntry(_ entry: PatternEntry) -> Bool {
                    guard entry.ruleIndex != skipRule else { return true }
                    patternsTried &+= 1
                    let matched: Bool
                    do throws(MatchFailure) { matched = try matcher.matchesUnchecked(entry.pattern, in: buffer) } catch {
                        errors.append(RuleMatchError(ruleID: ruleSet.rules[entry.ruleIndex].id, failure: error))
                        return true
                    }
                    guard matched else { return true }
                    let rule = ruleSet.rules[entry.ruleIndex]
                    let match = RuleMatch(ruleIndex: entry.ruleIndex, ruleID: rule.id, intent: rule.intent,
                                          captures: captures(of: rule.patterns[entry.patternIndex], in: buffer, constants: rule.constants))
                    if !body(match) { return false }
                    skipRule = entry.ruleIndex
                    return true
                }
                if let prefilter = ruleSet.prefilter, let scratch {
                    prefilter.candidates(in: buffer, scratch: scratch)
                    for index in scratch.ordered where !tryEntry(table[Int(index)]) { break }
                } else {
                    for entry in table where !tryEntry(entry) { break }
                }
                return errors
            }
        } ?? []
    }

    /// The first rule that matches, if any (no slot validation: see the understanding layer).
    public func firstMatch(in text: String) -> RuleMatch? {
        var found: RuleMatch?
        _ = forEachMatch(in: text) { found = $0; return false }
        return found
    }

    private func captures(of pattern: CompiledPattern, in buffer: UnsafeBufferPointer<UInt8>,
                          constants: [String: String]) -> [String: String] {
        var out = constants
        for (name, groups) in pattern.namedGroups {
            if let r = matcher.firstSetRange(of: groups) {
                out[name] = String(decoding: UnsafeBufferPointer(rebasing: buffer[r]), as: UTF8.self)
            }
        }
        return out
    }
}
