import ChatOpsApp
import ChatOpsConfig
import ChatOpsTestSupport
import Testing
import YAMLSupport

private typealias C = ClusterConfigTests

@Suite("Clusters: backends.kubernetes.clusters, and the cluster each environment and app runs on")
struct ClusterConfigTests {
    static let clusters = """
        backends:
          kubernetes:
            clusters:
              cloud: {}
              edge:
                api_url: https://edge.k3d.internal:6443
                token_env: EDGE_TOKEN
                ca_file: /etc/chatops/edge/ca.crt
                namespaces: [ml-edge]
              lab:
                context: k3d-lab
        """

    static let environments = """
        environments:
          - name: dev
            cluster: lab
          - name: prod
            cluster: cloud
        """

    static let apps = """
        apps:
          - name: iris-classifier
            environments:
              dev: {namespace: ml-dev}
              prod: {namespace: ml-prod}
          - name: payments-api
            environments:
              dev: {namespace: payments-dev}
              prod: {namespace: ml-edge, cluster: edge}
        """

    func load(_ text: String) throws -> ChatOpsConfiguration {
        try ConfigurationLoader(environment: [:], settings: ChatOpsModules.standard.settings).parse(text: text, file: "c.yaml")
    }

    func error(_ text: String) -> YAMLError? {
        do { _ = try load(text); return nil } catch { return error as? YAMLError }
    }

