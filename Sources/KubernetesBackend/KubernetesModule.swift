import ChatOpsConfig
import ChatOpsCore
import Execution

extension SettingKey {
    public static let kubeAPIURL = SettingKey("backends.kubernetes.api_url", "CHATOPS_KUBE_API_URL", kind: .url,
                                              summary: "the API server (with a token)")
    public static let kubeToken = SettingKey("backends.kubernetes.token", "CHATOPS_KUBE_TOKEN", secret: true,
                                             summary: "a service-account token for the API URL")
    public static let kubeCAFile = SettingKey("backends.kubernetes.ca_file", "CHATOPS_KUBE_CA_FILE", summary: "the cluster CA (PEM file)")
    public static let kubeconfig = SettingKey("backends.kubernetes.kubeconfig", "KUBECONFIG", summary: "a kubeconfig (instead of the API URL)")
    /// The kubeconfig context to use (default: its current-context).
    public static let kubeContext = SettingKey("backends.kubernetes.context", "CHATOPS_KUBE_CONTEXT",
                                               summary: "the kubeconfig context (default: its current-context)")
    /// The only namespaces the bot may touch (a YAML list, or comma-separated); default: those the apps name.
    public static let kubeNamespaces = SettingKey("backends.kubernetes.namespaces", "CHATOPS_KUBE_NAMESPACES", kind: .nameList,
                                                  summary: "the only namespaces the bot may touch (default: those the apps name)")
}

/// Kubernetes: logs, diagnose, scale and restart, through an API URL with a token, a kubeconfig,
/// or the in-cluster service account, only in allowed namespaces — or, with
/// `backends.kubernetes.clusters`, on the cluster each app's environment names. A broken setup
/// answers with its exact problem.
public struct KubernetesModule: BackendModule {
    public let name = "kubernetes"
    public let displayName = "Kubernetes"
    public let settings: [SettingKey] = [.kubeAPIURL, .kubeToken, .kubeCAFile, .kubeconfig, .kubeContext, .kubeNamespaces]
    public let intents: [Intent] = [.logs, .diagnose, .scale, .restart]
    let serviceAccountDirectory: String

    public init(serviceAccountDirectory: String = InClusterConfig.serviceAccountDirectory) {
        self.serviceAccountDirectory = serviceAccountDirectory
    }

    func setup(_ context: ModuleContext) -> KubernetesSetup {
        KubernetesSetup(settings: context.settings, environment: context.environment, serviceAccountDirectory: serviceAccountDirectory)
    }

    public func status(in context: ModuleContext) -> ModuleStatus {
        if !context.configuration.catalog.clusters.isEmpty { return clusterStatus(in: context) }
        do {
            guard let connection = try setup(context).connection() else {
                return .disabled(hint: KubernetesClusterSetup.backendHint)
            }
            return .enabled(by: connection.source)
        } catch {
            return .misconfigured("\(error)")
        }
    }

    public func executors(in context: ModuleContext) throws -> [(any Executor, [Intent])] {
        let configuration = context.configuration
        if !configuration.catalog.clusters.isEmpty { return clusterExecutors(in: context) }
        do {
            guard let connection = try setup(context).connection() else { return [] }
            let kube = KubernetesContext(client: try KubernetesClient.make(connection, http: context.http), catalog: configuration.catalog,
                                         namespaces: NamespaceAllowList(settings: configuration.settings, catalog: configuration.catalog),
                                         analyst: context.analyst, evidence: context.evidence)
            return kube.executors
        } catch {
            return [(KubernetesSetupFailureExecutor(problem: error), intents)]
        }
    }
}
