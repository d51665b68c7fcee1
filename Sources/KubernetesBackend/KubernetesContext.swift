import ChatOpsConfig
import ChatOpsCore
import Execution
import Foundation

/// What every Kubernetes executor works with: the client, the catalog that says where apps run,
/// the namespaces it may touch, and the clock (ages, `restartedAt`).
public struct KubernetesContext: Sendable {
    public let client: KubernetesClient
    public let catalog: Catalog
    public let namespaces: NamespaceAllowList
    /// Adds a root-cause analysis to `diagnose` when a language model is configured.
    public let analyst: (any Analyst)?
    /// What other modules know about the app (Argo CD's state, the recent changes): `diagnose`
    /// shows it and the analysis reads it.
    public let evidence: [any EvidenceSource]
    let now: @Sendable () -> Date

    public init(client: KubernetesClient, catalog: Catalog, namespaces: NamespaceAllowList, analyst: (any Analyst)? = nil,
                evidence: [any EvidenceSource] = [], now: @escaping @Sendable () -> Date = { Date() }) {
        self.client = client
        self.catalog = catalog
        self.namespaces = namespaces
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
