import Foundation
import ReplyModel

/// The `pipeline` reply: a line saying whether the newest run of each workflow passed, a table
/// of the latest runs, and a link to the newest one.
struct RunsReport {
    struct Group {
        let workflow: String
        /// Newest first.
        let runs: [WorkflowRun]
    }

    let app: String
    let repository: GitHubRepository
    let groups: [Group]

    var failing: [Group] { groups.filter { $0.runs.first?.hasFailed == true } }
    var running: [Group] { groups.filter { $0.runs.first.map { $0.status != "completed" } ?? false } }

    var severity: Severity {
        if groups.allSatisfy(\.runs.isEmpty) { return .info }
        if !failing.isEmpty { return .failure }
        return running.isEmpty ? .success : .warning
    }

    var summary: String {
        let place = "CI for \(app) (\(repository))"
        if groups.allSatisfy(\.runs.isEmpty) { return "\(place): no runs yet." }
        guard !failing.isEmpty else {
            return "\(place): the latest run of every workflow passed" + (running.isEmpty ? "." : "; \(running.count) still running.")
        }
        let names = failing.compactMap { group in group.runs.first.map { "\(group.workflow) #\($0.runNumber) (\($0.result))" } }
        let hint = failing.first?.runs.first.map { " Say `triage run \($0.id)` for the failed jobs and their logs." } ?? ""
        return "\(place): the latest run failed for \(names.joined(separator: ", ")).\(hint)"
    }

    var rows: [[String]] {
        groups.flatMap { group in
            group.runs.map { run in
                [group.workflow, "#\(run.runNumber)", run.headBranch ?? "", run.event, run.result, String(run.headSha.prefix(7)),
                 Self.shortTime(run.runStartedAt ?? run.createdAt)]
            }
        }
    }

    var reply: Reply {
        var blocks: [ReplyBlock] = [.text(summary)]
        let runs = groups.flatMap(\.runs)
        guard !runs.isEmpty else { return Reply(severity, blocks) }
        blocks.append(.table(headers: ["Workflow", "Run", "Branch", "Event", "Result", "Commit", "Started"], rows: rows))
        if let newest = runs.max(by: { $0.createdAt < $1.createdAt }),
           let group = groups.first(where: { $0.runs.contains(newest) }) {
            blocks.append(.link(title: "Newest run: \(group.workflow) #\(newest.runNumber)", url: newest.htmlUrl))
        }
        return Reply(severity, blocks)
    }

    /// `2020-05-20T02:37:57Z` → `2020-05-20 02:37 UTC`.
    static func shortTime(_ iso: String) -> String {
        guard iso.count >= 16, iso.hasSuffix("Z") else { return iso }
        return iso.prefix(16).replacingOccurrences(of: "T", with: " ") + " UTC"
    }
}
