import Crypto
import Foundation

/// Discord interaction signing: `X-Signature-Ed25519` (hex) over `X-Signature-Timestamp` + raw
/// body, checked with the application's public key; the timestamp must be within the replay window.
public struct DiscordInteractionVerifier: Sendable {
    let key: Curve25519.Signing.PublicKey
    let window: ReplayWindow

    /// Fails with a message saying what is wrong with the key (it comes from configuration).
    public init(publicKeyHex: String, window: ReplayWindow = ReplayWindow()) throws {
        guard let raw = HexBytes.decode(publicKeyHex.trimmingCharacters(in: .whitespaces)), raw.count == 32 else {
            throw ConfigurationProblem("the Discord public key must be 64 hex characters (the application's "
                                       + "\"Public Key\" in the developer portal)")
        }
        do { key = try Curve25519.Signing.PublicKey(rawRepresentation: raw) } catch {
            throw ConfigurationProblem("the Discord public key is not a valid Ed25519 key")
        }
        self.window = window
    }

    public func verify(timestamp: String?, signature: String?, body: [UInt8], now: Date) -> VerificationFailure? {
        guard let timestamp else { return .missingHeader("X-Signature-Timestamp") }
        guard let signature else { return .missingHeader("X-Signature-Ed25519") }
        if let stale = window.check(timestamp, name: "X-Signature-Timestamp", now: now) { return stale }
        guard let bytes = HexBytes.decode(signature), bytes.count == 64 else {
            return .malformedHeader("X-Signature-Ed25519")
        }
        var signed = Array(timestamp.utf8)
        signed.append(contentsOf: body)
        return key.isValidSignature(bytes, for: signed) ? nil : .badSignature
    }
}

/// A platform secret or key in the configuration that cannot be used.
public struct ConfigurationProblem: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
