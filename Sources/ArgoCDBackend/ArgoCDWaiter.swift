import Execution

/// Polls an application after a sync or rollback until it is Synced and Healthy (at the expected
/// revision, when one is known), posting each change of state as progress. A failed operation
/// ends the wait at once; so does the timeout.
public struct ArgoCDWaiter: Sendable {
    let client: ArgoCDClient
    let timeout: Duration
    let pollInterval: Duration

    public init(client: ArgoCDClient, timeout: Duration, pollInterval: Duration = .seconds(3)) {
        self.client = client
        self.timeout = timeout
        self.pollInterval = pollInterval
    }

    public func waitUntilHealthy(_ app: String, revision: String? = nil,
                                 progress: any ProgressReporter) async throws(ArgoCDError) -> ArgoApplication {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var lastReported = ""
        while true {
            let application = try await client.application(app)
            let state = application.stateSummary + (revision.flatMap { atRevision(application, $0) ? nil : " (not yet at \($0.prefix(7)))" } ?? "")
            if let phase = application.operationPhase, ["Failed", "Error"].contains(phase) {
                throw .operationFailed(app: app, phase: phase, message: application.status?.operationState?.message ?? "")
            }
            if isDone(application, revision: revision) { return application }
            if state != lastReported {
                await progress.report("\(app): \(state)")
                lastReported = state
            }
            guard ContinuousClock.now < deadline else { throw .timedOut(app: app, after: timeout, lastSeen: state) }
            try? await Task.sleep(for: pollInterval)
        }
    }

    func isDone(_ application: ArgoApplication, revision: String?) -> Bool {
        guard application.syncStatus == "Synced", application.healthStatus == "Healthy" else { return false }
        if let phase = application.operationPhase, ["Running", "Terminating"].contains(phase) { return false }
        return revision.map { atRevision(application, $0) } ?? true
    }

    func atRevision(_ application: ArgoApplication, _ revision: String) -> Bool {
        let sync = application.status?.sync
        return ([sync?.revision] + (sync?.revisions ?? [])).contains { $0?.hasPrefix(revision) ?? false }
    }
}
