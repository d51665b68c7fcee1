import ArgoCDBackend
import ChatOpsConfig
import Execution
import ReplyModel

/// `rollback APP in ENV [to VERSION]`. By default the GitOps way: the previous version the app's
/// GitOps file held (or the one named) is written back and synced, so auto-sync keeps it. Where
/// the app is configured `rollback: argocd`, Argo CD's own rollback to the previous history entry.
public struct RollbackExecutor: Executor {
    let delivery: Delivery
    /// How far back the GitOps file's history is searched for a different version.
    let historyDepth: Int

    public init(delivery: Delivery, historyDepth: Int = 20) {
        self.delivery = delivery
        self.historyDepth = historyDepth
    }

    public func plan(_ input: ExecutionInput) -> [String] {
        switch ArgoCDTarget.resolve(input, catalog: delivery.catalog) {
        case .failure(let problem): return ["stop: \(problem)"]
        case .success(let target) where target.placement?.rollback == .argocd:
            return ["GET \(delivery.argocd.applicationURL(target.argocdApp)) (find the history entry before the current one)",
                    delivery.argocd.rollbackRequest(target.argocdApp, to: 0).planLine.replacingOccurrences(of: "\"id\":0", with: "\"id\":<that entry>"),
                    delivery.waiter.planLine(target.argocdApp)]
        case .success(let target):
            guard case .success(let (writer, gitops)) = delivery.gitops(for: target) else {
                return ["stop: \(delivery.gitops(for: target))"]
            }
            let version = input.string("to") ?? "<the previous version in the history of \(gitops.file)>"
            let change = GitOpsChange(target: gitops, version: version, title: "rollback \(target.app.name) in \(target.env) to \(version)",
                                      input: input, env: target.env)
            let history = input.string("to") == nil
                ? ["GET \(writer.github.url(gitops.repository, "commits", query: [("path", gitops.file), ("sha", gitops.branch)])) "
                   + "and the file at each commit, until a different version"] : []
            return history + writer.planLines(change) + delivery.argoPlan(target)
        }
    }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        switch ArgoCDTarget.resolve(input, catalog: delivery.catalog) {
        case .failure(let problem): return .failed(problem.description)
        case .success(let target) where target.placement?.rollback == .argocd:
            return await ArgoCDNativeRollback(delivery: delivery).run(target, input: input, progress: progress)
        case .success(let target):
            switch delivery.gitops(for: target) {
            case .failure(let problem): return .failed(problem.description)
            case .success(let (writer, gitops)): return await gitopsRollback(target, writer, gitops, input, progress)
            }
        }
    }

    func gitopsRollback(_ target: ArgoCDTarget, _ writer: GitOpsWriter, _ gitops: GitOpsTarget, _ input: ExecutionInput,
                        _ progress: any ProgressReporter) async -> ExecutionResult {
        do {
            let version: String
            if let asked = input.string("to") {
                guard ImageTag.isValid(asked) else { return .failed("'\(asked)' is not a valid image tag") }
                version = asked
            } else {
                version = try await previousVersion(writer, gitops)
            }
            let change = GitOpsChange(target: gitops, version: version, title: "rollback \(target.app.name) in \(target.env) to \(version)",
                                      input: input, env: target.env)
            let outcome = try await writer.apply(change)
            await ChangeNote.record(previous: outcome.previousVersion, version: version, in: input.notes)
            await progress.report(outcome.unchanged ? "\(gitops.file) already has \(version)"
                                  : "Committed `\(outcome.revision!.prefix(7))`: \(change.edit)" + (outcome.previousVersion.map { " (was \($0))" } ?? ""))
            let application = try await delivery.syncAndWait(target, revision: outcome.revision, progress: progress)
            return delivery.report("\(target.app.name) in \(target.env) is rolled back to \(version): Synced and Healthy.",
                                   outcome, change, application, target)
        } catch {
            return .failed("\(error)")
        }
    }

    /// The newest version in the file's history that differs from the current one.
    func previousVersion(_ writer: GitOpsWriter, _ gitops: GitOpsTarget) async throws -> String {
        let editor = ImageTagEditor(format: gitops.format, file: gitops.file)
        let commits = try await writer.github.commits(touching: gitops.file, in: gitops.repository, branch: gitops.branch, limit: historyDepth)
        var current: String?
        for (index, sha) in commits.enumerated() {
            let file = try await writer.github.file(gitops.repository, gitops.file, ref: sha)
            guard let tag = try editor.currentTag(in: file.text) else { continue }
            if index == 0 { current = tag; continue }
            if tag != current, ImageTag.isValid(tag) { return tag }
        }
        throw TargetProblem("the last \(commits.count) commits of \(gitops.file) hold no version other than \(current ?? "the current one"); "
                            + "say which: rollback … to VERSION")
    }
}
