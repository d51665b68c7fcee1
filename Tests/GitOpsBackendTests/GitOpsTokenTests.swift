import _CryptoExtras
import ChatOpsConfig
import ChatOpsTestSupport
import Execution
import GitOpsBackend
import Logging
import Testing

@Suite("GitOps' token: its own, or the GitHub comments' token or App where the configuration says so", .serialized)
struct GitOpsTokenTests {
    typealias H = DeliveryHarness
    static let installationToken = "ghs_16C7e42F292c6912E7710c838347Ae178B4a"
    static let argocd = ["CHATOPS_ARGOCD_URL": "https://argocd.example.com", "CHATOPS_ARGOCD_TOKEN": "argo-token"]

    func context(_ environment: [String: String]) throws -> ModuleContext {
        ModuleContext(configuration: try TestBot.configuration(environment: Self.argocd.merging(environment) { _, set in set }),
                      environment: [:], http: TestHTTP.pool, logger: Logger(label: "gitops-token-tests"))
    }

    func status(_ environment: [String: String]) throws -> ModuleStatus {
        GitOpsModule().status(in: try context(environment))
    }

    @Test("the comments' token alone is not used for GitOps; its own token is, and the status says which", arguments: [
        (["CHATOPS_GITHUB_TOKEN": "ghp_comments"], "; no GitOps token, so deploys answer what to set (CHATOPS_GITOPS_TOKEN)"),
        (["CHATOPS_GITOPS_TOKEN": "ghp_own", "CHATOPS_GITHUB_TOKEN": "ghp_comments"],
         "; GitOps writes with backends.gitops.token (env CHATOPS_GITOPS_TOKEN)"),
        (["CHATOPS_GITOPS_USE_GITHUB_TOKEN": "1", "CHATOPS_GITHUB_TOKEN": "ghp_comments"],
         "; GitOps writes with platforms.github.token (shared, as backends.gitops.use_github_token says)"),
    ])
    func tokenSource(environment: [String: String], expected: String) throws {
        guard case .enabled(let by) = try status(environment) else {
            Issue.record("GitOps is off with Argo CD configured")
            return
        }
        #expect(by.hasSuffix(expected), "\(by)")
    }

    @Test("with the opt-in it shares the comments' GitHub App; an App key that cannot be read is reported")
    func sharedApp() throws {
        let pem = try _RSA.Signing.PrivateKey(keySize: .bits2048).pemRepresentation
        let app = ["CHATOPS_GITOPS_USE_GITHUB_TOKEN": "1", "CHATOPS_GITHUB_APP_ID": "123456"]
        guard case .enabled(let by) = try status(app.merging(["CHATOPS_GITHUB_APP_PRIVATE_KEY": pem]) { _, set in set }) else {
            Issue.record("GitOps is off with the App shared")
            return
        }
        #expect(by.hasSuffix("; GitOps writes with platforms.github.app_id (GitHub App 123456, installation tokens; shared, as "
                             + "backends.gitops.use_github_token says)"), "\(by)")
        guard case .misconfigured(let problem) = try status(app.merging(["CHATOPS_GITHUB_APP_PRIVATE_KEY": "not a key"]) { _, set in set }) else {
            Issue.record("an unreadable App key is not reported")
            return
        }
        #expect(problem.contains("CHATOPS_GITHUB_APP_PRIVATE_KEY") && problem.contains("backends.gitops.use_github_token"), "\(problem)")
    }

    /// The App's JWT buys the installation's token once; every GitOps call then carries that
    /// token, never the JWT.
    @Test("a deploy with the comments' GitHub App commits with the installation's token")
    func deployWithTheApp() async throws {
        let h = try await H.start(githubAnswer: { request, _ in
            switch request.path {
            case "/repos/acme/ml-platform-gitops/installation": return .json(#"{"id":2311213,"app_id":123456}"#)
            case "/app/installations/2311213/access_tokens":
                return .json(#"{"token":"\#(Self.installationToken)","expires_at":"2099-07-11T22:14:10Z"}"#, status: 201)
            default: return nil
            }
        })
        let pem = try _RSA.Signing.PrivateKey(keySize: .bits2048).pemRepresentation
        let context = try context(["CHATOPS_ARGOCD_URL": h.argocd.baseURL, "CHATOPS_GITOPS_USE_GITHUB_TOKEN": "1",
                                   "CHATOPS_GITHUB_APP_ID": "123456", "CHATOPS_GITHUB_APP_PRIVATE_KEY": pem,
                                   "CHATOPS_GITHUB_API_URL": h.github.baseURL])
        let deploy = try #require(try GitOpsModule().executors(in: context).first { $0.1.contains(.deploy) }?.0)
        let result = await deploy.execute(H.input(.deploy, ["app": "iris", "version": "v2.3", "env": "staging"]), progress: ProgressLog())
        await h.stop()
        #expect(result.isSuccess, "\(result.text)")
        let file = "/repos/acme/ml-platform-gitops/contents/\(H.stagingFile)"
        #expect(h.githubCalls == ["GET /repos/acme/ml-platform-gitops/installation", "POST /app/installations/2311213/access_tokens",
                                  "GET \(file)?ref=main", "PUT \(file)"])
        let (app, contents) = (h.github.requests.prefix(2), h.github.requests.dropFirst(2))
        #expect(app.allSatisfy { $0.header("Authorization")?.hasPrefix("Bearer ey") == true }, "the App's own calls carry its JWT")
        #expect(contents.allSatisfy { $0.header("Authorization") == "Bearer \(Self.installationToken)" })
        #expect(h.repo.text(H.stagingFile) == H.kustomization("v2.3"))
    }
}
