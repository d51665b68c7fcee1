import Crypto
import Foundation
import HTTPTypes
import PlatformVerification

/// How Alertmanager proves a webhook is its own: `http_config.authorization` (a bearer token) or
/// `http_config.basic_auth`. Compared in constant time (HMACs of both sides under a per-process
/// key), before the body is parsed.
public struct AlertmanagerAuth: RequestVerifier {
    public enum Credential: Sendable {
        case bearer(String)
        case basic(username: String, password: String)
    }

    let accepted: [Credential]
    let key = SymmetricKey(size: .bits256)

    public init(_ accepted: [Credential]) {
        self.accepted = accepted
    }

    /// Whether any credential is accepted (else there is no route to verify for).
    var isConfigured: Bool { !accepted.isEmpty }

    public func verify(headers: HTTPFields, body: [UInt8], now: Date) -> VerificationFailure? {
        guard let header = headers[.authorization] else { return .missingHeader("Authorization") }
        let given = Array(header.utf8)
        for credential in accepted where same(given, expected(credential)) { return nil }
        if !header.hasPrefix("Bearer ") && !header.hasPrefix("Basic ") { return .malformedHeader("Authorization") }
        return .badSignature
    }

    func expected(_ credential: Credential) -> [UInt8] {
        switch credential {
        case .bearer(let token): return Array("Bearer \(token)".utf8)
        case .basic(let username, let password): return Array(("Basic " + Data("\(username):\(password)".utf8).base64EncodedString()).utf8)
        }
    }

    /// Equal inputs give equal MACs; comparing MACs (fixed length, compared by swift-crypto in
    /// constant time) leaks neither the secret's length nor where a guess first differs.
    func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let macA = HMAC<SHA256>.authenticationCode(for: a, using: key)
        return HMAC<SHA256>.isValidAuthenticationCode(Data(macA), authenticating: b, using: key)
    }
}
