import ArgoCDBackend
import ChatOpsConfig
import GitHubREST
import Execution
import ReplyModel

/// What deploy, promote and rollback share: the GitOps writer (nil without a GitHub token), Argo
/// CD, and the wait until the app is Synced and Healthy.
public struct Delivery: Sendable {
    let writer: GitOpsWriter?
    let argocd: ArgoCDClient
    let waiter: ArgoCDWaiter
    let catalog: Catalog

    public init(writer: GitOpsWriter?, argocd: ArgoCDClient, waiter: ArgoCDWaiter, catalog: Catalog) {
        self.writer = writer
        self.argocd = argocd
        self.waiter = waiter
        self.catalog = catalog
    }

    /// The writer and the app's GitOps target there, or what to configure.
    func gitops(for target: ArgoCDTarget) -> Result<(GitOpsWriter, GitOpsTarget), TargetProblem> {
        guard let place = target.placement?.gitops else {
            return .failure(TargetProblem("\(target.app.name) has no GitOps file for \(target.env): add "
                                          + "apps[\(target.app.name)].environments.\(target.env).gitops (repo, path, image or values_path)"))
        }
        guard let writer else {
            return .failure(TargetProblem("GitOps changes need a GitHub token: set \(SettingKey.gitopsToken.variable) "
                                          + "(\(SettingKey.gitopsToken.path)), or \(SettingKey.gitopsUsesGitHubToken.path): true "
                                          + "to use \(SettingKey.githubToken.variable) or the GitHub App (\(SettingKey.githubAppID.variable))"))
        }
        return .success((writer, place))
    }

    /// Asks Argo CD to sync, then waits for the revision (when a commit was made). A sync that
    /// auto-sync already started is not an error.
    func syncAndWait(_ target: ArgoCDTarget, revision: String?, progress: any ProgressReporter) async throws -> ArgoApplication {
        do {
            try await argocd.sync(target.argocdApp)
        } catch {
            guard let refusal = error.http, let code = refusal.status, [400, 409].contains(code),
                  refusal.message.contains("another operation is already in progress") else { throw error }
        }
        await progress.report("Argo CD is syncing \(target.argocdApp)\(revision.map { " to \($0.prefix(7))" } ?? "")…")
        return try await waiter.waitUntilHealthy(target.argocdApp, revision: revision, progress: progress)
    }

    func argoPlan(_ target: ArgoCDTarget) -> [String] {
        [argocd.syncRequest(target.argocdApp, revision: nil).planLine, waiter.planLine(target.argocdApp)]
    }

    /// The reply after a version change reached a healthy app.
    func report(_ headline: String, _ outcome: GitOpsOutcome, _ change: GitOpsChange, _ application: ArgoApplication,
                _ target: ArgoCDTarget) -> ExecutionResult {
        var fields = [ReplyField("Argo CD app", target.argocdApp),
                      ReplyField("State", application.stateSummary)]
        if let revision = outcome.revision { fields.append(ReplyField("Commit", "`\(revision.prefix(7))` in \(change.target.repository)")) }
        if let previous = outcome.previousVersion { fields.append(ReplyField("Was", previous)) }
        var blocks: [ReplyBlock] = [.text(headline), .fields(fields)]
        if let pr = outcome.pullRequest { blocks.append(.link(title: "Pull request #\(pr.number)", url: pr.url)) }
        return .succeeded(Reply(.success, blocks))
    }
}
