import ChatOpsConfig

/// The only namespaces the bot may read or change: `backends.kubernetes.namespaces`
/// (CHATOPS_KUBE_NAMESPACES), or when that is empty the namespaces the catalog's apps name.
/// Anything else is refused before a call is made. With clusters, each has its own list.
public struct NamespaceAllowList: Sendable, Hashable {
    public let namespaces: Set<String>
    /// Where the list comes from, for the refusal message.
    let source: String
    /// Where it applies (`on cluster edge`); nil for the single connection.
    let scope: String?

    public init(_ namespaces: [String], source: String, scope: String? = nil) {
        self.namespaces = Set(namespaces)
        self.source = source
        self.scope = scope
    }

    public init(settings: Settings, catalog: Catalog) {
        let configured = settings.list(.kubeNamespaces)
        if configured.isEmpty {
            let named = catalog.apps.flatMap { $0.environments.values.compactMap(\.namespace) }
            self.init(named, source: "the namespaces the apps name (set \(SettingKey.kubeNamespaces.path) to choose)")
        } else {
            self.init(configured, source: "\(SettingKey.kubeNamespaces.path) / \(SettingKey.kubeNamespaces.variable)")
        }
    }

    /// A cluster's list: its own `namespaces`, else the namespaces the apps place on it — within
    /// `backends.kubernetes.namespaces` when that is set, so a namespace of one cluster is never
    /// allowed on another by accident.
    public init(cluster: ClusterConfig, settings: Settings, catalog: Catalog) {
        let placed = catalog.apps.flatMap { app in app.environments.values.filter { $0.cluster == cluster.name }.compactMap(\.namespace) }
        var names = cluster.namespaces ?? placed
        var source = cluster.namespaces == nil ? "the namespaces the apps place on cluster \(cluster.name)"
                                                : "\(ClusterKeys.path(cluster.name)).namespaces"
        let bound = settings.list(.kubeNamespaces)
        if !bound.isEmpty {
            names = names.filter(bound.contains)
            source += ", within \(SettingKey.kubeNamespaces.path)"
        }
        self.init(names, source: source, scope: "on cluster \(cluster.name)")
    }

    public func allows(_ namespace: String) -> Bool { namespaces.contains(namespace) }

    func refusal(_ namespace: String) -> String {
        let allowed = namespaces.isEmpty ? "none" : namespaces.sorted().joined(separator: ", ")
        return "namespace \(namespace) is not one the bot may touch" + (scope.map { " \($0)" } ?? "")
            + " (allowed\(scope == nil ? "" : " there"): \(allowed), from \(source)); nothing was sent to Kubernetes"
    }
}

/// Where a cluster's keys are, for messages.
enum ClusterKeys {
    static func path(_ cluster: String) -> String { "backends.kubernetes.clusters.\(cluster)" }
}
