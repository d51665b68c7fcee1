import ChatOpsConfig
import Execution
import ReplyModel

/// `sync APP ENV`: asks Argo CD to sync the app's application, then waits until it is Synced and
/// Healthy, posting each change of state to the thread.
public struct ArgoCDSyncExecutor: Executor {
    let client: ArgoCDClient
    let waiter: ArgoCDWaiter
    let catalog: Catalog

    public init(client: ArgoCDClient, waiter: ArgoCDWaiter, catalog: Catalog) {
        self.client = client
        self.waiter = waiter
        self.catalog = catalog
    }

    public func plan(_ input: ExecutionInput) -> [String] {
        switch ArgoCDTarget.resolve(input, catalog: catalog) {
        case .failure(let problem): return ["stop: \(problem)"]
        case .success(let target):
            return [client.syncRequest(target.argocdApp, revision: nil).planLine,
                    waiter.planLine(target.argocdApp)]
        }
    }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        let target: ArgoCDTarget
        switch ArgoCDTarget.resolve(input, catalog: catalog) {
        case .failure(let problem): return .failed(problem.description)
        case .success(let resolved): target = resolved
        }
        do {
            try await client.sync(target.argocdApp)
            await progress.report("Sync of \(target.argocdApp) started; waiting until it is Synced and Healthy…")
            let application = try await waiter.waitUntilHealthy(target.argocdApp, progress: progress)
            let line = StatusLine(app: target.app.name, env: target.env, application: application)
            return .succeeded(Reply(.success, [.text("Synced: " + line.summary), .fields(line.fields)]))
        } catch {
            return .failed("\(error)")
        }
    }
}

extension ArgoCDWaiter {
    /// The wait as a dry-run plan line.
    public func planLine(_ app: String) -> String {
        "GET \(client.baseURL)/api/v1/applications/\(app) every \(pollInterval.components.seconds) s until Synced and Healthy "
            + "(up to \(timeout.components.seconds) s)"
    }
}
