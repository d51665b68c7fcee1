import Approvals
import ChatOpsCore
import Execution
import Foundation

/// One change chatops made (or set out to make) to an app in an environment: what a diagnosis
/// lists and an incident names ("#12 deploy v2.1 → v2.3, asked by alice, approved by bob").
public struct RecentChange: Sendable, Hashable {
    public let requestID: Int64
    public let intent: Intent
    public let summary: String
    public let requester: String
    public let approvers: [String]
    public let state: RequestState
    /// When it last moved (finished, for a finished one).
    public let at: Date
    /// From the executor's notes, when it changed a version.
    public let previousVersion: String?
    public let version: String?
    /// Where it was asked: its own thread.
    public let origin: MessageOrigin

    /// `#12 deploy v2.1 → v2.3 (succeeded 2026-12-02T09:12:00Z, 40 min ago), asked by alice, approved by bob`.
    public func line(now: Date) -> String {
        var what = "#\(requestID) \(intent.rawValue)"
        switch (previousVersion, version) {
        case let (previous?, version?): what += " \(previous) → \(version)"
        case let (nil, version?): what += " → \(version)"
        default: what += " (\(summary))"
        }
        let when = ISO8601DateFormatter().string(from: at)
        let minutes = max(0, Int(now.timeIntervalSince(at) / 60))
        let ago = minutes < 120 ? "\(minutes) min ago" : "\(minutes / 60) h ago"
        return "\(what) (\(state.rawValue) \(when), \(ago)), asked by \(requester)"
            + (approvers.isEmpty ? "" : ", approved by \(approvers.joined(separator: ", "))")
    }
}

/// The changes the store holds for an app in an environment, with the versions their executors noted.
public struct RecentChanges: Sendable {
    let store: any ApprovalStore

    public init(store: any ApprovalStore) {
        self.store = store
    }

    public func changes(app: String, env: String, since: Date, limit: Int = 5) async throws -> [RecentChange] {
        var found: [RecentChange] = []
        for request in try await store.changes(app: app, env: env, since: since, limit: limit) {
            found.append(RecentChange(requestID: request.id, intent: request.intent, summary: request.summary,
                                      requester: request.requester, approvers: request.approvals.map(\.approver),
                                      state: request.state, at: request.updatedAt,
                                      previousVersion: try await store.executionNote(requestID: request.id, key: ChangeNote.previousVersion),
                                      version: try await store.executionNote(requestID: request.id, key: ChangeNote.version),
                                      origin: request.origin))
        }
        return found
    }
}

/// The changes made through chatops to the app in the environment over the last `window`
/// (default a day), newest first: a diagnosis's first suspect.
public struct RecentChangesEvidence: EvidenceSource {
    let changes: RecentChanges
    let window: TimeInterval
    let now: @Sendable () -> Date

    public init(store: any ApprovalStore, window: TimeInterval = 86_400, now: @escaping @Sendable () -> Date = { Date() }) {
        changes = RecentChanges(store: store)
        self.window = window
        self.now = now
    }

    public let title = "Changes through chatops"

    public func evidence(app: String, environment: String) async -> [String] {
        let now = now()
        do {
            let found = try await changes.changes(app: app, env: environment, since: now.addingTimeInterval(-window))
            guard !found.isEmpty else { return ["none in the last \(Int(window / 3600)) h"] }
            return found.map { $0.line(now: now) }
        } catch {
            return ["the store could not be read: \(error)"]
        }
    }
}
