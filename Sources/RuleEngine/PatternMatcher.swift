import CPCRE2

/// Reusable scratch for matching: PCRE2 match data and a match context with limits.
/// Not `Sendable`: each task or thread that matches keeps its own, and reuses it for every message,
/// so a match allocates nothing.
public final class PatternMatcher {
    private let matchData: OpaquePointer
    private let matchContext: OpaquePointer
    private let ovectorPairs: Int
    private let ovector: UnsafeMutablePointer<Int>
    public let limits: MatchLimits

    /// - Parameter maxCaptureCount: the largest capture count among the patterns it will run.
    public init(maxCaptureCount: Int, limits: MatchLimits = .default) {
        ovectorPairs = maxCaptureCount + 1
        matchData = pcre2_match_data_create_8(UInt32(ovectorPairs), nil)!
        matchContext = pcre2_match_context_create_8(nil)!
        pcre2_set_match_limit_8(matchContext, limits.matchLimit)
        pcre2_set_depth_limit_8(matchContext, limits.depthLimit)
        pcre2_set_heap_limit_8(matchContext, limits.heapLimitKiB)
        ovector = pcre2_get_ovector_pointer_8(matchData)
        self.limits = limits
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(matchContext)
    }

    /// Runs `pattern` on `subject` (valid UTF-8, as every Swift string is).
    /// - Returns: whether it matched; on a match, `range(ofGroup:)` reads the captures.
    /// - Throws: `MatchFailure` when a limit stopped the attempt: the caller must treat that as
    ///   "no match" and report it, never as a match.
    public func matches(_ pattern: CompiledPattern, in subject: UnsafeBufferPointer<UInt8>) throws(MatchFailure) -> Bool {
        precondition(pattern.captureCount < ovectorPairs, "PatternMatcher sized for fewer captures than the pattern has")
        return try matchesUnchecked(pattern, in: subject)
    }

    /// The hot path: `pattern` must have no more captures than this matcher was sized for.
    func matchesUnchecked(_ pattern: CompiledPattern, in subject: UnsafeBufferPointer<UInt8>) throws(MatchFailure) -> Bool {
        pattern.readyForMatching()
        let rc = pcre2_match_8(pattern.code, subject.baseAddress, subject.count, 0,
                               PCRE2_NO_UTF_CHECK, matchData, matchContext)
        if rc >= 0 { return true }
        if rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL { return false }
        throw MatchFailure(code: rc)
    }

    /// Byte offsets of group `n` of the last successful match, or nil when the group did not take part.
    public func range(ofGroup n: Int) -> Range<Int>? {
        guard n < ovectorPairs else { return nil }
        let start = ovector[2 * n], end = ovector[2 * n + 1]
        if start == chatops_pcre2_unset() || end < start { return nil }
        return start..<end
    }

    /// The first set group among `groups` (one name may label several groups).
    public func firstSetRange(of groups: [Int]) -> Range<Int>? {
        for g in groups { if let r = range(ofGroup: g) { return r } }
        return nil
    }
}

extension PatternMatcher {
    /// Convenience for one-off matching of a `String`; returns named captures.
    public func captures(of pattern: CompiledPattern, in text: String) throws(MatchFailure) -> [String: String]? {
        let bytes = Array(text.utf8)
        let outcome: Result<[String: String]?, MatchFailure> = bytes.withUnsafeBufferPointer { buffer in
            do throws(MatchFailure) {
                guard try matches(pattern, in: buffer) else { return .success(nil) }
                var out: [String: String] = [:]
                for (name, groups) in pattern.namedGroups {
                    if let r = firstSetRange(of: groups) {
                        out[name] = String(decoding: UnsafeBufferPointer(rebasing: buffer[r]), as: UTF8.self)
                    }
                }
                return .success(out)
            } catch { return .failure(error) }
        }
        return try outcome.get()
    }
}
