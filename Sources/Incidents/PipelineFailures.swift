import Approvals
import ChatOpsConfig
import Foundation

/// Which finished GitHub Actions runs become pipeline-failure incidents, and the notification
/// (Alertmanager's shape, so the incident machinery keeps, routes, posts and resolves it) each
/// makes. Closed by default: only runs of an app's pipeline repository (and, when the pipeline
/// lists workflows, of those), of that repository's own code (never a fork's), on the branches
/// that matter (the pipeline's ref and the default branch unless `incidents.pipeline_branches`
/// says otherwise). A failed run opens (or adds to) its incident; a re-run that passes resolves it.
public struct PipelineFailures: Sendable {
    public enum Decision: Sendable, Hashable {
        case queue(AlertmanagerNotification)
        case ignore(String)
    }

    let catalog: Catalog
    /// Branches whose runs count: empty means the pipeline's ref and the repository's default
    /// branch; `*` means every branch.
    let branches: [String]

    public init(catalog: Catalog, branches: [String] = []) {
        self.catalog = catalog
        self.branches = branches
    }

    public func decide(_ event: WorkflowRunEvent) -> Decision {
        guard event.action == "completed" else { return .ignore("only completed runs count (this one is \(event.action))") }
        let run = event.workflow_run
        let repository = event.repository.full_name
        guard let app = catalog.apps.first(where: { $0.pipeline?.repository.lowercased() == repository.lowercased() }),
              let pipeline = app.pipeline else {
            return .ignore("\(repository) is no app's pipeline repository (apps[].pipeline.repo)")
        }
        if let head = run.head_repository?.full_name, head.lowercased() != repository.lowercased() {
            return .ignore("the run is of \(head)'s code, a fork: only \(repository)'s own branches count")
        }
        if !pipeline.workflows.isEmpty, !pipeline.workflows.contains(where: { $0 == event.workflowFile || $0 == event.workflow?.name }) {
            return .ignore("workflow \(event.workflowFile ?? event.workflowName) is not one of \(app.name)'s pipeline workflows "
                           + "(\(pipeline.workflows.joined(separator: ", ")))")
        }
        let branch = run.head_branch ?? ""
        let wanted = branches.isEmpty ? [pipeline.ref] + (event.repository.default_branch.map { [$0] } ?? []) : branches
        guard wanted.contains("*") || wanted.contains(branch) else {
            return .ignore("branch \(branch.isEmpty ? "(none)" : branch) is not watched (\(wanted.joined(separator: ", ")); "
                           + "incidents.pipeline_branches)")
        }
        let attempt = run.run_attempt ?? 1
        switch run.conclusion ?? "" {
        case "failure", "timed_out", "startup_failure":
            return .queue(notification(event, app: app.name, branch: branch, attempt: attempt, failed: true))
        case "success" where attempt > 1:
            return .queue(notification(event, app: app.name, branch: branch, attempt: attempt, failed: false))
        case let conclusion:
            return .ignore("the run ended \(conclusion.isEmpty ? "without a conclusion" : conclusion): nothing to open or resolve")
        }
    }

    /// One alert per attempt, so a re-run that fails again is news in the thread.
    func notification(_ event: WorkflowRunEvent, app: String, branch: String, attempt: Int, failed: Bool) -> AlertmanagerNotification {
        let run = event.workflow_run
        let repository = event.repository.full_name
        let labels = ["alertname": IncidentRecord.pipelineFailureAlert, "repository": repository, "workflow": event.workflowName,
                      "branch": branch, "app": app, "run_id": String(run.id),
                      "severity": branch == event.repository.default_branch ? "high" : "medium"]
        let sha = String(run.head_sha.prefix(7))
        let headline = run.head_commit?.message?.split(separator: "\n").first.map(String.init) ?? run.display_title ?? ""
        var annotations = ["summary": "\(event.workflowName) failed on \(branch) (\(sha))" + (headline.isEmpty ? "" : ": \(headline)"),
                           "commit": run.head_sha, "run_url": run.html_url]
        if let actor = run.triggering_actor?.login ?? run.actor?.login { annotations["actor"] = actor }
        if let trigger = run.event { annotations["event"] = trigger }
        if let number = run.run_number { annotations["run_number"] = String(number) }
        let conclusion = run.conclusion ?? "failure"
        let alert = AlertmanagerNotification.Alert(
            status: failed ? "firing" : "resolved", labels: labels,
            annotations: ["summary": "attempt \(attempt) of \(event.workflowName) \(failed ? "failed (\(conclusion))" : "passed")"],
            startsAt: run.run_started_at ?? run.updated_at ?? "0001-01-01T00:00:00Z",
            endsAt: failed ? "0001-01-01T00:00:00Z" : (run.updated_at ?? "0001-01-01T00:00:00Z"),
            generatorURL: run.html_url, fingerprint: "run-\(run.id)-attempt-\(attempt)")
        return AlertmanagerNotification(
            receiver: "github-workflow-run", status: failed ? "firing" : "resolved", alerts: [alert],
            groupLabels: ["alertname": IncidentRecord.pipelineFailureAlert, "repository": repository, "run_id": String(run.id)],
            commonLabels: labels, commonAnnotations: failed ? annotations : nil, externalURL: run.html_url, version: "4",
            groupKey: "\(IncidentRecord.pipelineFailureGroupPrefix)\(repository)/runs/\(run.id)", truncatedAlerts: 0)
    }
}
