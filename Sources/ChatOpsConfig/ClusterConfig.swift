/// One Kubernetes cluster the apps run on (`backends.kubernetes.clusters.NAME`): how to reach its
/// API server and, when given, the only namespaces the bot may touch there.
public struct ClusterConfig: Sendable, Hashable {
    public let name: String
    public let access: ClusterAccess
    /// Its own allow-list; nil means the namespaces the apps place on it.
    public let namespaces: [String]?

    public init(name: String, access: ClusterAccess = .backend, namespaces: [String]? = nil) {
        self.name = name
        self.access = access
        self.namespaces = namespaces
    }
}

/// How the bot reaches a cluster's API server. Secrets are never in the file: a token comes from
/// a file or from an environment variable the configuration names.
public enum ClusterAccess: Sendable, Hashable {
    /// The Kubernetes backend's own connection (`api_url` and its token, `KUBECONFIG` and
    /// `context`, or the in-cluster service account): usually the cluster the bot runs in.
    case backend
    /// A context of the kubeconfig (`KUBECONFIG` / `backends.kubernetes.kubeconfig`).
    case kubeconfigContext(String)
    /// An API server URL with a bearer token and, optionally, the cluster CA (a PEM file).
    case apiServer(url: String, token: ClusterToken, caFile: String?)
}

/// Where a cluster's bearer token is read from.
public enum ClusterToken: Sendable, Hashable, CustomStringConvertible {
    /// A file, read again on every call (rotated service-account tokens).
    case file(String)
    /// An environment variable, read when the bot starts.
    case environment(String)

    public var description: String {
        switch self {
        case .file(let path): return "token_file \(path)"
        case .environment(let variable): return "token_env \(variable)"
        }
    }
}
