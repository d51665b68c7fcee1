import GitHubREST
import ArgoCDBackend
import SlackPlatform
import ChatOpsApp
import ChatOpsConfig
import ChatOpsTestSupport
import Testing

@Suite("Secrets and environment overrides")
struct SecretTests {
    let base = "environments:\n  - name: dev\n"

    @Test func environmentWinsOverTheFile() throws {
        let text = base + "platforms:\n  slack:\n    bot_token: from-file\n    api_url: http://127.0.0.1:9/api\n"
        let config = try ConfigurationLoader(environment: ["CHATOPS_SLACK_BOT_TOKEN": "xoxb-env",
                                                           "CHATOPS_SLACK_API_URL": "http://127.0.0.1:7/api"], settings: ChatOpsModules.standard.settings).parse(text: text)
        #expect(config.settings.secret(.slackBotToken)?.value == "xoxb-env")
        #expect(config.settings.origin(.slackBotToken) == "env CHATOPS_SLACK_BOT_TOKEN")
        #expect(config.settings.value(.slackAPIURL) == "http://127.0.0.1:7/api")
        let fileOnly = try ConfigurationLoader(environment: [:], settings: ChatOpsModules.standard.settings).parse(text: text)
        #expect(fileOnly.settings.secret(.slackBotToken)?.value == "from-file")
    }

    @Test func secretFromAFileNamedByTheEnvironment() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("token", "s3cret-token\n")
        let config = try ConfigurationLoader(environment: ["CHATOPS_ARGOCD_TOKEN_FILE": path], settings: ChatOpsModules.standard.settings).parse(text: base)
        #expect(config.settings.secret(.argocdToken)?.value == "s3cret-token")
        #expect(config.settings.origin(.argocdToken) == "file \(path)")
    }

    @Test func secretFromAFileNamedInTheConfig() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("key", "argo-token")
        let config = try ConfigurationLoader(environment: [:], settings: ChatOpsModules.standard.settings)
            .parse(text: base + "backends:\n  argocd:\n    token_file: \(path)\n")
        #expect(config.settings.secret(.argocdToken)?.value == "argo-token")
    }

    @Test func unreadableSecretFileIsAnErrorNamingTheKey() {
        #expect {
            _ = try ConfigurationLoader(environment: ["CHATOPS_GITHUB_TOKEN_FILE": "/nonexistent/token"], settings: ChatOpsModules.standard.settings).parse(text: base)
        } throws: { error in
            let text = "\(error)"
            return text.contains("CHATOPS_GITHUB_TOKEN_FILE") && text.contains("/nonexistent/token")
        }
    }

    @Test func secretsNeverPrint() throws {
        let config = try ConfigurationLoader(environment: ["CHATOPS_SLACK_SIGNING_SECRET": "very-secret"], settings: ChatOpsModules.standard.settings).parse(text: base)
        let secret = try #require(config.settings.secret(.slackSigningSecret))
        #expect(!"\(secret)".contains("very-secret"))
        #expect(!String(reflecting: secret).contains("very-secret"))
        #expect(!"\(config.settings)".contains("very-secret"))
    }

    @Test func dryRunFromTheEnvironment() throws {
        #expect(try ConfigurationLoader(environment: ["CHATOPS_DRY_RUN": "1"], settings: ChatOpsModules.standard.settings).parse(text: base).isDryRun)
        #expect(try !ConfigurationLoader(environment: [:], settings: ChatOpsModules.standard.settings).parse(text: base).isDryRun)
        #expect(throws: (any Error).self) { try ConfigurationLoader(environment: ["CHATOPS_DRY_RUN": "perhaps"], settings: ChatOpsModules.standard.settings).parse(text: base) }
    }

    @Test func storePathFromTheEnvironment() throws {
        let config = try ConfigurationLoader(environment: ["CHATOPS_STORE": "/tmp/x.db"], settings: ChatOpsModules.standard.settings).parse(text: base)
        #expect(config.storePath == "/tmp/x.db")
    }
}
