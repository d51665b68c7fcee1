import ChatOpsConfig
import ChatOpsCore
import Execution

/// The Kubernetes executors for a configuration, or, when its Kubernetes setup is broken,
/// executors that say what is wrong; nothing when Kubernetes is not configured at all.
public enum KubernetesExecutors {
    public static let intents: [Intent] = [.logs, .diagnose, .scale, .restart]

    public static func make(configuration: ChatOpsConfiguration, environment: [String: String],
                            serviceAccountDirectory: String = InClusterConfig.serviceAccountDirectory) -> [(any Executor, [Intent])] {
        let setup = KubernetesSetup(settings: configuration.settings, environment: environment,
                                    serviceAccountDirectory: serviceAccountDirectory)
        do {
            guard let connection = try setup.connection() else { return [] }
            let context = KubernetesContext(client: try KubernetesClient.make(connection), catalog: configuration.catalog,
                                            namespaces: NamespaceAllowList(settings: configuration.settings, catalog: configuration.catalog))
            return context.executors
        } catch {
            return [(KubernetesSetupFailureExecutor(problem: error), intents)]
        }
    }
}
