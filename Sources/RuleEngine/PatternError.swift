import CPCRE2

/// A pattern PCRE2 would not compile: its own message and the offset in the pattern.
public struct PatternError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String
    /// Offset in the pattern, in bytes of UTF-8, where PCRE2 stopped.
    public let offset: Int
    public let pattern: String

    public var description: String {
        "bad regex: \(message) at offset \(offset) in /\(pattern)/"
    }
}

/// A match attempt that could not finish: a limit was hit or PCRE2 reported an error.
public struct MatchFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        case matchLimit, depthLimit, heapLimit, jitStackLimit, other(Int32)
    }
    public let reason: Reason
    public let message: String

    init(code: Int32) {
        switch code {
        case PCRE2_ERROR_MATCHLIMIT: reason = .matchLimit
        case PCRE2_ERROR_DEPTHLIMIT: reason = .depthLimit
        case PCRE2_ERROR_HEAPLIMIT: reason = .heapLimit
        case PCRE2_ERROR_JIT_STACKLIMIT: reason = .jitStackLimit
        default: reason = .other(code)
        }
        message = PCRE2Message.text(for: code)
    }

    public var description: String {
        "the pattern gave up on this text (\(message)); the rule backtracks too much — simplify it"
    }
}

enum PCRE2Message {
    static func text(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = pcre2_get_error_message_8(code, &buffer, buffer.count)
        guard n > 0 else { return "PCRE2 error \(code)" }
        return String(decoding: buffer[0..<Int(n)], as: UTF8.self)
    }
}
