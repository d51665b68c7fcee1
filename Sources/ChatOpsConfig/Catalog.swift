/// Name resolution over the configured environments and apps: aliases, case, and the lists
/// that error messages show ("known: dev, staging, prod").
public struct Catalog: Sendable, Hashable {
    public let environments: [EnvironmentConfig]
    public let apps: [AppConfig]
    /// The Kubernetes clusters apps run on (`backends.kubernetes.clusters`); empty: one connection for all.
    public let clusters: [ClusterConfig]

    public init(environments: [EnvironmentConfig], apps: [AppConfig], clusters: [ClusterConfig] = []) {
        self.environments = environments
        self.apps = apps
        self.clusters = clusters
    }

    /// The environment a name or alias refers to (case-insensitive).
    public func environment(named name: String) -> EnvironmentConfig? {
        let key = name.lowercased()
        return environments.first { $0.name == key || $0.aliases.contains(key) }
    }

    public func app(named name: String) -> AppConfig? {
        let key = name.lowercased()
        return apps.first { $0.name == key || $0.aliases.contains(key) }
    }

    /// An app that serves a model, by app name, alias or model name.
    public func model(named name: String) -> AppConfig? {
        let key = name.lowercased()
        return apps.first { app in
            guard let model = app.model else { return false }
            return app.name == key || app.aliases.contains(key) || model.name == key
        }
    }

    /// The environment before `name` in promotion order (`prod` → `staging`).
    public func environment(before name: String) -> EnvironmentConfig? {
        guard let i = environments.firstIndex(where: { $0.name == name }), i > 0 else { return nil }
        return environments[i - 1]
    }

    public func cluster(named name: String) -> ClusterConfig? {
        clusters.first { $0.name == name }
    }

    /// The cluster `app` runs on in `env`, when clusters are defined.
    public func cluster(of app: AppConfig, in env: String) -> ClusterConfig? {
        app.environments[env]?.cluster.flatMap(cluster(named:))
    }

    public var environmentNames: [String] { environments.map(\.name) }
    public var appNames: [String] { apps.map(\.name) }
    public var modelNames: [String] { apps.filter { $0.model != nil }.map(\.name) }
}
