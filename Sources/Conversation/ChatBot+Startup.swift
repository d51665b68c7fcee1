import Approvals
import ChatOpsCore
import Foundation
import ReplyModel

extension ChatBot {
    /// At start-up: requests left `executing` by a dead process become `interrupted` (reported,
    /// never re-run); requests approved but never started on these platforms are started; notices
    /// owed to these platforms' threads are delivered.
    public func start(platforms: Set<String>, sink: any ReplySink) async throws {
        _ = try await store.recoverInterrupted(host: owner.host, isAlive: Self.processIsAlive, at: now())
        for request in try await store.requests(states: [.approved], limit: 1000) where platforms.contains(request.origin.platform) {
            try await execute(request, sink: sink, origin: await originRequestID(of: request))
        }
        try await deliverNotices(platforms: platforms, sink: sink)
    }

    /// One round of the background work: expire unapproved requests past their time, recover
    /// executions whose lease ran out, and deliver what the store says is owed.
    public func sweep(platforms: Set<String>, sink: any ReplySink) async throws {
        for expired in try await store.expireDue(at: now()) {
            await updatePrompts(of: expired, outcome: "Expired: nobody approved it in time.", severity: .failure, sink: sink)
            await discard(expired, sink: sink)
        }
        _ = try await store.recoverInterrupted(host: owner.host, isAlive: Self.processIsAlive, at: now())
        try await deliverNotices(platforms: platforms, sink: sink)
    }

    /// Forgets what is older than `retention` (finished requests, deliveries, audit entries up to
    /// a checkpoint). Unfinished requests are never pruned.
    @discardableResult
    public func prune(retention: TimeInterval) async throws -> PruneReport {
        try await store.prune(before: now().addingTimeInterval(-retention), at: now())
    }

    func deliverNotices(platforms: Set<String>, sink: any ReplySink) async throws {
        for platform in platforms.sorted() {
            let notices = try await store.pendingNotices(platform: platform)
            for notice in notices { await sink.send(.text(notice.text), to: notice.origin) }
            if !notices.isEmpty { try await store.markNoticesDelivered(notices.map(\.id)) }
        }
    }

    /// Whether a process of this host is still running (`kill(pid, 0)`; EPERM means it exists).
    @Sendable static func processIsAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}

extension ChatBot {
    /// What stops the bot from serving (empty when ready): `/readyz` answers 503 with these.
    public func readinessProblems() async -> [String] {
        var problems: [String] = []
        if classifier.rules.rules.isEmpty { problems.append("no rules are loaded") }
        do { try await store.checkWritable() } catch { problems.append("the store does not take writes: \(error)") }
        return problems
    }
}
