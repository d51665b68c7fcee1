import Execution

/// What approvers see for a sync, read from Argo CD: the application's state now.
extension ArgoCDSyncExecutor {
    public func preview(_ input: ExecutionInput) async -> ChangePreview {
        guard case .success(let target) = ArgoCDTarget.resolve(input, catalog: catalog) else { return ChangePreview(lines: plan(input)) }
        let change = "sync Argo CD application \(target.argocdApp) and wait until it is Synced and Healthy"
        do {
            let application = try await client.application(target.argocdApp)
            return ChangePreview(headline: "\(target.app.name) in \(target.env): \(application.stateSummary) now", lines: [change])
        } catch {
            return ChangePreview(headline: "\(target.app.name) in \(target.env): a sync of \(target.argocdApp)", lines: [change],
                                 liveReadProblem: "\(error)")
        }
    }
}
