import Crypto
import Foundation

/// GitHub webhook signing: `X-Hub-Signature-256: sha256=` + hex HMAC-SHA256 of the raw body with
/// the webhook secret. GitHub signs no timestamp; replays are caught by `X-GitHub-Delivery` ids.
public struct GitHubWebhookVerifier: Sendable {
    let key: SymmetricKey

    public init(secret: String) {
        key = SymmetricKey(data: Data(secret.utf8))
    }

    public func verify(signature: String?, body: [UInt8]) -> VerificationFailure? {
        guard let signature else { return .missingHeader("X-Hub-Signature-256") }
        guard signature.hasPrefix("sha256="), let mac = HexBytes.decode(signature.dropFirst(7)),
              mac.count == SHA256.byteCount else {
            return .malformedHeader("X-Hub-Signature-256")
        }
        return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: body, using: key) ? nil : .badSignature
    }
}
