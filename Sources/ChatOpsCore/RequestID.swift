import Foundation

/// The id of the inbound request being handled (a webhook delivery, a button click): set by the
/// server for the request's task and the work it hands on, and logged with everything the bot
/// does about it — policy, approval, execution — so one grep follows a command through the log.
/// A caller's `X-Request-Id` is kept when it is a plain token, else the server makes one.
public enum RequestID {
    @TaskLocal public static var current: String?

    /// A new id: 16 hex digits.
    public static func make() -> String {
        let hex = String(UInt64.random(in: 1...UInt64.max), radix: 16)
        return String(repeating: "0", count: 16 - hex.utf8.count) + hex
    }

    /// `header` when it is 1–64 characters of letters, digits, `.`, `_` and `-` (nothing a log
    /// line could be forged with); nil otherwise.
    public static func accepted(_ header: String?) -> String? {
        guard let header, (1...64).contains(header.count),
              header.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") }) else { return nil }
        return header
    }
}