    @Test("each shape of connection, an environment's cluster for its apps, and an app's own cluster over it")
    func parsesClustersAndPlacements() throws {
        let catalog = try load([Self.environments, Self.apps, Self.clusters].joined(separator: "\n")).catalog
        #expect(catalog.clusters == [
            ClusterConfig(name: "cloud"),
            ClusterConfig(name: "edge", access: .apiServer(url: "https://edge.k3d.internal:6443", token: .environment("EDGE_TOKEN"),
                                                           caFile: "/etc/chatops/edge/ca.crt"), namespaces: ["ml-edge"]),
            ClusterConfig(name: "lab", access: .kubeconfigContext("k3d-lab")),
        ])
        #expect(catalog.environment(named: "dev")?.cluster == "lab")
        let iris = try #require(catalog.app(named: "iris-classifier"))
        let payments = try #require(catalog.app(named: "payments-api"))
        #expect(catalog.cluster(of: iris, in: "dev")?.name == "lab")
        #expect(catalog.cluster(of: iris, in: "prod")?.name == "cloud")
        #expect(catalog.cluster(of: payments, in: "dev")?.name == "lab")
        #expect(catalog.cluster(of: payments, in: "prod")?.name == "edge")
    }

    @Test("a token from a file; a cluster with nothing uses the backend's own connection; one cluster is everyone's")
    func tokenFileAndTheOnlyCluster() throws {
        let text = """
            environments:
              - name: dev
            apps:
              - name: iris-classifier
                environments:
                  dev: {namespace: ml-dev}
            backends:
              kubernetes:
                clusters:
                  edge:
                    api_url: http://127.0.0.1:6443
                    token_file: /run/secrets/edge-token
            """
        let catalog = try load(text).catalog
        #expect(catalog.clusters == [ClusterConfig(name: "edge", access: .apiServer(url: "http://127.0.0.1:6443", token: .file("/run/secrets/edge-token"),
                                                                                     caFile: nil))])
        #expect(catalog.app(named: "iris-classifier")?.environments["dev"]?.cluster == "edge")
        let bare = try load(text.components(separatedBy: "      edge:")[0] + "      home:\n")
        #expect(bare.catalog.clusters == [ClusterConfig(name: "home", access: .backend)])
        #expect(bare.catalog.app(named: "iris-classifier")?.environments["dev"]?.cluster == "home")
    }

    @Test("without clusters nothing names one, as before")
    func withoutClusters() throws {
        let apps = Self.apps.replacingOccurrences(of: ", cluster: edge", with: "")
        let catalog = try load("environments:\n  - name: dev\n  - name: prod\n" + apps).catalog
        #expect(catalog.clusters.isEmpty)
        #expect(catalog.apps.allSatisfy { $0.environments.values.allSatisfy { $0.cluster == nil } })
        #expect(catalog.environments.allSatisfy { $0.cluster == nil })
    }

    @Test("the shipped example has the platform's two clusters; payments-api's dev runs on edge")
    func example() throws {
        let configuration = try ConfigurationLoader(environment: [:], settings: ChatOpsModules.standard.settings).load(path: RepositoryPaths.exampleConfig)
        let catalog = configuration.catalog
        #expect(catalog.clusters.map(\.name) == ["cloud", "edge"])
        #expect(catalog.cluster(named: "cloud")?.access == .backend)
        guard case .apiServer(_, let token, _)? = catalog.cluster(named: "edge")?.access else {
            Issue.record("edge is reached by an API URL")
            return
        }
        #expect(token == .environment("CHATOPS_KUBE_EDGE_TOKEN"))
        #expect(catalog.environments.map(\.cluster) == ["cloud", "cloud", "cloud"])
        let payments = try #require(catalog.app(named: "payments"))
        let iris = try #require(catalog.app(named: "iris"))
        #expect(catalog.cluster(of: payments, in: "dev")?.name == "edge")
        #expect(catalog.cluster(of: payments, in: "prod")?.name == "cloud")
        #expect(catalog.cluster(of: iris, in: "dev")?.name == "cloud")
    }

    /// A configuration with one mistake, and what its error must say.
    struct Mistake: Sendable, CustomTestStringConvertible {
        let text: String
        let expected: String
        var testDescription: String { expected }

        init(environments: String = C.environments, apps: String = C.apps, clusters: String = C.clusters, _ expected: String) {
            text = [environments, apps, clusters].joined(separator: "\n")
            self.expected = expected
        }

        /// The clusters with `old` replaced by `new`.
        init(clusters old: String, _ new: String, _ expected: String) {
            self.init(clusters: C.clusters.replacingOccurrences(of: old, with: new), expected)
        }
    }

    static let mistakes: [Mistake] = [
        Mistake(environments: C.environments.replacingOccurrences(of: "cluster: lab", with: "cluster: moon"),
                "unknown cluster 'moon'; backends.kubernetes.clusters defines: cloud, edge, lab"),
        Mistake(apps: C.apps.replacingOccurrences(of: "cluster: edge", with: "cluster: mars"),
                "unknown cluster 'mars'; backends.kubernetes.clusters defines: cloud, edge, lab"),
        Mistake(clusters: "", "cluster 'lab' is not defined: backends.kubernetes.clusters defines no cluster; add it there"),
        Mistake(environments: "environments:\n  - name: dev\n  - name: prod\n",
                "iris-classifier in dev runs on no cluster: set cluster on environment dev (environments:) or here"),
        Mistake(clusters: "token_env: EDGE_TOKEN", "token: abc123", "a token never goes in the configuration file: set token_env"),
        Mistake(clusters: "token_env: EDGE_TOKEN", "token_env: abc.def-123", "'abc.def-123' is not an environment variable name"),
        Mistake(clusters: "token_env: EDGE_TOKEN", "token_env: EDGE_TOKEN\n        token_file: /t",
                "cluster 'edge' has both token_env and token_file; give one"),
        Mistake(clusters: "token_env: EDGE_TOKEN", "", "cluster 'edge' has an api_url but no token: set token_env"),
        Mistake(clusters: "https://edge.k3d.internal:6443", "edge:6443", "'edge:6443' is not an http(s) URL"),
        Mistake(clusters: "context: k3d-lab", "context: k3d-lab\n        api_url: https://x", "cluster 'lab' has both context and api_url"),
        Mistake(clusters: "context: k3d-lab", "context: k3d-lab\n        ca_file: /ca.crt",
                "ca_file goes with api_url; a context takes the server, CA and credentials from the kubeconfig"),
        Mistake(clusters: "cloud: {}", "cloud: {ca_file: /ca.crt}", "ca_file needs api_url"),
        Mistake(clusters: "[ml-edge]", "[ML_Edge]", "namespace 'ML_Edge' is not a valid Kubernetes name"),
        Mistake(clusters: "[ml-edge]", "[]", "an empty list allows nothing"),
        Mistake(clusters: "context: k3d-lab", "contxt: k3d-lab", "unknown key 'contxt' (did you mean 'context'?)"),
        Mistake(clusters: "context: k3d-lab", "namespaces: [ml-dev]", "clusters cloud, lab all use the backend's own connection"),
        Mistake(clusters: "lab:", "Lab_1:", "cluster name 'Lab_1' must be lower-case letters"),
        Mistake(environments: "environments:\n  - name: dev\n", apps: "", clusters: "backends:\n  kubernetes:\n    clusters: {}\n",
                "no cluster is defined"),
    ]

    @Test("mistakes are load errors that say what to write", arguments: mistakes)
    func errors(mistake: Mistake) throws {
        let problem = try #require(error(mistake.text), "expected: \(mistake.expected)")
        #expect(problem.message.contains(mistake.expected), "\(problem)")
        #expect(problem.line != nil, "\(problem) names its line")
    }
}
