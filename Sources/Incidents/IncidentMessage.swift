import Approvals
import Conversation
import Foundation
import ReplyModel

/// An incident's first message, edited to show the group's current state: firing or resolved,
/// the alert, severity, where (cluster, namespace, pods), since when, the runbook and dashboard
/// links from the annotations, and every alert of the group.
public enum IncidentMessage {
    /// At most this many alerts are listed; the rest are counted.
    static let listedAlerts = 10

    /// `change`: what chatops changed in the incident's app and environment shortly before it
    /// fired, named first with a button to roll it back.
    public static func opening(_ incident: IncidentRecord, change: RecentChange? = nil, now: Date = Date()) -> Reply {
        let firing = incident.firing
        let name = alertName(incident)
        let severity = label("severity", in: incident)
        let headline = incident.state == .open
            ? "🔥 Incident #\(incident.id) FIRING: \(name)" + (severity.map { " (\($0))" } ?? "")
                + " — \(firing.count) of \(incident.alerts.count) alert\(incident.alerts.count == 1 ? "" : "s") firing"
            : "✅ Incident #\(incident.id) RESOLVED: \(name)" + (severity.map { " (\($0))" } ?? "")
                + (incident.resolvedAt.map { " — resolved after \(IncidentText.duration($0.timeIntervalSince(IncidentText.start(incident))))" } ?? "")
        var blocks: [ReplyBlock] = [.text(headline)]
        if let summary = annotation("summary", in: incident) { blocks.append(.text(summary)) }
        if let change {
            blocks.append(.text("Changed through chatops shortly before: \(change.line(now: now))"))
        }
        var fields = [ReplyField("Alert", name)]
        if let severity { fields.append(ReplyField("Severity", severity)) }
        for key in ["cluster", "namespace"] {
            if let value = label(key, in: incident) { fields.append(ReplyField(key.capitalized, value)) }
        }
        let pods = Array(Set(incident.alerts.compactMap { $0.labels["pod"] })).sorted()
        if !pods.isEmpty { fields.append(ReplyField(pods.count == 1 ? "Pod" : "Pods", pods.prefix(5).joined(separator: ", ")
                                                    + (pods.count > 5 ? " and \(pods.count - 5) more" : ""))) }
        fields.append(ReplyField("Since", RFC3339Time.format(IncidentText.start(incident))))
        if incident.reopened > 0 { fields.append(ReplyField("Reopened", "\(incident.reopened) time\(incident.reopened == 1 ? "" : "s")")) }
        blocks.append(.fields(fields))
        for (key, title) in [("runbook_url", "Runbook"), ("dashboard_url", "Dashboard")] {
            if let url = annotation(key, in: incident), url.hasPrefix("http") { blocks.append(.link(title: title, url: url)) }
        }
        if let source = incident.alerts.first?.generatorURL, source.hasPrefix("http") { blocks.append(.link(title: "Source", url: source)) }
        let rows = incident.alerts.prefix(listedAlerts).map { alert in
            [alert.isFiring ? "firing" : "resolved", alert.labels["pod"] ?? alert.labels["instance"] ?? alert.fingerprint,
             alert.annotations["summary"] ?? alert.labels["alertname"] ?? ""]
        }
        blocks.append(.table(headers: ["State", "Target", "Summary"], rows: Array(rows)))
        var notes: [String] = []
        if incident.alerts.count > listedAlerts { notes.append("and \(incident.alerts.count - listedAlerts) more alerts") }
        if incident.truncatedAlerts > 0 {
            notes.append("Alertmanager left out \(incident.truncatedAlerts) alert\(incident.truncatedAlerts == 1 ? "" : "s") of this group (max_alerts)")
        }
        if !notes.isEmpty { blocks.append(.text(notes.joined(separator: "; ") + ".")) }
        if incident.state == .open, let app = incident.app, let env = incident.env {
            blocks.append(.text("Acting on \(app) in \(env): the buttons, or words typed in this thread (restart, roll back, scale to 3, "
                                + "freeze, silence 2h), go through the usual policy and approvals."))
            blocks.append(.buttons(actions(app: app, env: env, change: change)))
        }
        if incident.state == .open {
            blocks.append(.buttons([ReplyButton(label: "Silence 1h", action: .silence(incident: incident.id, for: "1h"), style: .primary),
                                    ReplyButton(label: "Silence 4h", action: .silence(incident: incident.id, for: "4h"), style: .primary)]))
        }
        return Reply(incident.state == .open ? (severity == "critical" ? .failure : .warning) : .success, blocks)
    }

    /// Roll back the change first when there is one, then restart, roll back, freeze.
    static func actions(app: String, env: String, change: RecentChange?) -> [ReplyButton] {
        var buttons: [ReplyButton] = []
        if let previous = change?.previousVersion, ReplyAction(identifier: ReplyAction.rollback(app, in: env, to: previous).identifier) != nil {
            buttons.append(ReplyButton(label: "Roll back to \(previous)", action: .rollback(app, in: env, to: previous), style: .danger))
        }
        buttons.append(ReplyButton(label: "Restart \(app)", action: .restart(app, in: env), style: .primary))
        if buttons.count == 1 { buttons.append(ReplyButton(label: "Roll back", action: .rollback(app, in: env), style: .danger)) }
        buttons.append(ReplyButton(label: "Freeze \(env)", action: .freeze(env), style: .danger))
        return buttons
    }

    /// The GitHub issue title: `[ALERT] PodCrashLooping - warning - ml-apps`.
    public static func title(_ incident: IncidentRecord) -> String {
        (["[ALERT] \(alertName(incident))"] + [label("severity", in: incident), label("namespace", in: incident)].compactMap { $0 })
            .joined(separator: " - ")
    }

    static func alertName(_ incident: IncidentRecord) -> String {
        label("alertname", in: incident) ?? "alert group \(incident.groupKey)"
    }

    /// The group's common label, else the first alert's.
    static func label(_ key: String, in incident: IncidentRecord) -> String? {
        incident.commonLabels[key] ?? incident.groupLabels[key] ?? incident.alerts.first?.labels[key]
    }

    static func annotation(_ key: String, in incident: IncidentRecord) -> String? {
        (incident.commonAnnotations[key] ?? incident.alerts.first?.annotations[key]).flatMap { $0.isEmpty ? nil : $0 }
    }
}
