/// One API server the executors reach, with the namespaces they may touch there. A cluster that
/// is not set up, or cannot be used, keeps its place: commands for apps on it say what to do.
public struct KubeCluster: Sendable {
    /// Its name in `backends.kubernetes.clusters`; nil for the single connection of a setup without clusters.
    public let name: String?
    public let access: Result<KubernetesClient, ClusterUnavailable>
    public let namespaces: NamespaceAllowList

    public init(name: String?, access: Result<KubernetesClient, ClusterUnavailable>, namespaces: NamespaceAllowList) {
        self.name = name
        self.access = access
        self.namespaces = namespaces
    }
}

/// Why a cluster cannot be reached: nothing is set for it yet, or what is set cannot be used.
public enum ClusterUnavailable: Error, Sendable, Hashable {
    /// What to set.
    case notConfigured(hint: String)
    /// The exact problem (an unreadable CA file, a kubeconfig without the context).
    case unusable(KubernetesSetupError)

    /// The answer to a command for an app on `cluster`.
    func refusal(cluster: String) -> String {
        switch self {
        case .notConfigured(let hint): return "Kubernetes cluster \(cluster) is not configured (\(hint)); nothing was sent."
        case .unusable(let problem): return "Kubernetes cluster \(cluster) is configured but cannot be used: \(problem). Nothing was sent."
        }
    }

    /// For `config check`: `cluster edge not configured (set …)`.
    func note(cluster: String) -> String {
        switch self {
        case .notConfigured(let hint): return "cluster \(cluster) not configured (\(hint))"
        case .unusable(let problem): return "cluster \(cluster) cannot be used: \(problem)"
        }
    }
}
