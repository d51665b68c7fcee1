import ArgoCDBackend
import Execution

/// What approvers see for a rollback: the version running now (read from the GitOps file, or
/// Argo CD's history for its own rollback) and where it goes back to.
extension RollbackExecutor {
    public func preview(_ input: ExecutionInput) async -> ChangePreview {
        guard case .success(let target) = ArgoCDTarget.resolve(input, catalog: delivery.catalog) else { return ChangePreview(lines: plan(input)) }
        let back = input.string("to") ?? "the version before it"
        let lines = plan(input).isEmpty ? [] : ["roll \(target.argocdApp) back to \(back), then sync and wait until it is healthy"]
        if target.placement?.rollback == .argocd {
            return ChangePreview(headline: "\(target.app.name) in \(target.env): back to the previous Argo CD history entry", lines: lines)
        }
        guard case .success(let (writer, gitops)) = delivery.gitops(for: target) else { return ChangePreview(lines: plan(input)) }
        do {
            let current = try await writer.currentVersion(gitops) ?? "(no tag)"
            return ChangePreview(headline: "\(target.app.name) in \(target.env): \(current) → \(back) (\(gitops.file) in \(gitops.repository)"
                                 + "\(gitops.pullRequest ? ", via pull request" : ""))", lines: lines)
        } catch {
            return ChangePreview(headline: "\(target.app.name) in \(target.env): → \(back)", lines: lines, liveReadProblem: "\(error)")
        }
    }
}
