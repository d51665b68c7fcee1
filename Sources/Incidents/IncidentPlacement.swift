import Approvals
import ChatOpsConfig

/// The catalog app and environment an incident's alerts are about, from their labels: the
/// namespace must be one the configuration places the app in, and the pod (named after the
/// deployment), the deployment, or the `app` label must name it. Nothing is guessed: alerts about
/// something the configuration does not know get no evidence.
public struct IncidentPlacement: Sendable, Hashable {
    public let app: String
    public let env: String

    public static func locate(_ incident: IncidentRecord, in catalog: Catalog) -> IncidentPlacement? {
        for alert in incident.firing + incident.alerts.filter({ !$0.isFiring }) {
            if let found = locate(alert.labels, in: catalog) { return found }
        }
        return nil
    }

    static func locate(_ labels: [String: String], in catalog: Catalog) -> IncidentPlacement? {
        guard let namespace = labels["namespace"] else { return nil }
        for app in catalog.apps {
            for env in catalog.environmentNames {
                guard let placement = app.environments[env], placement.namespace == namespace else { continue }
                let deployment = placement.deployment ?? app.name
                let names: [String] = ["deployment", "app", "app_kubernetes_io_name", "service"].compactMap { labels[$0] }
                let named = names.contains(deployment) || names.contains(app.name)
                let pod = labels["pod"].map { $0.hasPrefix(deployment + "-") } ?? false
                if named || pod { return IncidentPlacement(app: app.name, env: env) }
            }
        }
        return nil
    }
}
