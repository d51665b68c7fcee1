import Approvals
import ChatOpsCore
import Foundation
import RequestStore
import Testing

@Suite("Freezes")
struct FreezeTests {
    @Test func freezingStopsApprovedWorkThatHasNotStartedInThatEnvironmentOnly() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let prodApproved = try await store.createRequest(Fixture.request(), admission: .approved, at: Fixture.t0)
        let stagingApproved = try await store.createRequest(Fixture.request(env: "staging"), admission: .approved, at: Fixture.t0)
        let prodRunning = try await store.createRequest(Fixture.request(), admission: .approved, at: Fixture.t0)
        _ = try await store.claimForExecution(id: prodRunning.id, owner: Fixture.owner, leaseUntil: Fixture.at(60), at: Fixture.t0)
        let prodWaiting = try await store.createRequest(Fixture.request(), admission: Fixture.awaiting(), at: Fixture.t0)
        let unfreeze = try await store.createRequest(Fixture.request(.unfreeze, extra: [:]), admission: .approved, at: Fixture.t0)

        let outcome = try await store.freeze(env: "prod", by: "carol", reason: "incident 42", origin: Fixture.slack, at: Fixture.at(5))
        guard case .frozen(let record, let cancelled) = outcome else {
            Issue.record("expected frozen, got \(outcome)")
            return
        }
        #expect(record == FreezeRecord(env: "prod", frozenBy: "carol", at: Fixture.at(5), reason: "incident 42"))
        #expect(cancelled.map(\.id) == [prodApproved.id])
        #expect(moves(cancelled.first).last == "approved→cancelled by carol")
        #expect(cancelled.first?.transitions.last?.reason == "prod was frozen by carol")

        #expect(try await store.request(id: stagingApproved.id)?.state == .approved)
        #expect(try await store.request(id: prodRunning.id)?.state == .executing)
        #expect(try await store.request(id: prodWaiting.id)?.state == .awaitingApproval)
        #expect(try await store.request(id: unfreeze.id)?.state == .approved)
        #expect(try await store.freezes() == [record])
    }

    @Test func aClaimInAFrozenEnvironmentCancelsTheRequest() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        _ = try await store.freeze(env: "prod", by: "carol", reason: "incident 42", origin: nil, at: Fixture.t0)
        let request = try await store.createRequest(Fixture.request(), admission: .approved, at: Fixture.at(1))

        let claim = try await store.claimForExecution(id: request.id, owner: Fixture.owner, leaseUntil: Fixture.at(60), at: Fixture.at(2))
        guard case .frozen(let cancelled, let record) = claim else {
            Issue.record("expected frozen, got \(claim)")
            return
        }
        #expect(record.frozenBy == "carol")
        #expect(cancelled.state == .cancelled)
        #expect(moves(cancelled).last == "approved→cancelled by chatops")
        #expect(cancelled.transitions.last?.reason == "prod is frozen by carol: incident 42")
        #expect(try await store.request(id: request.id)?.state == .cancelled)
    }

    @Test func freezeAndUnfreezeRequestsRunWhileFrozen() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        _ = try await store.freeze(env: "prod", by: "carol", reason: nil, origin: nil, at: Fixture.t0)
        for intent in [Intent.freeze, .unfreeze] {
            let request = try await store.createRequest(Fixture.request(intent, extra: [:]), admission: .approved, at: Fixture.at(1))
            let claim = try await store.claimForExecution(id: request.id, owner: Fixture.owner, leaseUntil: Fixture.at(60), at: Fixture.at(2))
            #expect(claim.name == "claimed", "\(intent)")
        }
    }

    @Test func freezingTwiceReportsTheFirstFreeze() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let first = try await store.freeze(env: "prod", by: "carol", reason: nil, origin: nil, at: Fixture.t0)
        let second = try await store.freeze(env: "prod", by: "dave", reason: "again", origin: nil, at: Fixture.at(1))
        #expect(first == .frozen(FreezeRecord(env: "prod", frozenBy: "carol", at: Fixture.t0, reason: nil), cancelled: []))
        #expect(second == .alreadyFrozen(FreezeRecord(env: "prod", frozenBy: "carol", at: Fixture.t0, reason: nil)))
    }

    @Test func afterUnfreezingClaimsRunAgain() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        _ = try await store.freeze(env: "prod", by: "carol", reason: "incident 42", origin: nil, at: Fixture.t0)

        let outcome = try await store.unfreeze(env: "prod", by: "carol", origin: Fixture.slack, at: Fixture.at(10))
        #expect(outcome == .unfrozen(was: FreezeRecord(env: "prod", frozenBy: "carol", at: Fixture.t0, reason: "incident 42")))
        #expect(try await store.unfreeze(env: "prod", by: "carol", origin: nil, at: Fixture.at(11)) == .notFrozen)
        #expect(try await store.freezes().isEmpty)

        let request = try await store.createRequest(Fixture.request(), admission: .approved, at: Fixture.at(12))
        let claim = try await store.claimForExecution(id: request.id, owner: Fixture.owner, leaseUntil: Fixture.at(60), at: Fixture.at(13))
        #expect(claim.name == "claimed")
        #expect(claim.request?.state == .executing)

        let actions = try await store.auditEntries().map(\.action)
        #expect(actions.filter { $0.hasPrefix("env.") } == ["env.frozen", "env.unfrozen"])
    }
}
