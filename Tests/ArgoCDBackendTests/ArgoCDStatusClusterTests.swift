import ArgoCDBackend
import ChatOpsApp
import ChatOpsConfig
import ChatOpsCore
import ChatOpsTestSupport
import Execution
import PlatformHTTP
import ReplyModel
import Testing

/// With `backends.kubernetes.clusters`, `status` says which cluster each environment runs on.
@Suite("Argo CD status shows the cluster", .serialized)
struct ArgoCDStatusClusterTests {
    static let catalog = try! ConfigurationLoader(environment: [:], settings: ChatOpsModules.standard.settings)
        .load(path: RepositoryPaths.exampleConfig).catalog

    @Test("payments-api: dev on the edge cluster, staging and prod on cloud")
    func clusterPerEnvironment() async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(ArgoCDStatusTests.application) }
        defer { Task { await fake.stop() } }
        let input = ExecutionInput(requestID: 1, command: ParsedCommand(intent: .status, slots: ["app": .string("payments-api")], source: .rule,
                                                                        ruleID: nil),
                                   requester: "alice", channel: nil, isDryRun: false)
        let client = ArgoCDClient(baseURL: fake.baseURL + "/", token: "argo-token",
                                  client: PlatformAPIClient(service: "Argo CD", http: TestHTTP.pool.standard, timeout: .seconds(15)))
        let result = await ArgoCDStatusExecutor(client: client, catalog: Self.catalog).execute(input, progress: NoProgress())
        #expect(result.isSuccess)
        let clusters = result.reply.blocks.compactMap { block -> String? in
            guard case .fields(let fields) = block else { return nil }
            return fields.first { $0.label == "Cluster" }?.value
        }
        #expect(clusters == ["edge", "cloud", "cloud"])
        #expect(PlainTextRenderer.render(result.reply).hasPrefix("payments-api in dev: Synced, Healthy at `rev1`\nArgo CD app: velero-test\nCluster: edge\n"))
    }

    @Test("without clusters, no cluster is shown")
    func withoutClusters() async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(ArgoCDStatusTests.application) }
        defer { Task { await fake.stop() } }
        let catalog = Catalog(environments: Self.catalog.environments, apps: Self.catalog.apps.map { app in
            AppConfig(name: app.name, aliases: app.aliases, environments: app.environments.mapValues {
                AppEnvironment(argocdApp: $0.argocdApp, namespace: $0.namespace)
            })
        })
        let input = ExecutionInput(requestID: 1, command: ParsedCommand(intent: .status, slots: ["app": .string("iris"), "env": .string("prod")],
                                                                        source: .rule, ruleID: nil),
                                   requester: "alice", channel: nil, isDryRun: false)
        let client = ArgoCDClient(baseURL: fake.baseURL + "/", token: "argo-token",
                                  client: PlatformAPIClient(service: "Argo CD", http: TestHTTP.pool.standard, timeout: .seconds(15)))
        let result = await ArgoCDStatusExecutor(client: client, catalog: catalog).execute(input, progress: NoProgress())
        #expect(!PlainTextRenderer.render(result.reply).contains("Cluster"))
    }
}
