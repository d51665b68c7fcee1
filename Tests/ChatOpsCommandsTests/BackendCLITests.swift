import ChatOpsTestSupport
import Foundation
import Testing

@Suite("chatops say against configured backends", .serialized)
struct BackendCLITests {
    @Test("status of iris in staging prints the real status read from (fake) Argo CD")
    func statusFromArgoCD() async throws {
        let application = try String(contentsOf: RepositoryPaths.root.appendingPathComponent(
            "Tests/ArgoCDBackendTests/Fixtures/application.velero-test.from-controller-testdata.json"), encoding: .utf8)
        let argocd = try await FakePlatformAPI.start { _ in .json(application) }
        defer { Task { await argocd.stop() } }
        let cli = try FreshStoreCLI()
        let result = try await cli.runBesideFakes(["say", "--as", "alice", "--store", cli.store, "status of iris in staging"],
                                                  env: ["CHATOPS_ARGOCD_URL": argocd.baseURL, "CHATOPS_ARGOCD_TOKEN": "argo-token"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("iris-classifier in staging: Synced, Healthy at `rev1`\n"))
        #expect(argocd.requests.map(\.path) == ["/api/v1/applications/iris-classifier-staging"])
        #expect(argocd.requests.first?.header("Authorization") == "Bearer argo-token")
    }

    @Test("an Argo CD URL without a token names the missing token, and nothing is called")
    func urlWithoutToken() throws {
        let cli = try FreshStoreCLI()
        let result = try cli.run(["say", "--as", "alice", "--store", cli.store, "status of iris in staging"],
                                 env: ["CHATOPS_ARGOCD_URL": "http://127.0.0.1:9"])
        #expect(result.stdout.contains("Argo CD cannot be used: CHATOPS_ARGOCD_URL is set, but the token is not "
                                       + "(set CHATOPS_ARGOCD_TOKEN, CHATOPS_ARGOCD_TOKEN_FILE or backends.argocd.token_file); nothing was changed"),
                "\(result.stdout)")
    }
}
