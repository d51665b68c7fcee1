/// An application in the catalog, with where it runs in each environment.
public struct AppConfig: Sendable, Hashable {
    public let name: String
    public let aliases: [String]
    /// Set when the app serves an ML model.
    public let model: ModelConfig?
    /// Per environment name (canonical): where the app lives there.
    public let environments: [String: AppEnvironment]

    public init(name: String, aliases: [String] = [], model: ModelConfig? = nil, environments: [String: AppEnvironment] = [:]) {
        self.name = name
        self.aliases = aliases
        self.model = model
        self.environments = environments
    }
}

/// Where an app lives in one environment.
public struct AppEnvironment: Sendable, Hashable {
    public let argocdApp: String?
    public let namespace: String?
    public let deployment: String?
    public let labels: [String: String]
    /// Model name served there, when it differs from the app's model name.
    public let model: String?

    public init(argocdApp: String? = nil, namespace: String? = nil, deployment: String? = nil,
                labels: [String: String] = [:], model: String? = nil) {
        self.argocdApp = argocdApp
        self.namespace = namespace
        self.deployment = deployment
        self.labels = labels
        self.model = model
    }
}

/// The ML model an app serves.
public struct ModelConfig: Sendable, Hashable {
    public let name: String
    public let features: [String]
    public let classes: [String]
    public let mlflowExperiment: String?
    public let metric: String?

    public init(name: String, features: [String] = [], classes: [String] = [], mlflowExperiment: String? = nil, metric: String? = nil) {
        self.name = name
        self.features = features
        self.classes = classes
        self.mlflowExperiment = mlflowExperiment
        self.metric = metric
    }
}
