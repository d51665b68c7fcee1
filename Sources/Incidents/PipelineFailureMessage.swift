import Approvals
import Foundation
import ReplyModel

/// A pipeline failure's first message, edited as its attempts fail or pass: the workflow, branch
/// and commit, who triggered it, the failure type and the failed job and step (from the triage),
/// the run's link, and while it is open, the Re-run button.
enum PipelineFailureMessage {
    /// The GitHub issue title: `[PIPELINE FAILURE] test - 9268749`.
    static func title(_ incident: IncidentRecord) -> String {
        "[PIPELINE FAILURE] \(incident.commonAnnotations["failure_type"] ?? "unknown") - \(shortSHA(incident))"
    }

    static func opening(_ incident: IncidentRecord) -> Reply {
        let label = { (key: String) in IncidentMessage.label(key, in: incident) }
        let note = { (key: String) in incident.commonAnnotations[key].flatMap { $0.isEmpty ? nil : $0 } }
        let workflow = label("workflow") ?? "workflow", branch = label("branch") ?? "?"
        let repository = label("repository") ?? "?"
        let attempts = incident.alerts.count
        let headline: String
        if incident.state == .open {
            headline = "🔥 Pipeline failure #\(incident.id): \(workflow) failed on \(branch) in \(repository)"
                + (attempts > 1 ? " — \(incident.firing.count) of \(attempts) attempts failed" : "")
        } else {
            let duration = incident.resolvedAt.map { " after \(IncidentText.duration($0.timeIntervalSince(IncidentText.start(incident))))" } ?? ""
            headline = "✅ Pipeline failure #\(incident.id) RESOLVED: \(workflow) passed on \(branch) (attempt \(attempts))\(duration)"
        }
        var blocks: [ReplyBlock] = [.text(headline)]
        if let summary = note("summary") { blocks.append(.text(summary)) }
        var fields = [ReplyField("Repository", repository), ReplyField("Workflow", workflow), ReplyField("Branch", branch),
                      ReplyField("Commit", shortSHA(incident))]
        if let actor = note("actor") { fields.append(ReplyField("Triggered by", actor + (note("event").map { " (\($0))" } ?? ""))) }
        if let type = note("failure_type") {
            fields.append(ReplyField("Failure type", type + (note("failure_signal").map { " — \($0)" } ?? "")))
        }
        if let job = note("failed_job") {
            fields.append(ReplyField("Failed job", job + (note("failed_jobs").map { " (and \((Int($0) ?? 1) - 1) more)" } ?? "")))
        }
        if let step = note("failed_step") { fields.append(ReplyField("Failed step", step)) }
        if let severity = label("severity") { fields.append(ReplyField("Severity", severity)) }
        fields.append(ReplyField("Since", RFC3339Time.format(IncidentText.start(incident))))
        blocks.append(.fields(fields))
        if let url = note("run_url") ?? incident.alerts.first?.generatorURL, url.hasPrefix("http") {
            blocks.append(.link(title: "Run \(label("run_id") ?? "")", url: url))
        }
        if incident.state == .open, let run = incident.pipelineRun, let id = Int64(run.run) {
            blocks.append(.text("Re-run from here: the button, or `rerun` typed in this thread, goes through the usual policy and approvals."))
            blocks.append(.buttons([ReplyButton(label: "Re-run failed jobs", action: .rerun(run: id, app: run.app), style: .primary)]))
        }
        return Reply(incident.state == .open ? (label("severity") == "critical" ? .failure : .warning) : .success, blocks)
    }

    static func shortSHA(_ incident: IncidentRecord) -> String {
        String((incident.commonAnnotations["commit"] ?? "unknown").prefix(7))
    }
}
