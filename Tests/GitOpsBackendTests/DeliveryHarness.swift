import ChatOpsApp
import ArgoCDBackend
import ChatOpsConfig
import ChatOpsCore
import ChatOpsTestSupport
import Execution
import Foundation
import GitHubREST
import GitOpsBackend
import PlatformHTTP
import Synchronization

/// A fake GitHub holding the GitOps repository and a fake Argo CD whose apps run whatever main
/// points at, with deploy, promote and rollback wired to them as `serve` wires them.
struct DeliveryHarness {
    static let stagingFile = "apps/iris-classifier/overlays/staging/kustomization.yaml"
    static let prodFile = "apps/iris-classifier/overlays/prod/kustomization.yaml"
    /// The personal token GitOps writes with here (the App's installation tokens: `GitOpsTokenTests`).
    static let token = PersonalToken("gh-token", origin: "the tests' GitOps token")

    static func kustomization(_ tag: String) -> String {
        "# managed by chatops\nkind: Kustomization\nresources: [../../base]\nimages:\n  - name: ghcr.io/acme/iris-classifier\n    newTag: \(tag)\n"
    }

    let repo: FakeGitHubRepo
    let github: FakePlatformAPI
    let argocd: FakePlatformAPI
    let delivery: Delivery
    let catalog: Catalog

    /// `running`: the image tag Argo CD reports per Argo CD app. `githubAnswer` sees each GitHub
    /// call before the fake repository does: it may answer instead, or act on the repository
    /// first (someone else pushing or opening a pull request just then).
    static func start(files: [String: String] = [stagingFile: kustomization("v2.2"), prodFile: kustomization("v2.1")],
                      conflicts: Int = 0, running: [String: String] = [:], catalog: Catalog? = nil,
                      githubAnswer: (@Sendable (RecordedRequest, FakeGitHubRepo) -> FakeResponse?)? = nil) async throws -> DeliveryHarness {
        let repo = FakeGitHubRepo(files: files, conflicts: conflicts)
        let github = try await FakePlatformAPI.start { request in githubAnswer?(request, repo) ?? repo.respond(request) }
        let argocd = try await FakePlatformAPI.start { request in
            if request.method == "POST" { return .json(#"{"metadata":{"name":"x"}}"#) }
            let app = String(request.path.split(separator: "/").last ?? "")
            let images = running[app].map { ["ghcr.io/acme/iris-classifier:\($0)"] }
            return .json(ArgoApplicationJSON.with(revision: repo.head ?? "0000000", images: images))
        }
        let catalog = try catalog ?? ConfigurationLoader(environment: [:], settings: ChatOpsModules.standard.settings).load(path: RepositoryPaths.exampleConfig).catalog
        let writer = GitOpsWriter(github: GitHubRepoClient(baseURL: github.baseURL, tokens: token, http: TestHTTP.pool))
        let delivery = Delivery(writer: writer, argocd: ArgoCDClientFactory.client(argocd), waiter: ArgoCDClientFactory.waiter(argocd),
                                catalog: catalog)
        return DeliveryHarness(repo: repo, github: github, argocd: argocd, delivery: delivery, catalog: catalog)
    }

    func stop() async {
        await github.stop()
        await argocd.stop()
    }

    /// Request #7; `notes` stand for what the store keeps for it between attempts.
    static func input(_ intent: Intent, _ slots: [String: String], approvers: [String] = [],
                      notes: any RequestNotes = MemoryNotes()) -> ExecutionInput {
        ExecutionInput(requestID: 7, command: ParsedCommand(intent: intent, slots: slots.mapValues { .string($0) }, source: .rule, ruleID: nil),
                       requester: "alice", channel: nil, isDryRun: false, approvers: approvers, notes: notes)
    }

    /// The key under which a prod pull-request change to `version` keeps `field` in the request's notes.
    static func noteKey(_ field: String, version: String = "v2.3") -> String {
        "gitops:acme/ml-platform-gitops:\(prodFile):\(version):\(field)"
    }

    func deploy(_ input: ExecutionInput, progress: ProgressLog = ProgressLog()) async -> ExecutionResult {
        await DeployExecutor(delivery: delivery).execute(input, progress: progress)
    }

    func rollback(_ input: ExecutionInput, progress: ProgressLog = ProgressLog()) async -> ExecutionResult {
        await RollbackExecutor(delivery: delivery).execute(input, progress: progress)
    }

    var githubCalls: [String] { github.requests.map { "\($0.method) \($0.path)" + ($0.query.isEmpty ? "" : "?\($0.query)") } }
}

/// Argo CD clients pointed at a fake, as the harness uses them.
enum ArgoCDClientFactory {
    static func client(_ fake: FakePlatformAPI) -> ArgoCDClient {
        ArgoCDClient(baseURL: fake.baseURL, token: "argo-token", client: PlatformAPIClient(service: "Argo CD", http: TestHTTP.pool.standard, timeout: .seconds(15)))
    }

    static func waiter(_ fake: FakePlatformAPI) -> ArgoCDWaiter {
        ArgoCDWaiter(client: client(fake), timeout: .seconds(20), pollInterval: .milliseconds(5))
    }
}
