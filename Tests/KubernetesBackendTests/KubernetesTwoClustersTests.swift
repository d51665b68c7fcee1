import ChatOpsApp
import ChatOpsConfig
import ChatOpsCore
import ChatOpsTestSupport
import Execution
import Foundation
import KubernetesBackend
import Logging
import Testing

/// Two API servers in one test: `cloud`, reached through the backend's own connection
/// (CHATOPS_KUBE_API_URL), where staging runs; and `edge`, an API URL with a token from the
/// variable its entry names, where iris-classifier's prod runs.
@Suite("Two clusters: each command reaches the API server of the cluster its app's environment runs on")
struct KubernetesTwoClustersTests {
    static func configuration(_ environment: [String: String], edge: String, cloudNamespaces: String = "") throws -> ChatOpsConfiguration {
        let text = """
            environments:
              - name: staging
                cluster: cloud
              - name: prod
                cluster: cloud
            apps:
              - name: iris-classifier
                aliases: [iris]
                environments:
                  staging: {namespace: ml-staging, deployment: iris-classifier, labels: {app: iris-classifier}}
                  prod: {namespace: ml-edge, deployment: iris-classifier, labels: {app: iris-classifier}, cluster: edge}
              - name: payments-api
                environments:
                  # Misplaced: edge's namespace, on cloud.
                  staging: {namespace: ml-edge, deployment: payments-api, cluster: cloud}
            backends:
              kubernetes:
                clusters:
                  cloud: {\(cloudNamespaces)}
                  edge:
                    api_url: \(edge)
                    token_env: EDGE_TOKEN
            """
        return try ConfigurationLoader(environment: environment, settings: ChatOpsModules.standard.settings).parse(text: text, file: "two.yaml")
    }

    /// A fake API server whose logs say which cluster answered.
    static func cluster(_ name: String) async throws -> FakePlatformAPI {
        try await FakePlatformAPI.start { request in
            if request.path.hasSuffix("/pods") { return .json(KubeFixtures.podList([KubeFixtures.crashLoopPod])) }
            if request.path.hasSuffix("/log") {
                return FakeResponse(headers: ["Content-Type": "text/plain"], body: Array("served by \(name)\n".utf8))
            }
            if request.path.hasSuffix("/scale") { return .json(KubeFixtures.scale(request.method == "PATCH" ? 3 : 1)) }
            return .json("{}")
        }
    }

    struct Setup {
        let module = KubernetesModule()
        let context: ModuleContext
        let executors: [Intent: any Executor]

        init(_ configuration: ChatOpsConfiguration, environment: [String: String]) throws {
            context = ModuleContext(configuration: configuration, environment: environment, http: TestHTTP.pool, logger: Logger(label: "two"))
            var executors: [Intent: any Executor] = [:]
            for (executor, intents) in try module.executors(in: context) { for intent in intents { executors[intent] = executor } }
            self.executors = executors
        }

        func run(_ intent: Intent, app: String = "iris-classifier", env: String, _ extra: [String: SlotValue] = [:]) async throws -> ExecutionResult {
            let executor = try #require(executors[intent], "no executor for \(intent)")
            return await executor.execute(KubeHarness.input(intent, app: app, env: env, extra), progress: NoProgress())
        }
    }

    /// Both fakes, and the environment that points the backend's own connection at cloud and gives edge its token.
    struct Servers {
        let cloud: FakePlatformAPI
        let edge: FakePlatformAPI

        static func start() async throws -> Servers {
            Servers(cloud: try await KubernetesTwoClustersTests.cluster("cloud"), edge: try await KubernetesTwoClustersTests.cluster("edge"))
        }

        var environment: [String: String] {
            ["CHATOPS_KUBE_API_URL": cloud.baseURL, "CHATOPS_KUBE_TOKEN": "cloud-token", "EDGE_TOKEN": "edge-token"]
        }

        func setup(_ environment: [String: String]? = nil, edge edgeURL: String? = nil, cloudNamespaces: String = "") throws -> Setup {
            let environment = environment ?? self.environment
            return try Setup(try KubernetesTwoClustersTests.configuration(environment, edge: edgeURL ?? edge.baseURL, cloudNamespaces: cloudNamespaces),
                             environment: environment)
        }

