import ReplyModel

/// The `triage` reply: what failed and what kind of failure, a table of failed jobs and steps,
/// each log tail as a code block, and a link to the run.
struct TriageReport {
    let triage: RunTriage

    var run: RunTriage.Run { triage.run }

    var headline: String {
        let name = (run.workflow.map { "\($0) " } ?? "") + "#\(run.number)"
        let branch = run.branch.map { " on \($0)" } ?? ""
        return "Run \(name) (\(run.id))\(branch) at `\(run.sha.prefix(7))` (\(run.event)) in \(run.repository)"
    }

    var summary: String {
        guard triage.hasFailed || !triage.failedJobs.isEmpty else {
            let state = run.status == "completed" ? "finished with \(run.conclusion ?? "no conclusion")" : "is \(run.status ?? "queued")"
            return "\(headline) \(state): no failed jobs to triage."
        }
        let kind = triage.classification
        return "\(headline): \(run.conclusion ?? "failing"). Failure kind: \(kind.kind.displayName)"
            + (kind.evidence.map { " (\($0))" } ?? "") + "."
    }

    var reply: Reply {
        var blocks: [ReplyBlock] = [.text(summary)]
        if !triage.failedJobs.isEmpty {
            blocks.append(.table(headers: ["Failed job", "Failed steps", "Result"], rows: triage.failedJobs.map { job in
                [job.name, job.failedSteps.map { "\($0.number). \($0.name)" }.joined(separator: ", "), job.conclusion]
            }))
        }
        for job in triage.failedJobs {
            if job.logTail.isEmpty {
                blocks.append(.text("Log of \(job.name): \(job.logProblem ?? "empty")"))
            } else {
                let place = job.errorLines.isEmpty ? "its last \(job.logTail.count) lines" : "\(job.logTail.count) lines around its first error"
                blocks.append(.text("Log of \(job.name), \(place):"))
                blocks.append(.code(job.logTail.joined(separator: "\n")))
            }
        }
        blocks.append(.link(title: "Run #\(run.number)", url: run.url))
        let severity: Severity = triage.failedJobs.isEmpty && !triage.hasFailed
            ? (run.status == "completed" ? .success : .warning) : .failure
        return Reply(severity, blocks)
    }
}
