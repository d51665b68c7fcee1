import Crypto
import Foundation
import _CryptoExtras

/// The JSON Web Token a GitHub App authenticates with: RS256 over `{iat, exp, iss}`, valid for
/// nine minutes and issued a minute in the past to allow for clock drift, as GitHub advises.
public struct AppJWT: Sendable {
    public let appID: String
    let key: _RSA.Signing.PrivateKey

    /// `pem` is the private key GitHub generated for the App (PKCS#1 or PKCS#8 PEM).
    public init(appID: String, pem: String) throws {
        self.appID = appID
        self.key = try _RSA.Signing.PrivateKey(pemRepresentation: pem)
    }

    public func make(at now: Date) throws -> String {
        let issued = Int(now.timeIntervalSince1970) - 60
        let header = #"{"alg":"RS256","typ":"JWT"}"#
        let claims = #"{"exp":\#(issued + 600),"iat":\#(issued),"iss":"\#(appID)"}"#
        let signingInput = Self.base64URL(Data(header.utf8)) + "." + Self.base64URL(Data(claims.utf8))
        let signature = try key.signature(for: Data(signingInput.utf8), padding: .insecurePKCS1v1_5)
        return signingInput + "." + Self.base64URL(signature.rawRepresentation)
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