        func stop() async {
            await cloud.stop()
            await edge.stop()
        }
    }

    @Test("logs, scale and restart go to the cluster of the app's environment, with that cluster's token")
    func eachCommandReachesItsCluster() async throws {
        let servers = try await Servers.start()
        defer { Task { await servers.stop() } }
        let (cloud, edge, setup) = (servers.cloud, servers.edge, try servers.setup())
        #expect(setup.module.status(in: setup.context)
                == .enabled(by: "cluster cloud (CHATOPS_KUBE_API_URL); cluster edge (\(edge.baseURL) with the token_env EDGE_TOKEN)"))

        let logs = try await setup.run(.logs, env: "staging")
        #expect(logs.isSuccess && logs.text.contains("served by cloud") && !logs.text.contains("served by edge"), "\(logs.text)")
        let edgeLogs = try await setup.run(.logs, env: "prod")
        #expect(edgeLogs.isSuccess && edgeLogs.text.contains("served by edge"), "\(edgeLogs.text)")
        let scale = try await setup.run(.scale, env: "prod", ["replicas": .integer(3)])
        #expect(scale.text == "Scaled iris-classifier in prod (ml-edge/iris-classifier): 1 → 3 replicas.")
        let restart = try await setup.run(.restart, env: "staging")
        #expect(restart.isSuccess, "\(restart.text)")

