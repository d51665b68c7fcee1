import ChatOpsConfig
import ChatOpsCore
import Execution
import Foundation

/// What every Kubernetes executor works with: where each app's environment runs (one connection,
/// or the cluster its environment names) with the namespaces allowed there, the catalog that says
/// where apps run, and the clock (ages, `restartedAt`).
public struct KubernetesContext: Sendable {
    /// The one connection of a setup without clusters: every app and environment goes there.
    public let single: KubeCluster?
    /// The clusters by name, when `backends.kubernetes.clusters` defines them.
    public let clusters: [String: KubeCluster]
    public let catalog: Catalog
    /// Adds a root-cause analysis to `diagnose` when a language model is configured.
    public let analyst: (any Analyst)?
    /// What other modules know about the app (Argo CD's state, the recent changes): `diagnose`
    /// shows it and the analysis reads it.
    public let evidence: [any EvidenceSource]
    let now: @Sendable () -> Date

    /// One API server for everything.
    public init(client: KubernetesClient, catalog: Catalog, namespaces: NamespaceAllowList, analyst: (any Analyst)? = nil,
                evidence: [any EvidenceSource] = [], now: @escaping @Sendable () -> Date = { Date() }) {
        self.init(single: KubeCluster(name: nil, access: .success(client), namespaces: namespaces), clusters: [], catalog: catalog,
                  analyst: analyst, evidence: evidence, now: now)
    }

    /// Each app's environment on the cluster it names.
    public init(clusters: [KubeCluster], catalog: Catalog, analyst: (any Analyst)? = nil, evidence: [any EvidenceSource] = [],
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.init(single: nil, clusters: clusters, catalog: catalog, analyst: analyst, evidence: evidence, now: now)
    }

    init(single: KubeCluster?, clusters: [KubeCluster], catalog: Catalog, analyst: (any Analyst)?, evidence: [any EvidenceSource],
         now: @escaping @Sendable () -> Date) {
        self.single = single
        self.clusters = Dictionary(clusters.compactMap { cluster in cluster.name.map { ($0, cluster) } }, uniquingKeysWith: { first, _ in first })
        self.catalog = catalog
        self.analyst = analyst
        self.evidence = evidence
        self.now = now
    }

    /// The executors of the Kubernetes intents on this context.
    public var executors: [(any Executor, [Intent])] {
        [(KubernetesLogsExecutor(context: self), [.logs]), (KubernetesDiagnoseExecutor(context: self), [.diagnose]),
         (KubernetesScaleExecutor(context: self), [.scale]), (KubernetesRestartExecutor(context: self), [.restart])]
    }
}
