import ArgoCDBackend
import Execution
import ReplyModel

/// Argo CD's own rollback: to the history entry before the current one (or the one whose
/// revision or id `to` names). Argo CD refuses it while auto-sync is on; its answer says so.
struct ArgoCDNativeRollback {
    let delivery: Delivery

    func run(_ target: ArgoCDTarget, input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        do {
            let application = try await delivery.argocd.application(target.argocdApp)
            let history = (application.status?.history ?? []).sorted { ($0.id ?? 0) < ($1.id ?? 0) }
            let entry: ArgoApplication.Status.Deployment?
            if let to = input.string("to") {
                entry = history.last { String($0.id ?? -1) == to || ($0.revision?.hasPrefix(to) ?? false) }
            } else {
                entry = history.count >= 2 ? history[history.count - 2] : nil
            }
            guard let entry, let id = entry.id else {
                return .failed("\(target.argocdApp) has no earlier deployment in its Argo CD history"
                               + (input.string("to").map { " matching '\($0)'" } ?? "") + "; nothing was changed")
            }
            try await delivery.argocd.rollback(target.argocdApp, to: id)
            await progress.report("Argo CD is rolling \(target.argocdApp) back to history entry \(id) (`\((entry.revision ?? "?").prefix(7))`)…")
            let after = try await delivery.waiter.waitUntilHealthy(target.argocdApp, progress: progress)
            return .succeeded(Reply(.success, [
                .text("\(target.app.name) in \(target.env) is rolled back to Argo CD history entry \(id): \(after.stateSummary)."),
                .fields([ReplyField("Argo CD app", target.argocdApp), ReplyField("Revision", String((entry.revision ?? "?").prefix(7))),
                         ReplyField("Note", "auto-sync stays off for this app until someone turns it back on")]),
            ]))
        } catch {
            return .failed("\(error)")
        }
    }
}
