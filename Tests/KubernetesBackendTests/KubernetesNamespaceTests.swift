import ChatOpsConfig
import ChatOpsCore
import ChatOpsTestSupport
import Execution
import KubernetesBackend
import Testing

@Suite("Kubernetes commands only reach the allowed namespaces")
struct KubernetesNamespaceTests {
    static func executors(_ context: KubernetesContext) -> [Intent: any Executor] {
        [.logs: KubernetesLogsExecutor(context: context), .diagnose: KubernetesDiagnoseExecutor(context: context),
         .scale: KubernetesScaleExecutor(context: context), .restart: KubernetesRestartExecutor(context: context)]
    }

    @Test("a namespace outside the allow-list is refused before any call", arguments: [Intent.logs, .diagnose, .scale, .restart])
    func refusedBeforeAnyCall(intent: Intent) async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(KubeFixtures.scale(1)) }
        defer { Task { await fake.stop() } }
        let context = KubeHarness.context(KubeHarness.client(fake), namespaces: NamespaceAllowList(["ml-prod"], source: "backends.kubernetes.namespaces"))
        let executor = try #require(Self.executors(context)[intent])
        let input = KubeHarness.input(intent, ["replicas": .integer(2)])
        let result = await executor.execute(input, progress: NoProgress())
        #expect(!result.isSuccess)
        #expect(result.text == "Refused: namespace ml-staging is not one the bot may touch (allowed: ml-prod, from "
                + "backends.kubernetes.namespaces); nothing was sent to Kubernetes.")
        #expect(executor.plan(input) == ["refuse: \(result.text)"])
        #expect(fake.requests.isEmpty)
    }

    @Test("with no list configured, the allowed namespaces are those the apps name")
    func defaultsToTheCatalog() {
        let allowed = NamespaceAllowList(settings: Settings(), catalog: KubeHarness.configuration.catalog)
        #expect(allowed.namespaces == ["ml-dev", "ml-staging", "ml-prod", "payments-dev", "payments-staging", "payments-prod"])
        let configured = NamespaceAllowList(settings: KubeHarness.configuration.settings, catalog: KubeHarness.configuration.catalog)
        #expect(configured.namespaces == allowed.namespaces, "the example configuration lists the same six")
        #expect(!allowed.allows("kube-system"))
    }

    @Test("a configured name that is not a Kubernetes name never reaches a URL")
    func invalidNames() async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(KubeFixtures.scale(1)) }
        defer { Task { await fake.stop() } }
        let catalog = Catalog(environments: KubeHarness.configuration.catalog.environments, apps: [
            AppConfig(name: "iris-classifier", environments: ["staging": AppEnvironment(namespace: "ml-staging", deployment: "../secrets")]),
        ])
        let context = KubeHarness.context(KubeHarness.client(fake), catalog: catalog)
        let result = await KubernetesRestartExecutor(context: context).execute(KubeHarness.input(.restart), progress: NoProgress())
        #expect(result.text == "The deployment '../secrets' configured for iris-classifier in staging is not a valid Kubernetes name.")
        #expect(fake.requests.isEmpty)
    }

    @Test("an app that does not run in the asked environment is refused with where it runs")
    func unknownEnvironment() async throws {
        let fake = try await FakePlatformAPI.start { _ in .json("{}") }
        defer { Task { await fake.stop() } }
        let result = await KubernetesLogsExecutor(context: KubeHarness.context(fake)).execute(KubeHarness.input(.logs, env: "qa"),
                                                                                              progress: NoProgress())
        #expect(result.text == "iris-classifier does not run in qa (it runs in dev, staging, prod).")
        #expect(fake.requests.isEmpty)
    }
}
