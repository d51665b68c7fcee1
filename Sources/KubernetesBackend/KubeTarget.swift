import ChatOpsConfig
import Execution

/// The deployment a command is about: its namespace, name and pod label selector in one environment.
struct KubeTarget: Sendable {
    let app: String
    let env: String
    let namespace: String
    let deployment: String
    /// `app=iris-classifier` (labels sorted by key); `app=NAME` when the configuration sets none.
    let selector: String
    /// The cluster it runs on, when clusters are configured.
    let cluster: String?
    /// The API server of that cluster.
    let client: KubernetesClient

    /// `iris-classifier in staging (ml-staging/iris-classifier)`.
    var summary: String { "\(app) in \(env) (\(namespace)/\(deployment))" }
}

/// Why a command got no answer from Kubernetes: refused before anything was sent, or the error
/// the API server's answer became. `text` says what failed and what to do.
public struct KubernetesRefusal: Error, Sendable, Hashable {
    public let text: String
    init(_ text: String) { self.text = text }
}

extension KubernetesContext {
    /// The app and environment named by the command, checked against the catalog, Kubernetes'
    /// naming rules, and the cluster it runs on with that cluster's namespace allow-list. The
    /// environment is never guessed.
    func target(_ input: ExecutionInput) -> Result<KubeTarget, KubernetesRefusal> {
        guard let name = input.string("app"), let app = catalog.app(named: name) else {
            return .failure(KubernetesRefusal("Say which app: one of \(catalog.appNames.joined(separator: ", "))."))
        }
        let envs = catalog.environmentNames.filter { app.environments[$0] != nil }
        guard let env = input.string("env") else {
            return .failure(KubernetesRefusal("Say which environment for \(input.intent.rawValue) of \(app.name): it runs in \(envs.joined(separator: ", "))."))
        }
        guard let place = app.environments[env] else {
            return .failure(KubernetesRefusal("\(app.name) does not run in \(env) (it runs in \(envs.joined(separator: ", ")))."))
        }
        guard let namespace = place.namespace else {
            return .failure(KubernetesRefusal("No namespace is configured for \(app.name) in \(env) (set apps[].environments.\(env).namespace)."))
        }
        let deployment = app.deploymentName(in: env)
        for (what, value) in [("namespace", namespace), ("deployment", deployment)] where !KubeName.isValid(value) {
            return .failure(KubernetesRefusal("The \(what) '\(value)' configured for \(app.name) in \(env) is not a valid Kubernetes name."))
        }
        let cluster: KubeCluster
        switch self.cluster(of: place, app: app.name, env: env) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let found): cluster = found
        }
        guard cluster.namespaces.allows(namespace) else {
            return .failure(KubernetesRefusal("Refused: \(cluster.namespaces.refusal(namespace))."))
        }
        let client: KubernetesClient
        switch cluster.access {
        case .failure(let unavailable): return .failure(KubernetesRefusal(unavailable.refusal(cluster: cluster.name ?? "?")))
        case .success(let ready): client = ready
        }
        let labels = place.labels.isEmpty ? ["app": app.name] : place.labels
        let selector = labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        return .success(KubeTarget(app: app.name, env: env, namespace: namespace, deployment: deployment, selector: selector,
                                   cluster: cluster.name, client: client))
    }

    /// The one connection, or the cluster the placement names.
    func cluster(of place: AppEnvironment, app: String, env: String) -> Result<KubeCluster, KubernetesRefusal> {
        if let single { return .success(single) }
        guard let name = place.cluster else {
            return .failure(KubernetesRefusal("\(app) in \(env) runs on no cluster: set cluster on environment \(env), "
                                              + "or on apps[].environments.\(env) (clusters: \(clusters.keys.sorted().joined(separator: ", ")))."))
        }
        guard let cluster = clusters[name] else {
            return .failure(KubernetesRefusal("\(app) in \(env) runs on cluster \(name), which backends.kubernetes.clusters does not define "
                                              + "(it defines \(clusters.keys.sorted().joined(separator: ", ")))."))
        }
        return .success(cluster)
    }
}

extension KubernetesContext {
    /// The plan for a command's target, or the refusal `execute` would answer with.
    func plan(_ input: ExecutionInput, _ calls: (KubeTarget) -> [String]) -> [String] {
        switch target(input) {
        case .failure(let refusal): return ["refuse: \(refusal.text)"]
        case .success(let target): return calls(target)
        }
    }

    /// Runs `work` on the command's target, or fails with why there is none; nothing is sent then.
    func run(_ input: ExecutionInput, _ work: (KubeTarget) async -> ExecutionResult) async -> ExecutionResult {
        switch target(input) {
        case .failure(let refusal): return .failed(refusal.text)
        case .success(let target): return await work(target)
        }
    }
}