        let calls = { (fake: FakePlatformAPI) in fake.requests.map { "\($0.method) \($0.path)" } }
        #expect(calls(cloud) == ["GET /api/v1/namespaces/ml-staging/pods", "GET /api/v1/namespaces/ml-staging/pods/my-pod/log",
                                 "GET /api/v1/namespaces/ml-staging/pods/my-pod/log",
                                 "PATCH /apis/apps/v1/namespaces/ml-staging/deployments/iris-classifier"])
        #expect(calls(edge) == ["GET /api/v1/namespaces/ml-edge/pods", "GET /api/v1/namespaces/ml-edge/pods/my-pod/log",
                                "GET /api/v1/namespaces/ml-edge/pods/my-pod/log",
                                "GET /apis/apps/v1/namespaces/ml-edge/deployments/iris-classifier/scale",
                                "PATCH /apis/apps/v1/namespaces/ml-edge/deployments/iris-classifier/scale"])
        #expect(cloud.requests.allSatisfy { $0.header("Authorization") == "Bearer cloud-token" })
        #expect(edge.requests.allSatisfy { $0.header("Authorization") == "Bearer edge-token" })
    }

    @Test("the plan (dry run) names the API server of the environment's cluster")
    func planNamesTheCluster() async throws {
        let servers = try await Servers.start()
        defer { Task { await servers.stop() } }
        let (cloud, edge, setup) = (servers.cloud, servers.edge, try servers.setup())
        let scale = try #require(setup.executors[.scale])
        #expect(scale.plan(KubeHarness.input(.scale, env: "prod", ["replicas": .integer(2)])) == [
            "GET \(edge.baseURL)/apis/apps/v1/namespaces/ml-edge/deployments/iris-classifier/scale",
            #"PATCH \#(edge.baseURL)/apis/apps/v1/namespaces/ml-edge/deployments/iris-classifier/scale {"spec":{"replicas":2}}"#,
        ])
        #expect(scale.plan(KubeHarness.input(.scale, env: "staging", ["replicas": .integer(2)])).first
                == "GET \(cloud.baseURL)/apis/apps/v1/namespaces/ml-staging/deployments/iris-classifier/scale")
        #expect(cloud.requests.isEmpty && edge.requests.isEmpty)
    }

    @Test("a namespace of one cluster is refused on the other before any call", arguments: [Intent.logs, .diagnose, .scale, .restart])
    func namespaceOfAnotherCluster(intent: Intent) async throws {
        let servers = try await Servers.start()
        defer { Task { await servers.stop() } }
        let (cloud, edge, setup) = (servers.cloud, servers.edge, try servers.setup(cloudNamespaces: "namespaces: [ml-staging]"))
        let result = try await setup.run(intent, app: "payments-api", env: "staging", ["replicas": .integer(2)])
        #expect(result.text == "Refused: namespace ml-edge is not one the bot may touch on cluster cloud (allowed there: ml-staging, "
                + "from backends.kubernetes.clusters.cloud.namespaces); nothing was sent to Kubernetes.")
        #expect(cloud.requests.isEmpty && edge.requests.isEmpty)
    }

    @Test("each cluster's default allow-list is the namespaces the apps place on it, within backends.kubernetes.namespaces")
    func defaultAllowLists() throws {
        let configuration = try Self.configuration([:], edge: "https://edge:6443")
        let catalog = configuration.catalog
        let cloud = try #require(catalog.cluster(named: "cloud")), edge = try #require(catalog.cluster(named: "edge"))
        #expect(NamespaceAllowList(cluster: cloud, settings: configuration.settings, catalog: catalog).namespaces == ["ml-staging", "ml-edge"])
        #expect(NamespaceAllowList(cluster: edge, settings: configuration.settings, catalog: catalog).namespaces == ["ml-edge"])
        let bounded = try Self.configuration(["CHATOPS_KUBE_NAMESPACES": "ml-staging"], edge: "https://edge:6443")
        #expect(NamespaceAllowList(cluster: cloud, settings: bounded.settings, catalog: catalog).namespaces == ["ml-staging"])
        #expect(NamespaceAllowList(cluster: edge, settings: bounded.settings, catalog: catalog).namespaces.isEmpty)
    }

    @Test("a cluster whose token is not set answers what to set; the other cluster still works")
    func clusterWithoutCredentials() async throws {
        let servers = try await Servers.start()
        defer { Task { await servers.stop() } }
        var environment = servers.environment
        environment["EDGE_TOKEN"] = nil
        let (edge, setup) = (servers.edge, try servers.setup(environment))
        #expect(setup.module.status(in: setup.context) == .enabled(by: "cluster cloud (CHATOPS_KUBE_API_URL); "
                                                                   + "cluster edge not configured (set EDGE_TOKEN to the cluster's service-account token)"))
        let scale = try await setup.run(.scale, env: "prod", ["replicas": .integer(3)])
        #expect(!scale.isSuccess)
        #expect(scale.text == "Kubernetes cluster edge is not configured (set EDGE_TOKEN to the cluster's service-account token); nothing was sent.")
        #expect(try await setup.run(.logs, env: "staging").isSuccess)
        #expect(edge.requests.isEmpty)
    }

    @Test("a cluster set up wrongly answers with the exact problem")
    func clusterSetUpWrongly() async throws {
        let servers = try await Servers.start()
        defer { Task { await servers.stop() } }
        let setup = try servers.setup(edge: "https://edge:6443\n        ca_file: /nonexistent/edge-ca.crt")
        let restart = try await setup.run(.restart, env: "prod")
        #expect(restart.text == "Kubernetes cluster edge is configured but cannot be used: cannot read the cluster CA file "
                + "/nonexistent/edge-ca.crt (ca_file of cluster edge). Nothing was sent.")
        guard case .enabled(let by) = setup.module.status(in: setup.context) else {
            Issue.record("cloud can be reached: the module is on")
            return
        }
        #expect(by.hasSuffix("cluster edge cannot be used: cannot read the cluster CA file /nonexistent/edge-ca.crt (ca_file of cluster edge)"))
    }

    @Test("no cluster reachable: off, saying what to set for each; the shipped example likewise")
    func noClusterReachable() throws {
        let setup = try Setup(try Self.configuration([:], edge: "https://edge:6443"), environment: [:])
        #expect(setup.module.status(in: setup.context) == .disabled(hint: "set backends.kubernetes.api_url and its token, or KUBECONFIG, "
                                                                    + "or run in a pod with a service account for cluster cloud; "
                                                                    + "set EDGE_TOKEN to the cluster's service-account token for cluster edge"))
        #expect(setup.executors.isEmpty)
        let example = ModuleContext(configuration: KubeHarness.configuration, environment: [:], http: TestHTTP.pool, logger: Logger(label: "two"))
        guard case .disabled(let hint) = KubernetesModule().status(in: example) else {
            Issue.record("the example without credentials must be off")
            return
        }
        #expect(hint.hasSuffix("set CHATOPS_KUBE_EDGE_TOKEN to the cluster's service-account token for cluster edge"))
    }
}
