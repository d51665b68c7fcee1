/// A secret value. It never prints: `description` and `debugDescription` are redacted, so a
/// secret that reaches a log line or an error message shows as `<redacted>`.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret itself; read it only where it is sent.
    public let value: String
    /// Where it came from, for diagnostics (`env CHATOPS_SLACK_BOT_TOKEN`, `file /run/secrets/x`).
    public let origin: String

    public init(_ value: String, origin: String) {
        self.value = value
        self.origin = origin
    }

    public var description: String { "<redacted from \(origin)>" }
    public var debugDescription: String { description }
}
