import Approvals
import ChatOpsCore
import Foundation
import RequestStore
import Testing

@Suite("Approvals, denials, cancellations")
struct DecisionTests {
    @Test func aQuorumOfTwoNeedsTwoDistinctApprovers() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let request = try await store.createRequest(Fixture.request(), admission: Fixture.awaiting(quorum: 2), at: Fixture.t0)

        let first = try await store.approve(id: request.id, approver: "bob", origin: Fixture.slack, at: Fixture.at(1))
        guard case .recorded(let waiting, approvals: 1, quorum: 2) = first else {
            Issue.record("expected recorded 1 of 2, got \(first)")
            return
        }
        #expect(waiting.state == .awaitingApproval)
        #expect(waiting.approvals == [ApprovalRecord(approver: "bob", at: Fixture.at(1), origin: Fixture.slack)])

        let second = try await store.approve(id: request.id, approver: "carol", origin: nil, at: Fixture.at(2))
        guard case .quorumReached(let approved) = second else {
            Issue.record("expected quorumReached, got \(second)")
            return
        }
        #expect(approved.state == .approved)
        #expect(approved.approvals.map(\.approver) == ["bob", "carol"])
        #expect(moves(approved).last == "awaiting_approval→approved by carol")
        #expect(approved.transitions.last?.reason == "approved by bob, carol")

        let late = try await store.approve(id: request.id, approver: "dave", origin: nil, at: Fixture.at(3))
        #expect(late == .notAwaitingApproval(approved))
    }

    @Test func oneDenialEndsTheRequest() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let request = try await store.createRequest(Fixture.request(), admission: Fixture.awaiting(quorum: 2), at: Fixture.t0)
        _ = try await store.approve(id: request.id, approver: "bob", origin: nil, at: Fixture.at(1))

        let outcome = try await store.deny(id: request.id, approver: "carol", reason: "not during the sale", origin: Fixture.slack,
                                           at: Fixture.at(2))
        guard case .denied(let denied) = outcome else {
            Issue.record("expected denied, got \(outcome)")
            return
        }
        #expect(denied.state == .denied)
        #expect(moves(denied).last == "awaiting_approval→denied by carol")
        #expect(denied.transitions.last?.reason == "not during the sale")
        #expect(denied.transitions.last?.origin == Fixture.slack)

        #expect(try await store.approve(id: request.id, approver: "dave", origin: nil, at: Fixture.at(3)) == .notAwaitingApproval(denied))
        #expect(try await store.deny(id: request.id, approver: "dave", reason: nil, origin: nil, at: Fixture.at(3))
                == .notAwaitingApproval(denied))
    }

    @Test func anApprovedRequestCannotBeDenied() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let request = try await store.createRequest(Fixture.request(), admission: .approved, at: Fixture.t0)
        #expect(try await store.deny(id: request.id, approver: "bob", reason: nil, origin: nil, at: Fixture.at(1))
                == .notAwaitingApproval(request))
    }

    @Test func waitingAndApprovedRequestsCanBeCancelledRunningOnesCannot() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let waiting = try await store.createRequest(Fixture.request(), admission: Fixture.awaiting(), at: Fixture.t0)
        let approved = try await store.createRequest(Fixture.request(), admission: .approved, at: Fixture.t0)
        let running = try await store.createRequest(Fixture.request(), admission: .approved, at: Fixture.t0)
        let claimed = try await store.claimForExecution(id: running.id, owner: Fixture.owner, leaseUntil: Fixture.at(60), at: Fixture.at(1))

        for id in [waiting.id, approved.id] {
            let outcome = try await store.cancel(id: id, by: "alice", reason: "wrong version", origin: Fixture.slack, at: Fixture.at(2))
            guard case .cancelled(let cancelled) = outcome else {
                Issue.record("expected cancelled, got \(outcome)")
                continue
            }
            #expect(cancelled.state == .cancelled)
            #expect(moves(cancelled).last?.hasSuffix("→cancelled by alice") == true)
            #expect(cancelled.transitions.last?.reason == "wrong version")
        }
        let tooLate = try await store.cancel(id: running.id, by: "alice", reason: nil, origin: nil, at: Fixture.at(2))
        #expect(tooLate == .notCancellable(try #require(claimed.request)))
    }

    @Test func unknownRequestsAreReportedAsNotFound() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        #expect(try await store.approve(id: 42, approver: "bob", origin: nil, at: Fixture.t0) == .notFound)
        #expect(try await store.deny(id: 42, approver: "bob", reason: nil, origin: nil, at: Fixture.t0) == .notFound)
        #expect(try await store.cancel(id: 42, by: "bob", reason: nil, origin: nil, at: Fixture.t0) == .notFound)
        let claim = try await store.claimForExecution(id: 42, owner: Fixture.owner, leaseUntil: Fixture.t0, at: Fixture.t0)
        #expect(claim == .notFound)
    }
}
