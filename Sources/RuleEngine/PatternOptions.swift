import CPCRE2

/// How a pattern is compiled. The defaults are the rule engine's: UTF-8, Unicode properties,
/// case-insensitive, duplicate group names allowed (one slot named in several alternatives).
public struct PatternOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let utf = PatternOptions(rawValue: PCRE2_UTF)
    public static let unicodeProperties = PatternOptions(rawValue: PCRE2_UCP)
    public static let caseInsensitive = PatternOptions(rawValue: PCRE2_CASELESS)
    public static let duplicateNames = PatternOptions(rawValue: PCRE2_DUPNAMES)
    /// The match must start at the start of the subject.
    public static let anchored = PatternOptions(rawValue: PCRE2_ANCHORED)
    /// The match must end at the end of the subject (not before a final newline, unlike `$`).
    public static let endAnchored = PatternOptions(rawValue: PCRE2_ENDANCHORED)

    /// What a rule pattern gets: the whole (normalised) command must match.
    public static let rule: PatternOptions = [.utf, .unicodeProperties, .caseInsensitive, .duplicateNames, .anchored, .endAnchored]
}

/// Bounds on one match attempt, so that no pattern and no message can hang the bot.
public struct MatchLimits: Sendable, Hashable {
    /// PCRE2's match limit: backtracking steps per attempt (applies to JIT and interpreter).
    public var matchLimit: UInt32
    /// PCRE2's depth limit (interpreter only; the JIT stack bounds the JIT).
    public var depthLimit: UInt32
    /// PCRE2's heap limit for backtracking memory, in KiB.
    public var heapLimitKiB: UInt32

    public init(matchLimit: UInt32 = 200_000, depthLimit: UInt32 = 2_000, heapLimitKiB: UInt32 = 4_096) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        self.heapLimitKiB = heapLimitKiB
    }

    public static let `default` = MatchLimits()
}
