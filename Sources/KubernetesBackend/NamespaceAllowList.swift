import ChatOpsConfig

/// The only namespaces the bot may read or change: `backends.kubernetes.namespaces`
/// (CHATOPS_KUBE_NAMESPACES), or when that is empty the namespaces the catalog's apps name.
/// Anything else is refused before a call is made.
public struct NamespaceAllowList: Sendable, Hashable {
    public let namespaces: Set<String>
    /// Where the list comes from, for the refusal message.
    let source: String

    public init(_ namespaces: [String], source: String) {
        self.namespaces = Set(namespaces)
        self.source = source
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

    public func allows(_ namespace: String) -> Bool { namespaces.contains(namespace) }

    func refusal(_ namespace: String) -> String {
        "namespace \(namespace) is not one the bot may touch (allowed: \(namespaces.sorted().joined(separator: ", ")), "
            + "from \(source)); nothing was sent to Kubernetes"
    }
}
