import ReplyModel

/// One application's state as a compact line (`iris-classifier in prod: Synced, Healthy at 1a2b3c4`)
/// and its details as fields.
struct StatusLine {
    let app: String
    let env: String
    let application: ArgoApplication
    /// The Kubernetes cluster the environment runs on, when the configuration names clusters.
    var cluster: String? = nil

    var sync: String { application.syncStatus }
    var health: String { application.healthStatus }
    var revision: String? { application.status?.sync?.revision.map { String($0.prefix(7)) } }

    var summary: String {
        "\(app) in \(env): \(sync), \(health)" + (revision.map { " at `\($0)`" } ?? "")
    }

    var severity: Severity {
        switch (sync, health) {
        case ("Synced", "Healthy"): return .success
        case (_, "Degraded"), (_, "Missing"): return .failure
        default: return .warning
        }
    }

    var fields: [ReplyField] {
        var fields = [ReplyField("Argo CD app", application.metadata.name)]
        if let cluster { fields.append(ReplyField("Cluster", cluster)) }
        if let images = application.status?.summary?.images, !images.isEmpty {
            fields.append(ReplyField("Images", images.joined(separator: ", ")))
        }
        let last = application.status?.history?.last
        if let deployed = last?.deployedAt ?? application.status?.operationState?.finishedAt {
            fields.append(ReplyField("Last sync", deployed + (application.status?.operationState?.phase.map { " (\($0))" } ?? "")))
        }
        if let message = application.status?.health?.message, !message.isEmpty {
            fields.append(ReplyField("Health", message))
        }
        return fields
    }
}
