import _CryptoExtras
import ChatOpsConfig
import ChatOpsTestSupport
import Crypto
import Foundation
import GitHubREST
import PlatformHTTP
import Synchronization
import Testing

@Suite("one GitHub token source: a personal token or a GitHub App's installation tokens", .serialized)
struct GitHubTokenSourceTests {
    static let installationToken = "ghs_16C7e42F292c6912E7710c838347Ae178B4a"

    @Test("a personal token is the same for every repository and for none")
    func personalToken() async throws {
        let token = PersonalToken("ghp_x", origin: "platforms.github.token")
        #expect(try await token.token(for: "acme/iris") == "ghp_x")
        #expect(try await token.token(for: nil) == "ghp_x")
        #expect(token.origin == "platforms.github.token")
    }

    @Test("an App buys its installation's token with a signed JWT, once, and uses it until shortly before it expires")
    func appInstallationToken() async throws {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let github = try await FakePlatformAPI.start { request in
            switch request.path {
            case "/repos/acme/iris/installation": return .json(#"{"id":2311213,"app_id":123456}"#)
            case "/app/installations/2311213/access_tokens":
                return .json(#"{"token":"\#(Self.installationToken)","expires_at":"2099-07-11T22:14:10Z"}"#, status: 201)
            default: return .json(#"{"message":"Not Found"}"#, status: 404)
            }
        }
        defer { Task { await github.stop() } }
        let tokens = AppInstallationTokens(jwt: try AppJWT(appID: "123456", pem: key.pemRepresentation), client: TestHTTP.api("GitHub"),
                                           apiURL: github.baseURL + "/", origin: "platforms.github.app_id")
        #expect(try await tokens.token(for: "acme/iris") == Self.installationToken)
        #expect(try await tokens.token(for: "acme/iris") == Self.installationToken)
        #expect(github.requests.map { "\($0.method) \($0.path)" } == [
            "GET /repos/acme/iris/installation", "POST /app/installations/2311213/access_tokens",
        ], "the installation and its token are asked once")
        for request in github.requests {
            let jwt = try #require(request.header("Authorization")?.split(separator: " ").last.map(String.init))
            let parts = jwt.split(separator: ".").map(String.init)
            #expect(parts.count == 3)
            let claims = try #require(try JSONSerialization.jsonObject(with: Self.base64URL(parts[1])) as? [String: Any])
            #expect(claims["iss"] as? String == "123456")
            let signature = _RSA.Signing.RSASignature(rawRepresentation: Self.base64URL(parts[2]))
            #expect(key.publicKey.isValidSignature(signature, for: Data((parts[0] + "." + parts[1]).utf8), padding: .insecurePKCS1v1_5))
        }
    }

    @Test("a token about to expire is bought again; the installation a webhook named is not asked for")
    func expiry() async throws {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let github = try await FakePlatformAPI.start { _ in .json(#"{"token":"ghs_new","expires_at":"2030-01-01T00:04:00Z"}"#, status: 201) }
        defer { Task { await github.stop() } }
        let clock = Mutex(ISO8601DateFormatter().date(from: "2030-01-01T00:00:00Z")!)
        let tokens = AppInstallationTokens(jwt: try AppJWT(appID: "1", pem: key.pemRepresentation), client: TestHTTP.api("GitHub"),
                                           apiURL: github.baseURL, origin: "app", now: { clock.withLock { $0 } })
        await tokens.remember(installation: 7, for: "acme/iris")
        _ = try await tokens.token(for: "acme/iris")
        _ = try await tokens.token(for: "acme/iris")
        #expect(github.requests.map(\.path) == ["/app/installations/7/access_tokens", "/app/installations/7/access_tokens"],
                "a token with less than five minutes left is not used")
    }

    @Test("an App that is not installed where asked says so, naming the call")
    func notInstalled() async throws {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let github = try await FakePlatformAPI.start { request in
            request.path == "/app/installations" ? .json("[]") : .json(#"{"message":"Not Found"}"#, status: 404)
        }
        defer { Task { await github.stop() } }
        let tokens = AppInstallationTokens(jwt: try AppJWT(appID: "1", pem: key.pemRepresentation), client: TestHTTP.api("GitHub"),
                                           apiURL: github.baseURL, origin: "app")
        let missing = await #expect(throws: BackendHTTPError.self) { _ = try await tokens.token(for: "acme/iris") }
        #expect(missing.map { "\($0)" } == "GitHub answered 404 to find the App's installation on acme/iris: "
                + "the App is not installed on acme/iris; install it there — Not Found")
        let nowhere = await #expect(throws: BackendHTTPError.self) { _ = try await tokens.token(for: nil) }
        #expect(nowhere.map { "\($0)" } == "GitHub refused to list the App's installations: the App is not installed anywhere "
                + "— install it on the repositories")
    }

    static func base64URL(_ text: String) -> Data {
        var s = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while s.count % 4 != 0 { s += "=" }
        return Data(base64Encoded: s) ?? Data()
    }
}
