import Approvals
import ChatOpsCore
import Foundation
import RequestStore

/// The approval store under load, on a real file: how many decisions per second it commits (each
/// its own durable transaction), how many delivery claims per second (committed in groups), and how long `racers` people approving one request at once take
/// to settle, with exactly one of them winning.
struct ApprovalStoreBenchmark: Sendable {
    let store: SQLiteApprovalStore

    struct Race: Sendable, Hashable {
        let winners: Int
        /// Approvals answered "not awaiting approval" (the request was approved by then).
        let losers: Int
        /// Any other answer (should be none).
        let others: Int
        /// Approvals the store holds afterwards (should be 1).
        let storedApprovals: Int
        let state: RequestState?
        let seconds: Double
    }

    static let requester = "alice"

    /// Approves `count` fresh requests (quorum 1), `concurrency` at a time; the seconds it took.
    /// The requests are made first and not timed.
    func decisions(count: Int, concurrency: Int) async throws -> Double {
        var ids: [Int64] = []
        for index in 0..<count { ids.append(try await newRequest(index).id) }
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func add() {
                let id = ids[next]
                next += 1
                group.addTask {
                    guard case .quorumReached = try await store.approve(id: id, approver: "bob", origin: nil, at: Date()) else {
                        throw BenchFailure("request #\(id) was not approved by its one approval")
                    }
                }
            }
            while next < min(concurrency, ids.count) { add() }
            while try await group.next() != nil { if next < ids.count { add() } }
        }
        return Self.seconds(since: started)
    }

    /// Claims `count` distinct deliveries (what a webhook records before it answers), `concurrency`
    /// at a time; the seconds it took. Claims in flight together share a commit.
    func claims(count: Int, concurrency: Int, run: String) async throws -> Double {
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func add() {
                let id = "\(run)-\(next)"
                next += 1
                group.addTask {
                    guard try await store.recordDelivery(platform: "slack", id: id, at: Date()) == .new else {
                        throw BenchFailure("delivery \(id) was not new")
                    }
                }
            }
            while next < min(concurrency, count) { add() }
            while try await group.next() != nil { if next < count { add() } }
        }
        return Self.seconds(since: started)
    }

    /// `racers` different approvers approve one request (quorum 1) at the same moment.
    func race(racers: Int, index: Int) async throws -> Race {
        let id = try await newRequest(index).id
        let started = ContinuousClock.now
        let outcomes = try await withThrowingTaskGroup(of: ApprovalOutcome.self) { group in
            for racer in 0..<racers {
                group.addTask { try await store.approve(id: id, approver: "approver-\(racer)", origin: nil, at: Date()) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let seconds = Self.seconds(since: started)
        var winners = 0, losers = 0, others = 0
        for outcome in outcomes {
            switch outcome {
            case .quorumReached: winners += 1
            case .notAwaitingApproval: losers += 1
            default: others += 1
            }
        }
        let stored = try await store.request(id: id)
        return Race(winners: winners, losers: losers, others: others, storedApprovals: stored?.approvals.count ?? 0,
                    state: stored?.state, seconds: seconds)
    }

    /// A prod deploy waiting for one approval, as the bot records it.
    func newRequest(_ index: Int) async throws -> StoredRequest {
        let slots: [String: SlotValue] = ["app": .string("iris-classifier"), "version": .string("v2.\(index)"), "env": .string("prod")]
        let origin = MessageOrigin(platform: "slack", channel: "C0BENCH001", thread: "1800000000.\(index)", messageID: "1800000000.\(index)")
        let new = NewRequest(command: ParsedCommand(intent: .deploy, slots: slots, source: .rule, ruleID: nil), requester: Self.requester,
                             origin: origin, text: "deploy iris v2.\(index) to prod", isDryRun: false)
        return try await store.createRequest(new, admission: .awaitingApproval(approvers: nil, quorum: 1, expiresAt: Date().addingTimeInterval(3600)),
                                             at: Date())
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
