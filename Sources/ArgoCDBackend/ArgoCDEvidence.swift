import ChatOpsConfig
import Execution

/// The app's Argo CD application in an environment, for a diagnosis: sync and health (with
/// health's message), the images running, the last operation, and the last syncs (revision and
/// when), newest first — a recent sync is the usual suspect.
public struct ArgoCDEvidence: EvidenceSource {
    let client: ArgoCDClient
    let catalog: Catalog
    /// How many past syncs to list.
    let historyCount: Int

    public init(client: ArgoCDClient, catalog: Catalog, historyCount: Int = 3) {
        self.client = client
        self.catalog = catalog
        self.historyCount = historyCount
    }

    public let title = "Argo CD"

    public func evidence(app: String, environment: String) async -> [String] {
        guard let config = catalog.app(named: app), config.environments[environment] != nil else { return [] }
        let name = config.argocdApp(in: environment)
        let application: ArgoApplication
        do { application = try await client.application(name) } catch {
            return ["Argo CD application \(name) could not be read: \(error)"]
        }
        let line = StatusLine(app: app, env: environment, application: application)
        var lines = ["\(line.summary) (Argo CD application \(name))"]
        if let message = application.status?.health?.message, !message.isEmpty { lines.append("Health: \(message)") }
        if let images = application.status?.summary?.images, !images.isEmpty { lines.append("Images: \(images.joined(separator: ", "))") }
        if let operation = application.status?.operationState, let phase = operation.phase {
            let when = operation.finishedAt ?? operation.startedAt
            lines.append("Last operation: \(phase)" + (when.map { " at \($0)" } ?? "")
                         + (operation.message.map { ": \($0)" } ?? ""))
        }
        let history = (application.status?.history ?? []).suffix(historyCount).reversed()
        for deployment in history {
            let revision = deployment.revision.map { String($0.prefix(7)) } ?? "unknown revision"
            lines.append("Synced `\(revision)`" + (deployment.deployedAt.map { " at \($0)" } ?? "")
                         + (deployment.id.map { " (history id \($0))" } ?? ""))
        }
        return lines
    }
}
