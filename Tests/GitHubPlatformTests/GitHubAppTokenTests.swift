import _CryptoExtras
import ChatOpsTestSupport
import Crypto
import Foundation
import Testing

@Suite("GitHub App installation tokens", .serialized)
struct GitHubAppTokenTests {
    @Test("the bot signs an App JWT, buys an installation token for the webhook's installation, and comments with it")
    func installationToken() async throws {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let server = try await GitHubTestServer.start(
            extraEnvironment: ["CHATOPS_GITHUB_APP_ID": "123456", "CHATOPS_GITHUB_APP_PRIVATE_KEY": key.pemRepresentation]
        ) { request in
            if request.path == "/app/installations/2311213/access_tokens" {
                return .json(#"{"token":"ghs_16C7e42F292c6912E7710c838347Ae178B4a","expires_at":"2099-07-11T22:14:10Z","permissions":{"issues":"write"}}"#,
                             status: 201)
            }
            return await GitHubTestServer.githubAnswers(request)
        }
        defer { Task { await server.stop() } }
        let payload = try server.payload(body: "/help", login: "carol", installation: 2_311_213)
        #expect(try await server.deliver(payload) == 202)
        let requests = try await server.waitForCalls(3)
        let exchange = requests[0]
        #expect(exchange.method == "POST")
        #expect(exchange.path == "/app/installations/2311213/access_tokens")
        let jwt = try #require(exchange.header("Authorization")?.split(separator: " ").last.map(String.init))
        let parts = jwt.split(separator: ".").map(String.init)
        #expect(parts.count == 3)
        let claims = try #require(try JSONSerialization.jsonObject(with: base64URL(parts[1])) as? [String: Any])
        #expect(claims["iss"] as? String == "123456")
        let signature = _RSA.Signing.RSASignature(rawRepresentation: base64URL(parts[2]))
        #expect(key.publicKey.isValidSignature(signature, for: Data((parts[0] + "." + parts[1]).utf8), padding: .insecurePKCS1v1_5))
        for call in requests.dropFirst() {
            #expect(call.header("Authorization") == "Bearer ghs_16C7e42F292c6912E7710c838347Ae178B4a")
        }
        // At start-up, logins were looked up with a token of the App's installation (a JWT cannot read users).
        let lookup = try #require(server.api.requests.first { $0.path == "/users/alice" })
        #expect(lookup.header("Authorization") == "Bearer ghs_16C7e42F292c6912E7710c838347Ae178B4a")
        #expect(server.api.requests.contains { $0.method == "GET" && $0.path == "/app/installations" })
    }

    @Test("a webhook secret without any token is a setup error that names the settings to add")
    func halfConfigured() async throws {
        await #expect(throws: (any Error).self) {
            _ = try await GitHubTestServer.start(extraEnvironment: ["CHATOPS_GITHUB_TOKEN": ""])
        }
    }

    func base64URL(_ text: String) -> Data {
        var s = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while s.count % 4 != 0 { s += "=" }
        return Data(base64Encoded: s) ?? Data()
    }
}
