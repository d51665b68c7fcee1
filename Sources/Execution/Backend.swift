import ChatOpsConfig
import ChatOpsCore

/// An external system the bot acts on, and the setting that turns it on.
public enum Backend: String, Sendable, CaseIterable, Hashable {
    case argocd, kubernetes, githubActions, inference, mlflow, alertmanager

    public var displayName: String {
        switch self {
        case .argocd: return "Argo CD"
        case .kubernetes: return "Kubernetes"
        case .githubActions: return "The CI pipeline (GitHub Actions)"
        case .inference: return "The model server (Open Inference Protocol)"
        case .mlflow: return "MLflow"
        case .alertmanager: return "Alertmanager"
        }
    }

    /// The setting whose presence means "configured".
    public var key: SettingKey {
        switch self {
        case .argocd: return .argocdURL
        case .kubernetes: return .kubeAPIURL
        case .githubActions: return .githubToken
        case .inference: return .inferenceURL
        case .mlflow: return .mlflowURL
        case .alertmanager: return .alertmanagerURL
        }
    }

    /// The backend an intent needs; nil for what the bot does itself.
    public static func needed(by intent: Intent) -> Backend? {
        switch intent {
        case .deploy, .promote, .rollback, .sync, .status: return .argocd
        case .scale, .restart, .logs, .diagnose: return .kubernetes
        case .pipeline, .triage, .retrain: return .githubActions
        case .predict: return .inference
        case .drift: return .mlflow
        case .incidents: return .alertmanager
        case .approve, .deny, .freeze, .unfreeze, .help: return nil
        }
    }

    public func isConfigured(in settings: Settings) -> Bool {
        if self == .kubernetes, settings.isSet(.kubeconfig) { return true }
        return settings.isSet(key)
    }
}
