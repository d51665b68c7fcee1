import Approvals
import ChatOpsCore
import Foundation
import RequestStore
import Testing

/// Writes return the request as they left it, built in memory rather than read back: each must
/// equal what loading the row returns, to the millisecond, for every kind of write.
@Suite("A write's returned request is the stored one")
struct ReturnedRequestTests {
    let store: SQLiteApprovalStore
    /// Times with a fraction of a millisecond, which the store does not keep.
    static func at(_ seconds: TimeInterval) -> Date { Fixture.at(seconds + 0.000_456_7) }

    init() throws {
        store = try SQLiteApprovalStore.inMemory()
    }

    func expectStored(_ returned: StoredRequest?, _ comment: Comment, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let returned = try #require(returned, comment, sourceLocation: sourceLocation)
        let loaded = try await store.request(id: returned.id)
        #expect(returned == loaded, comment, sourceLocation: sourceLocation)
    }

    func create(_ admission: Admission, slots: [String: SlotValue] = ["app": .string("iris-classifier"), "version": .string("v2.3")],
                origin: MessageOrigin = Fixture.slack, env: String = "prod") async throws -> StoredRequest {
        var new = Fixture.request(extra: slots, origin: origin)
        new.env = env
        let created = try await store.createRequest(new, admission: admission, at: Self.at(0))
        try await expectStored(created, "created, admitted as \(admission)")
        return created
    }

    @Test func createdRequestsOfEveryAdmissionAndSlotKind() async throws {
        _ = try await create(Fixture.awaiting(quorum: 2))
        _ = try await create(.approved)
        _ = try await create(.refused(reason: "not allowed"))
        _ = try await create(.approved, slots: ["replicas": .integer(3), "features": .numbers([5.1, 3.5, 1.4, 0.2, 3, -1e-7]),
                                               "app": .string("a \"quoted\" / name é")])
        _ = try await create(.approved, slots: [:], origin: MessageOrigin(platform: "console"))
    }

    @Test func approvalsUpToTheQuorumAndTheNewDeadline() async throws {
        let request = try await create(Fixture.awaiting(quorum: 2))
        let first = try await store.approve(id: request.id, approver: "bob", origin: Fixture.slack, at: Self.at(1))
        guard case .recorded(let waiting, _, _) = first else { Issue.record("got \(first)"); return }
        try await expectStored(waiting, "one approval of two")
        let second = try await store.approve(id: request.id, approver: "carol", origin: nil, at: Self.at(2))
        guard case .quorumReached(let approved) = second else { Issue.record("got \(second)"); return }
        try await expectStored(approved, "the quorum reached, with its start-by time")
        let claim = try await store.claimForExecution(id: request.id, owner: Fixture.owner, leaseUntil: Self.at(60), at: Self.at(3))
        guard case .claimed(let executing) = claim else { Issue.record("got \(claim)"); return }
        try await expectStored(executing, "claimed, with owner and lease")
        try await expectStored(try await store.finish(id: request.id, succeeded: false, result: "boom\nstack", at: Self.at(4)),
                               "failed, with its result")
    }

    @Test func approvalTooLateExpires() async throws {
        let request = try await create(Fixture.awaiting(ttl: 10))
        let late = try await store.approve(id: request.id, approver: "bob", origin: Fixture.slack, at: Self.at(11))
        guard case .notAwaitingApproval(let expired) = late else { Issue.record("got \(late)"); return }
        #expect(expired.state == .expired)
        try await expectStored(expired, "expired on a late approval")
    }

    @Test func denialsCancellationsAndSweeps() async throws {
        let denied = try await store.deny(id: try await create(Fixture.awaiting()).id, approver: "bob", reason: "no",
                                          origin: Fixture.slack, at: Self.at(1))
        guard case .denied(let d) = denied else { Issue.record("got \(denied)"); return }
        try await expectStored(d, "denied")

        let cancelled = try await store.cancel(id: try await create(Fixture.awaiting()).id, by: "alice", reason: nil,
                                               origin: nil, at: Self.at(1))
        guard case .cancelled(let c) = cancelled else { Issue.record("got \(cancelled)"); return }
        try await expectStored(c, "cancelled")

        _ = try await create(Fixture.awaiting(ttl: 5))
        let expired = try await store.expireDue(at: Self.at(6))
        #expect(!expired.isEmpty)
        for request in expired { try await expectStored(request, "expired by the sweeper") }

        let running = try await create(.approved)
        _ = try await store.claimForExecution(id: running.id, owner: Fixture.owner, leaseUntil: Self.at(60), at: Self.at(1))
        let interrupted = try await store.recoverInterrupted(host: Fixture.owner.host, isAlive: { _ in false }, at: Self.at(2))
        #expect(interrupted.map(\.id) == [running.id])
        for request in interrupted { try await expectStored(request, "interrupted by recovery") }
    }

    @Test func claimsThatDoNotStartAndAFreeze() async throws {
        let stale = try await create(.approved)
        let tooLate = Self.at(StoredRequest.defaultStartWindow + 1)
        let expired = try await store.claimForExecution(id: stale.id, owner: Fixture.owner, leaseUntil: tooLate, at: tooLate)
        guard case .expired(let e) = expired else { Issue.record("got \(expired)"); return }
        try await expectStored(e, "expired at its claim")

        let approved = try await create(.approved)
        let frozen = try await store.freeze(env: "prod", by: "carol", reason: "sale", origin: Fixture.slack, at: Self.at(1))
        guard case .frozen(_, let cancelledByFreeze) = frozen else { Issue.record("got \(frozen)"); return }
        #expect(cancelledByFreeze.map(\.id) == [approved.id])
        for request in cancelledByFreeze { try await expectStored(request, "cancelled by the freeze") }

        let afterFreeze = try await create(.approved)
        let claim = try await store.claimForExecution(id: afterFreeze.id, owner: Fixture.owner, leaseUntil: Self.at(60), at: Self.at(2))
        guard case .frozen(let f, _) = claim else { Issue.record("got \(claim)"); return }
        try await expectStored(f, "cancelled at its claim by the freeze")
        let finished = try await create(.approved, env: "dev")
        _ = try await store.claimForExecution(id: finished.id, owner: Fixture.owner, leaseUntil: Self.at(60), at: Self.at(3))
        try await expectStored(try await store.finish(id: finished.id, succeeded: true, result: "ok", at: Self.at(4)), "succeeded")
    }
}
