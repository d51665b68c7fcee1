import _CryptoExtras
import ChatOpsConfig
import ChatOpsTestSupport
import Crypto
import GitHubREST
import Testing

@Suite("the token source from the settings: the comments' connection, and a backend's own token or the shared one")
struct GitHubTokenSettingsTests {
    static let own = SettingKey("backends.test.token", "CHATOPS_TEST_TOKEN", secret: true)
    static let sharing = SettingKey("backends.test.use_github_token", "CHATOPS_TEST_USE_GITHUB_TOKEN", kind: .boolean)

    static func settings(values: [String: String] = [:], secrets: [String: String] = [:]) -> Settings {
        Settings(values: values, secrets: secrets.mapValues { Secret($0, origin: "env") }, origins: values.mapValues { _ in "env" })
    }

    @Test("nothing set is no source; a token wins over an App")
    func connection() throws {
        #expect(try GitHubREST.tokenSource(Self.settings(), http: TestHTTP.pool) == nil)
        let token = try #require(try GitHubREST.tokenSource(Self.settings(secrets: ["platforms.github.token": "ghp_x"]), http: TestHTTP.pool))
        #expect(token is PersonalToken)
        #expect(token.origin == "platforms.github.token")
    }

    @Test("an App id with its key is an App; half an App, or a key that is not one, is an error naming the setting")
    func app() throws {
        let pem = try _RSA.Signing.PrivateKey(keySize: .bits2048).pemRepresentation
        let app = try #require(try GitHubREST.tokenSource(
            Self.settings(values: ["platforms.github.app_id": "123456"], secrets: ["platforms.github.app_private_key": pem]),
            http: TestHTTP.pool))
        #expect(app is AppInstallationTokens)
        #expect(app.origin == "platforms.github.app_id (GitHub App 123456, installation tokens)")
        #expect(throws: GitHubSetupError.self) {
            _ = try GitHubREST.tokenSource(Self.settings(values: ["platforms.github.app_id": "123456"]), http: TestHTTP.pool)
        }
        let garbled = #expect(throws: GitHubSetupError.self) {
            _ = try GitHubREST.tokenSource(Self.settings(values: ["platforms.github.app_id": "1"],
                                                         secrets: ["platforms.github.app_private_key": "not a key"]), http: TestHTTP.pool)
        }
        #expect(garbled?.description.hasPrefix("the GitHub App private key (CHATOPS_GITHUB_APP_PRIVATE_KEY) is not a readable RSA PEM key") == true)
    }

    @Test("a backend uses its own token; the comments' token or App only when its opt-in says so, reported as shared")
    func backend() throws {
        let comments = ["platforms.github.token": "ghp_comments"]
        #expect(try GitHubREST.tokenSource(own: Self.own, sharing: Self.sharing, Self.settings(secrets: comments), http: TestHTTP.pool) == nil)
        let own = try #require(try GitHubREST.tokenSource(own: Self.own, sharing: Self.sharing,
                                                          Self.settings(secrets: comments.merging(["backends.test.token": "ghp_own"]) { $1 }),
                                                          http: TestHTTP.pool))
        #expect(own.origin == "backends.test.token (env)")
        let shared = try #require(try GitHubREST.tokenSource(own: Self.own, sharing: Self.sharing,
                                                             Self.settings(values: ["backends.test.use_github_token": "true"], secrets: comments),
                                                             http: TestHTTP.pool))
        #expect(shared.origin == "platforms.github.token (shared, as backends.test.use_github_token says)")
        let pem = try _RSA.Signing.PrivateKey(keySize: .bits2048).pemRepresentation
        let sharedApp = try #require(try GitHubREST.tokenSource(
            own: Self.own, sharing: Self.sharing,
            Self.settings(values: ["backends.test.use_github_token": "1", "platforms.github.app_id": "42"],
                          secrets: ["platforms.github.app_private_key": pem]), http: TestHTTP.pool))
        #expect(sharedApp.origin == "platforms.github.app_id (GitHub App 42, installation tokens; shared, as backends.test.use_github_token says)")
    }
}
