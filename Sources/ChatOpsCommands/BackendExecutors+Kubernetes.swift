import ChatOpsConfig
import Execution
import Foundation
import KubernetesBackend

extension BackendExecutors {
    /// Logs, diagnose, scale and restart on Kubernetes when an API URL, a kubeconfig or the
    /// in-cluster service account is there; a broken setup answers with its problem.
    static func registerKubernetes(into registry: inout ExecutorRegistry, configuration: ChatOpsConfiguration,
                                   environment: [String: String] = ProcessInfo.processInfo.environment) {
        for (executor, intents) in KubernetesExecutors.make(configuration: configuration, environment: environment) {
            registry.register(executor, for: intents)
        }
    }
}
