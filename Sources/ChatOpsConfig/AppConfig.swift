/// An application in the catalog, with where it runs in each environment.
public struct AppConfig: Sendable, Hashable {
    public let name: String
    public let aliases: [String]
    /// Set when the app serves an ML model.
    public let model: ModelConfig?
    /// Per environment name (canonical): where the app lives there.
    public let environments: [String: AppEnvironment]
    /// Its CI pipeline (GitHub Actions), when it has one.
    public let pipeline: PipelineConfig?

    public init(name: String, aliases: [String] = [], model: ModelConfig? = nil, environments: [String: AppEnvironment] = [:],
                pipeline: PipelineConfig? = nil) {
        self.name = name
        self.aliases = aliases
        self.model = model
        self.environments = environments
        self.pipeline = pipeline
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
    /// Where its image tag is written for deploy, promote and the GitOps rollback.
    public let gitops: GitOpsTarget?
    public let rollback: RollbackMode
    /// The cluster it runs on (its own `cluster`, else its environment's), when clusters are defined.
    public let cluster: String?

    public init(argocdApp: String? = nil, namespace: String? = nil, deployment: String? = nil,
                labels: [String: String] = [:], model: String? = nil, gitops: GitOpsTarget? = nil,
                rollback: RollbackMode = .gitops, cluster: String? = nil) {
        self.argocdApp = argocdApp
        self.namespace = namespace
        self.deployment = deployment
        self.labels = labels
        self.model = model
        self.gitops = gitops
        self.rollback = rollback
        self.cluster = cluster
    }

    /// This placement on `cluster`.
    public func on(cluster: String) -> AppEnvironment {
        AppEnvironment(argocdApp: argocdApp, namespace: namespace, deployment: deployment, labels: labels, model: model,
                       gitops: gitops, rollback: rollback, cluster: cluster)
    }
}

/// The ML model an app serves.
public struct ModelConfig: Sendable, Hashable {
    public let name: String
    public let features: [String]
    public let classes: [String]
    public let mlflowExperiment: String?
    public let metric: String?
    /// The MLflow run drift is measured against; nil means the best of the earlier runs.
    public let baselineRun: String?

    public init(name: String, features: [String] = [], classes: [String] = [], mlflowExperiment: String? = nil, metric: String? = nil,
                baselineRun: String? = nil) {
        self.name = name
        self.features = features
        self.classes = classes
        self.mlflowExperiment = mlflowExperiment
        self.metric = metric
        self.baselineRun = baselineRun
    }
}

extension AppConfig {
    /// Its Argo CD application in `env`: `argocd_app` there, or `APP-ENV`.
    public func argocdApp(in env: String) -> String { environments[env]?.argocdApp ?? "\(name)-\(env)" }

    /// Its Kubernetes deployment in `env`: `deployment` there, or the app's name.
    public func deploymentName(in env: String) -> String { environments[env]?.deployment ?? name }
}
