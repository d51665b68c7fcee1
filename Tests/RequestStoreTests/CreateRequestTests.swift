import Approvals
import ChatOpsCore
import Foundation
import RequestStore
import Testing

@Suite("Recording requests")
struct CreateRequestTests {
    @Test func aRequestThatNeedsApprovalWaitsForIt() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let request = try await store.createRequest(Fixture.request(), admission: Fixture.awaiting(quorum: 2), at: Fixture.t0)

        #expect(request.state == .awaitingApproval)
        #expect(moves(request) == ["nil→received by alice", "received→awaiting_approval by policy"])
        #expect(request.transitions[0].origin == Fixture.slack)
        #expect(request.transitions[0].reason == nil)
        #expect(request.transitions[1].reason == "needs 2 approvals from prod-approvers")
        #expect(request.approvers == "prod-approvers")
        #expect(request.quorum == 2)
        #expect(request.expiresAt == Fixture.at(3600))
        #expect(request.createdAt == Fixture.t0)
        #expect(request.requester == "alice")
        #expect(request.origin == Fixture.slack)
        #expect(request.env == "prod")
        #expect(request.approvals.isEmpty)
        #expect(try await store.request(id: request.id) == request)
    }

    @Test func aRequestThatMayRunIsApprovedAtOnce() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let request = try await store.createRequest(Fixture.request(.restart, env: "staging"), admission: .approved, at: Fixture.t0)

        #expect(request.state == .approved)
        #expect(moves(request) == ["nil→received by alice", "received→approved by policy"])
        #expect(request.quorum == 0)
        // It must start within the default window: an old admission is not run after a long outage.
        #expect(request.expiresAt == Fixture.t0.addingTimeInterval(StoredRequest.defaultStartWindow))
    }

    @Test func aRefusedRequestIsDeniedWithPolicysReason() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let why = "bob may not deploy in prod; allowed groups: release"
        let request = try await store.createRequest(Fixture.request(requester: "bob"), admission: .refused(reason: why), at: Fixture.t0)

        #expect(request.state == .denied)
        #expect(moves(request) == ["nil→received by bob", "received→denied by policy"])
        #expect(request.transitions.last?.reason == why)
    }

    @Test func slotsOfEveryKindRoundTrip() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let slots: [String: SlotValue] = [
            "app": .string("iris-classifier"), "replicas": .integer(3), "features": .numbers([5.1, 3.5, 1.4, 0.2, -2, 1e-3]),
        ]
        let created = try await store.createRequest(Fixture.request(.scale, extra: slots, dryRun: true),
                                                    admission: .approved, at: Fixture.t0)
        let read = try #require(try await store.request(id: created.id))

        var expected = slots
        expected["env"] = .string("prod")
        #expect(read.slots == expected)
        #expect(read.intent == .scale)
        #expect(read.isDryRun)
        #expect(read.summary == "scale app=iris-classifier env=prod features=5.1 3.5 1.4 0.2 -2 0.001 replicas=3")
    }

    @Test func theSummaryNamesTheIntentThenSortedSlots() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let request = try await store.createRequest(Fixture.request(), admission: .approved, at: Fixture.t0)
        #expect(request.summary == "deploy app=iris-classifier env=prod version=v2.3")
    }

    @Test func listsAreNewestFirstAndFilteredByState() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let a = try await store.createRequest(Fixture.request(), admission: Fixture.awaiting(), at: Fixture.t0)
        let b = try await store.createRequest(Fixture.request(), admission: .approved, at: Fixture.at(1))
        let c = try await store.createRequest(Fixture.request(), admission: Fixture.awaiting(), at: Fixture.at(2))

        #expect(try await store.requests(states: nil, limit: 10).map(\.id) == [c.id, b.id, a.id])
        #expect(try await store.requests(states: nil, limit: 2).map(\.id) == [c.id, b.id])
        #expect(try await store.requests(states: [.awaitingApproval], limit: 10).map(\.id) == [c.id, a.id])
        #expect(try await store.requests(states: [.approved, .denied], limit: 10).map(\.id) == [b.id])
        #expect(try await store.requests(states: [], limit: 10).isEmpty)
        #expect(try await store.request(id: 999) == nil)
    }

    /// Notes that come with a new request are written in its transaction: there when the request
    /// is, without a write of their own.
    @Test func notesGivenWithANewRequestAreRecordedWithIt() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        var new = Fixture.request()
        new.notes = ["request_id": "req-7f3a", "understood_by": "model m, prompt intent@1"]
        let stored = try await store.createRequest(new, admission: .approved, at: Fixture.t0)
        #expect(try await store.executionNote(requestID: stored.id, key: "request_id") == "req-7f3a")
        #expect(try await store.executionNote(requestID: stored.id, key: "understood_by") == "model m, prompt intent@1")
        let plain = try await store.createRequest(Fixture.request(), admission: .approved, at: Fixture.t0)
        #expect(try await store.executionNote(requestID: plain.id, key: "request_id") == nil)
    }
}
