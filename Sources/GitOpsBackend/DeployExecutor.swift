import ArgoCDBackend
import ChatOpsConfig
import Execution

/// `deploy APP VERSION to ENV` and `promote APP to ENV`: writes the version into the app's GitOps
/// file for that environment (one commit, or a merged pull request), then syncs the Argo CD app
/// and waits until it runs healthy. Promote takes the version running in the environment before.
public struct DeployExecutor: Executor {
    let delivery: Delivery

    public init(delivery: Delivery) {
        self.delivery = delivery
    }

    public func plan(_ input: ExecutionInput) -> [String] {
        switch resolve(input) {
        case .failure(let problem): return ["stop: \(problem)"]
        case .success(let step):
            let version = step.version ?? "<the version running in \(step.source?.env ?? "?")>"
            var lines = step.source.map { ["GET \(delivery.argocd.applicationURL($0.argocdApp)) (read the version running in \($0.env))"] } ?? []
            let change = GitOpsChange(target: step.gitops, version: version, title: title(input, step.target, version), input: input,
                                      env: step.target.env)
            lines += step.writer.planLines(change) + delivery.argoPlan(step.target)
            return lines
        }
    }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        let step: Step
        switch resolve(input) {
        case .failure(let problem): return .failed(problem.description)
        case .success(let prepared): step = prepared
        }
        do {
            let version = try await version(step, notes: input.notes, progress: progress)
            let change = GitOpsChange(target: step.gitops, version: version, title: title(input, step.target, version), input: input,
                                      env: step.target.env)
            let outcome = try await step.writer.apply(change)
            await ChangeNote.record(previous: outcome.previousVersion, version: version, in: input.notes)
            await progress.report(outcome.unchanged
                ? "\(step.gitops.file) already has \(version); syncing \(step.target.argocdApp) to make sure it runs"
                : "Committed `\(outcome.revision!.prefix(7))` to \(step.gitops.repository): \(change.edit)"
                    + (outcome.previousVersion.map { " (was \($0))" } ?? ""))
            let application = try await delivery.syncAndWait(step.target, revision: outcome.revision, progress: progress)
            return delivery.report("\(step.target.app.name) \(version) is running in \(step.target.env): Synced and Healthy.",
                                   outcome, change, application, step.target)
        } catch {
            return .failed("\(error)")
        }
    }

    struct Step {
        let target: ArgoCDTarget
        let writer: GitOpsWriter
        let gitops: GitOpsTarget
        /// deploy: the version asked for; promote: nil until read from `source`.
        let version: String?
        let source: ArgoCDTarget?
    }

    func resolve(_ input: ExecutionInput) -> Result<Step, TargetProblem> {
        ArgoCDTarget.resolve(input, catalog: delivery.catalog).flatMap { target in
            delivery.gitops(for: target).flatMap { writer, gitops in
                if input.intent == .promote {
                    let from = input.string("from") ?? delivery.catalog.environment(before: target.env)?.name
                    guard let from, from != target.env else {
                        return .failure(TargetProblem("\(target.env) is the first environment: there is nothing to promote from; use deploy"))
                    }
                    let source = ArgoCDTarget(app: target.app, env: from)
                    return .success(Step(target: target, writer: writer, gitops: gitops, version: nil, source: source))
                }
                guard let version = input.string("version") else { return .failure(TargetProblem("Say which version to deploy, e.g. v2.3.")) }
                guard ImageTag.isValid(version) else {
                    return .failure(TargetProblem("'\(version)' is not a valid image tag (letters, digits, '_', '.', '-'; up to 128)"))
                }
                return .success(Step(target: target, writer: writer, gitops: gitops, version: version, source: nil))
            }
        }
    }

    /// The version to write: the one asked for, or for promote the one an earlier look recorded
    /// for this request (approvers approved that version), else the one running in the source
    /// environment now (Argo CD's live images first, the source's GitOps file when they do not
    /// show it), which is then recorded.
    func version(_ step: Step, notes: any RequestNotes, progress: any ProgressReporter, record: Bool = true) async throws -> String {
        if let version = step.version { return version }
        guard let source = step.source else { throw TargetProblem("no version") }
        let key = "promote:\(step.target.app.name):\(source.env)->\(step.target.env):version"
        if let pinned = try await notes.note(key) { return pinned }
        let application = try await delivery.argocd.application(source.argocdApp)
        var running: String?
        if case .kustomize(let image) = step.gitops.format { running = application.runningTag(of: image) }
        if running == nil, let sourceFile = source.placement?.gitops { running = try await step.writer.currentVersion(sourceFile) }
        guard let running, ImageTag.isValid(running) else {
            throw TargetProblem("cannot tell which version runs in \(source.env) (\(source.argocdApp) shows no image tag for it)")
        }
        if record { try await notes.record(key, running) }
        await progress.report("\(source.env) runs \(step.target.app.name) \(running); promoting it to \(step.target.env)")
        return running
    }

    func title(_ input: ExecutionInput, _ target: ArgoCDTarget, _ version: String) -> String {
        input.intent == .promote
            ? "promote \(target.app.name) \(version) to \(target.env)"
            : "deploy \(target.app.name) \(version) to \(target.env)"
    }
}
