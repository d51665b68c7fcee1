/// One deployment environment and the names people use for it.
public struct EnvironmentConfig: Sendable, Hashable {
    public let name: String
    public let aliases: [String]
    /// Protected environments (prod) get the strictest policy defaults.
    public let isProtected: Bool
    /// The cluster its apps run on unless a placement says otherwise (`backends.kubernetes.clusters`).
    public let cluster: String?

    public init(name: String, aliases: [String] = [], isProtected: Bool = false, cluster: String? = nil) {
        self.name = name
        self.aliases = aliases
        self.isProtected = isProtected
        self.cluster = cluster
    }
}
