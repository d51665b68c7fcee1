import Logging
import Execution
import ChatOpsApp
import ChatOpsConfig
import ChatOpsTestSupport
import Foundation
import KubernetesBackend
import Testing

@Suite("Choosing how to reach Kubernetes: API URL, kubeconfig or in-cluster; a broken setup")
struct KubernetesSetupTests {
    let helper = KubeconfigTests()
    func connection(_ values: [String: String], secrets: [String: String] = [:], environment: [String: String] = [:],
                    directory: String = "/nonexistent") throws -> KubernetesConnection? {
        try helper.connection(values, secrets: secrets, environment: environment, directory: directory)
    }
    func problem(_ values: [String: String], secrets: [String: String] = [:]) -> String { helper.problem(values, secrets: secrets) }

    @Test("an unreadable kubeconfig, no current-context, a missing token and an unreadable CA file are setup errors")
    func setupProblems() throws {
        let dir = try TemporaryDirectory()
        let missing = dir.url.appendingPathComponent("missing.yaml").path
        #expect(problem([SettingKey.kubeconfig.path: missing]) == "the kubeconfig \(missing): no such file")
        let bare = try dir.write("bare", "clusters: []\n")
        #expect(problem([SettingKey.kubeconfig.path: bare]).hasPrefix("the kubeconfig \(bare) has no current-context; set CHATOPS_KUBE_CONTEXT"))
        #expect(problem([SettingKey.kubeAPIURL.path: "https://k8s:6443"])
                == "CHATOPS_KUBE_API_URL (backends.kubernetes.api_url) is set but there is no token: set CHATOPS_KUBE_TOKEN "
                + "(backends.kubernetes.token) (or CHATOPS_KUBE_TOKEN_FILE) to a service-account token")
        #expect(problem([SettingKey.kubeAPIURL.path: "https://k8s:6443", SettingKey.kubeCAFile.path: missing], secrets: [SettingKey.kubeToken.path: "t"])
                == "cannot read the cluster CA file \(missing) (CHATOPS_KUBE_CA_FILE (backends.kubernetes.ca_file))")
    }

    @Test("the API URL wins over a kubeconfig; nothing configured and not in a pod is nil")
    func order() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("config", KubeconfigTests.kubeconfig)
        let found = try #require(try connection([SettingKey.kubeAPIURL.path: "https://api:6443", SettingKey.kubeconfig.path: path],
                                                secrets: [SettingKey.kubeToken.path: "api-token"]))
        #expect(found.server == "https://api:6443" && found.token == .fixed("api-token"))
        #expect(try connection([:]) == nil)
    }

    @Test("in a pod: the service host and port, the mounted token (read again on every call) and CA")
    func inCluster() async throws {
        let dir = try TemporaryDirectory()
        try dir.write("token", "token-1")
        try dir.write("ca.crt", KubeconfigTests.caPEM)
        let environment = ["KUBERNETES_SERVICE_HOST": "10.96.0.1", "KUBERNETES_SERVICE_PORT": "443"]
        let found = try #require(try connection([:], environment: environment, directory: dir.path))
        #expect(found.server == "https://10.96.0.1:443")
        #expect(found.tls.certificateAuthorityPEM == Array(KubeconfigTests.caPEM.utf8))

        let fake = try await FakePlatformAPI.start { _ in .json(KubeFixtures.podList([])) }
        defer { Task { await fake.stop() } }
        let client = KubeHarness.client(fake, token: found.token)
        _ = try await client.pods(namespace: "ml-staging", selector: "app=iris-classifier")
        try dir.write("token", "token-2")
        _ = try await client.pods(namespace: "ml-staging", selector: "app=iris-classifier")
        #expect(fake.requests.map { $0.header("Authorization") } == ["Bearer token-1", "Bearer token-2"])

        let empty = try TemporaryDirectory()
        #expect(throws: KubernetesSetupError.self) { try connection([:], environment: environment, directory: empty.path) }
    }

    @Test("a broken setup registers executors that fail with the problem, instead of crashing")
    func brokenSetupAnswers() async throws {
        let environment = ["KUBECONFIG": "/nonexistent/kubeconfig"]
        let configuration = try ConfigurationLoader(environment: environment, settings: ChatOpsModules.standard.settings)
            .load(path: RepositoryPaths.exampleConfig)
        let module = KubernetesModule()
        let context = ModuleContext(configuration: configuration, environment: environment, http: TestHTTP.pool, logger: Logger(label: "t"))
        #expect(module.status(in: context) == .misconfigured("the kubeconfig /nonexistent/kubeconfig: no such file"))
        let executors = try module.executors(in: context)
        #expect(executors.count == 1)
        let (executor, intents) = try #require(executors.first)
        #expect(intents == [.logs, .diagnose, .scale, .restart])
        let result = await executor.execute(KubeHarness.input(.logs), progress: NoProgress())
        #expect(!result.isSuccess)
        #expect(result.text == "Kubernetes is configured but cannot be used: the kubeconfig /nonexistent/kubeconfig: no such file. Nothing was sent.")
        let unconfigured = ModuleContext(configuration: KubeHarness.configuration, environment: [:], http: TestHTTP.pool,
                                         logger: Logger(label: "t"))
        #expect(try module.executors(in: unconfigured).isEmpty)
        if case .disabled = module.status(in: unconfigured) {} else { Issue.record("Kubernetes without settings must be off") }
    }
}

@Suite("Credentials never print")
struct CredentialPrintingTests {
    @Test("a connection described or dumped shows neither the token nor the key")
    func redacted() {
        let tls = KubeTLS(certificateAuthorityPEM: Array(KubeconfigTests.caPEM.utf8), clientCertificatePEM: Array(KubeconfigTests.certPEM.utf8),
                          clientKeyPEM: Array(KubeconfigTests.keyPEM.utf8))
        let connection = KubernetesConnection(server: "https://k8s:6443", token: .fixed("s3cr3t-token"), tls: tls, source: "test")
        for text in ["\(connection)", String(reflecting: connection), "\(connection.token)", "\(tls)"] {
            #expect(!text.contains("s3cr3t-token"))
            #expect(!text.contains("MHcCAQEE") && !text.contains("77, 72"))
        }
        #expect("\(tls)" == "cluster CA, client certificate")
    }
}
