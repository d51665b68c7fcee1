import ArgoCDBackend
import ChatOpsConfig
import Execution

/// What approvers see: the change read from the GitOps repository ("iris-classifier in prod:
/// v2.2 → v2.3 (apps/…/kustomization.yaml in acme/ml-platform-gitops, via pull request)"), and in
/// pull-request mode the pull request itself, opened when the request starts to wait so the diff
/// can be read on GitHub; approval merges exactly it, denial or expiry closes it.
extension DeployExecutor {
    public func preview(_ input: ExecutionInput) async -> ChangePreview {
        await look(input, opening: false)
    }

    public func prepare(_ input: ExecutionInput) async -> ChangePreview {
        await look(input, opening: true)
    }

    public func discard(_ input: ExecutionInput) async -> String? {
        guard case .success(let step) = resolve(input), step.gitops.pullRequest,
              let version = try? await version(step, notes: input.notes, progress: SilentProgress(), record: false) else { return nil }
        return await step.writer.closePullRequest(change(input, step, version))
    }

    func look(_ input: ExecutionInput, opening: Bool) async -> ChangePreview {
        let step: Step
        switch resolve(input) {
        case .failure(let problem): return ChangePreview(lines: ["stop: \(problem)"])
        case .success(let found): step = found
        }
        let place = "\(step.gitops.file) in \(step.gitops.repository)\(step.gitops.pullRequest ? ", via pull request" : "")"
        let sync = "sync Argo CD application \(step.target.argocdApp) and wait until it is healthy"
        let version: String
        do {
            version = try await self.version(step, notes: input.notes, progress: SilentProgress(), record: opening)
        } catch {
            return ChangePreview(headline: "\(step.target.app.name) in \(step.target.env): → the version running in "
                                 + "\(step.source?.env ?? "?") (\(place))",
                                 lines: ["set that version in \(step.gitops.file)", sync], liveReadProblem: "\(error)")
        }
        let change = change(input, step, version, awaitingApproval: opening)
        let current: String?
        do { current = try await step.writer.currentVersion(step.gitops) } catch {
            return ChangePreview(headline: "\(step.target.app.name) in \(step.target.env): → \(version) (\(place))",
                                 lines: [change.edit, sync], liveReadProblem: "\(error)")
        }
        var preview = ChangePreview(headline: "\(step.target.app.name) in \(step.target.env): \(current ?? "(no tag)") → \(version) (\(place))",
                                    lines: [current == version ? "leave \(step.gitops.file) as it is (it has \(version))" : change.edit, sync])
        guard step.gitops.pullRequest, current != version else { return preview }
        if opening {
            do {
                if let opened = try await step.writer.openPullRequest(change) {
                    preview.link = (title: "Pull request #\(opened.pullRequest.number): the change to approve", url: opened.pullRequest.url)
                }
            } catch {
                preview.liveReadProblem = "the pull request could not be opened yet (\(error)); it will be when the request runs"
            }
        } else if let recorded = try? await step.writer.recordedPullRequest(change) {
            preview.link = (title: "Pull request #\(recorded.number): the change to approve", url: recorded.url)
        }
        return preview
    }

    func change(_ input: ExecutionInput, _ step: Step, _ version: String, awaitingApproval: Bool = false) -> GitOpsChange {
        GitOpsChange(target: step.gitops, version: version, title: title(input, step.target, version), input: input, env: step.target.env,
                     awaitingApproval: awaitingApproval)
    }
}

/// Progress nobody reads: a preview reports nothing.
struct SilentProgress: ProgressReporter {
    func report(_ text: String) async {}
}
