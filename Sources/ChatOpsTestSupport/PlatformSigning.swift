import Crypto
import Foundation
import PlatformVerification

/// Signs like Slack: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing secret.
public enum SlackSigning {
    /// The harness's signing secret.
    public static let secret = "8f742231b10e8888abcd99yyyzzz85a5-test"

    public static func signature(_ body: [UInt8], timestamp: String, secret: String = secret) -> String {
        SlackRequestVerifier(signingSecret: secret).signature(timestamp: timestamp, body: body)
    }

    /// `X-Slack-Request-Timestamp` for `date` (Unix seconds).
    public static func timestamp(_ date: Date) -> String { String(Int(date.timeIntervalSince1970)) }

    /// `X-Slack-Request-Timestamp` for now.
    public static var now: String { timestamp(Date()) }
}

/// Signs like Discord: Ed25519 over timestamp + body, with a key made for one harness (its public
/// half is the configured `CHATOPS_DISCORD_PUBLIC_KEY`).
public struct DiscordSigner: Sendable {
    public let key: Curve25519.Signing.PrivateKey

    public init(key: Curve25519.Signing.PrivateKey = Curve25519.Signing.PrivateKey()) {
        self.key = key
    }

    public var publicKeyHex: String { HexBytes.encode(key.publicKey.rawRepresentation) }

    /// `X-Signature-Ed25519`, `X-Signature-Timestamp` (for `date`) and the JSON content type.
    public func headers(for body: Data, at date: Date) throws -> [(String, String)] {
        let timestamp = String(Int(date.timeIntervalSince1970))
        let signature = try key.signature(for: Data(timestamp.utf8) + body)
        return [("X-Signature-Ed25519", HexBytes.encode(signature)), ("X-Signature-Timestamp", timestamp), ("Content-Type", "application/json")]
    }
}

/// Signs like GitHub: `sha256=` + hex HMAC-SHA256 of the body with the webhook secret.
public enum GitHubSigning {
    /// The harness's webhook secret (GitHub's documentation example).
    public static let secret = "It's a Secret to Everybody"

    public static func signature(_ body: [UInt8], secret: String = secret) -> String {
        "sha256=" + HexBytes.encode(HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8))))
    }
}

