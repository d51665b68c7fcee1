import Crypto
import Foundation

/// Slack's request signing: `X-Slack-Signature: v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}`
/// with the app's signing secret, and `X-Slack-Request-Timestamp` within the replay window.
public struct SlackRequestVerifier: Sendable {
    let key: SymmetricKey
    let window: ReplayWindow

    public init(signingSecret: String, window: ReplayWindow = ReplayWindow()) {
        key = SymmetricKey(data: Data(signingSecret.utf8))
        self.window = window
    }

    /// `X-Slack-Signature` for `body` sent at `timestamp`, as Slack computes it (for load generators
    /// and tests that play Slack).
    public func signature(timestamp: String, body: [UInt8]) -> String {
        "v0=" + HexBytes.encode(HMAC<SHA256>.authenticationCode(for: Array("v0:\(timestamp):".utf8) + body, using: key))
    }

    public func verify(timestamp: String?, signature: String?, body: [UInt8], now: Date) -> VerificationFailure? {
        guard let timestamp else { return .missingHeader("X-Slack-Request-Timestamp") }
        guard let signature else { return .missingHeader("X-Slack-Signature") }
        if let stale = window.check(timestamp, name: "X-Slack-Request-Timestamp", now: now) { return stale }
        guard signature.hasPrefix("v0="), let mac = HexBytes.decode(signature.dropFirst(3)),
              mac.count == SHA256.byteCount else {
            return .malformedHeader("X-Slack-Signature")
        }
        var signed = Array("v0:\(timestamp):".utf8)
        signed.append(contentsOf: body)
        // swift-crypto compares the codes in constant time.
        return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: signed, using: key) ? nil : .badSignature
    }
}
