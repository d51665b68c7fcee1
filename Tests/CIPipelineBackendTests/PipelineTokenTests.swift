import _CryptoExtras
import CIPipelineBackend
import ChatOpsApp
import ChatOpsConfig
import ChatOpsTestSupport
import Execution
import Logging
import Testing

@Suite("the pipeline's token: its own, or the GitHub comments' token or App where the configuration says so")
struct PipelineTokenTests {
    func status(_ environment: [String: String]) throws -> ModuleStatus {
        let configuration = try ConfigurationLoader(environment: environment, settings: ChatOpsModules.standard.settings)
            .parse(text: TestConfig.exampleText, file: "chatops.yaml")
        return PipelineModule().status(in: ModuleContext(configuration: configuration, environment: [:], http: TestHTTP.pool,
                                                         logger: Logger(label: "pipeline-token-tests")))
    }

    @Test("the comments' token alone does not turn the pipeline on; its own token does, and says so")
    func ownToken() throws {
        guard case .disabled(let hint) = try status(["CHATOPS_GITHUB_TOKEN": "ghp_comments"]) else {
            Issue.record("the pipeline is on without its own token or the opt-in")
            return
        }
        #expect(hint.contains("CHATOPS_PIPELINE_USE_GITHUB_TOKEN=1"))
        #expect(try status(["CHATOPS_PIPELINE_TOKEN": "ghp_own", "CHATOPS_GITHUB_TOKEN": "ghp_comments"])
                == .enabled(by: "backends.pipeline.token (env CHATOPS_PIPELINE_TOKEN)"))
    }

    @Test("with the opt-in it shares the comments' token, or their GitHub App, and reports which")
    func shared() throws {
        #expect(try status(["CHATOPS_PIPELINE_USE_GITHUB_TOKEN": "1", "CHATOPS_GITHUB_TOKEN": "ghp_comments"])
                == .enabled(by: "platforms.github.token (shared, as backends.pipeline.use_github_token says)"))
        let pem = try _RSA.Signing.PrivateKey(keySize: .bits2048).pemRepresentation
        #expect(try status(["CHATOPS_PIPELINE_USE_GITHUB_TOKEN": "1", "CHATOPS_GITHUB_APP_ID": "123456",
                            "CHATOPS_GITHUB_APP_PRIVATE_KEY": pem])
                == .enabled(by: "platforms.github.app_id (GitHub App 123456, installation tokens; shared, as "
                            + "backends.pipeline.use_github_token says)"))
        guard case .misconfigured(let problem) = try status(["CHATOPS_PIPELINE_USE_GITHUB_TOKEN": "1", "CHATOPS_GITHUB_APP_ID": "123456",
                                                              "CHATOPS_GITHUB_APP_PRIVATE_KEY": "not a key"]) else {
            Issue.record("an unreadable App key is not reported")
            return
        }
        #expect(problem.contains("CHATOPS_GITHUB_APP_PRIVATE_KEY"))
    }
}
