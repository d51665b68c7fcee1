import ChatOpsConfig
import ChatOpsCore
import Execution

/// With `backends.kubernetes.clusters`: each cluster is reached on its own, and the module is on
/// as soon as one of them can be reached; commands for apps on the others answer with what to set
/// or fix. When none can be reached, it is off or misconfigured as a single connection would be.
extension KubernetesModule {
    func clusterSetup(_ context: ModuleContext) -> KubernetesClusterSetup {
        KubernetesClusterSetup(backend: setup(context), settings: context.configuration.settings, environment: context.environment)
    }

    /// Which clusters can be reached, what the others need, and what is wrong.
    struct ClusterSurvey {
        var ready: [String] = []
        var notes: [String] = []
        var hints: [String] = []
        /// A broken backend connection in its own words (it is the backend's settings that are
        /// wrong); another cluster's problem with its name.
        var problems: [String] = []
    }

    func survey(_ context: ModuleContext) -> ClusterSurvey {
        let setup = clusterSetup(context)
        var survey = ClusterSurvey()
        for cluster in context.configuration.catalog.clusters {
            switch setup.connection(cluster) {
            case .success(let connection):
                survey.ready.append("cluster \(cluster.name) (\(connection.source))")
            case .failure(let unavailable):
                survey.notes.append(unavailable.note(cluster: cluster.name))
                switch unavailable {
                case .notConfigured(let hint): survey.hints.append("\(hint) for cluster \(cluster.name)")
                case .unusable(let problem): survey.problems.append(cluster.access == .backend ? "\(problem)" : "cluster \(cluster.name): \(problem)")
                }
            }
        }
        return survey
    }

    func clusterStatus(in context: ModuleContext) -> ModuleStatus {
        let survey = survey(context)
        if !survey.ready.isEmpty { return .enabled(by: (survey.ready + survey.notes).joined(separator: "; ")) }
        return survey.problems.isEmpty ? .disabled(hint: survey.hints.joined(separator: "; ")) : .misconfigured(survey.problems.joined(separator: "; "))
    }

    func clusterExecutors(in context: ModuleContext) -> [(any Executor, [Intent])] {
        let survey = survey(context)
        guard !survey.ready.isEmpty else {
            guard !survey.problems.isEmpty else { return [] }
            return [(KubernetesSetupFailureExecutor(problem: KubernetesSetupError(survey.problems.joined(separator: "; "))), intents)]
        }
        let configuration = context.configuration
        let setup = clusterSetup(context)
        let clusters = configuration.catalog.clusters.map { cluster in
            KubeCluster(name: cluster.name, access: client(setup.connection(cluster), context),
                        namespaces: NamespaceAllowList(cluster: cluster, settings: configuration.settings, catalog: configuration.catalog))
        }
        return KubernetesContext(clusters: clusters, catalog: configuration.catalog, analyst: context.analyst, evidence: context.evidence)
            .executors
    }

    func client(_ connection: Result<KubernetesConnection, ClusterUnavailable>, _ context: ModuleContext)
        -> Result<KubernetesClient, ClusterUnavailable> {
        switch connection {
        case .failure(let unavailable): return .failure(unavailable)
        case .success(let connection):
            do { return .success(try KubernetesClient.make(connection, http: context.http)) } catch { return .failure(.unusable(error)) }
        }
    }
}
