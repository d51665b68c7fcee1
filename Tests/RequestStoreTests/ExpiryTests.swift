import Approvals
import ChatOpsCore
import Foundation
import RequestStore
import Testing

@Suite("Expiry")
struct ExpiryTests {
    @Test func nothingExpiresBeforeItsTime() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let request = try await store.createRequest(Fixture.request(), admission: Fixture.awaiting(ttl: 3600), at: Fixture.t0)

        #expect(try await store.expireDue(at: Fixture.at(3599)).isEmpty)
        #expect(try await store.request(id: request.id)?.state == .awaitingApproval)
        #expect(try await store.pendingNotices(platform: "slack").isEmpty)
    }

    @Test func anUnapprovedRequestExpiresWithANoticeToItsThread() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let request = try await store.createRequest(Fixture.request(), admission: Fixture.awaiting(ttl: 3600), at: Fixture.t0)

        let expired = try await store.expireDue(at: Fixture.at(3600))
        #expect(expired.map(\.id) == [request.id])
        #expect(expired.first?.state == .expired)
        #expect(moves(expired.first).last == "awaiting_approval→expired by chatops")
        #expect(expired.first?.transitions.last?.reason == "no approval within the time limit")

        let notices = try await store.pendingNotices(platform: "slack")
        #expect(notices.map(\.text) == ["Request #\(request.id) (deploy app=iris-classifier env=prod version=v2.3) expired: "
                                         + "it was not approved in time. Ask again if it is still needed."])
        #expect(notices.first?.origin == Fixture.slack)
        #expect(notices.first?.requestID == request.id)
        #expect(notices.first?.createdAt == Fixture.at(3600))
        #expect(try await store.pendingNotices(platform: "discord").isEmpty)

        #expect(try await store.expireDue(at: Fixture.at(7200)).isEmpty)
        let late = try await store.approve(id: request.id, approver: "bob", origin: nil, at: Fixture.at(3601))
        #expect(late.name == "notAwaitingApproval")
    }

    @Test func approvedAndRunningRequestsDoNotExpire() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let approved = try await store.createRequest(Fixture.request(), admission: Fixture.awaiting(ttl: 60), at: Fixture.t0)
        _ = try await store.approve(id: approved.id, approver: "bob", origin: nil, at: Fixture.at(1))
        let running = try await store.createRequest(Fixture.request(), admission: Fixture.awaiting(ttl: 60), at: Fixture.t0)
        _ = try await store.approve(id: running.id, approver: "bob", origin: nil, at: Fixture.at(1))
        _ = try await store.claimForExecution(id: running.id, owner: Fixture.owner, leaseUntil: Fixture.at(9999), at: Fixture.at(2))

        #expect(try await store.expireDue(at: Fixture.at(3600)).isEmpty)
        #expect(try await store.request(id: approved.id)?.state == .approved)
        #expect(try await store.request(id: running.id)?.state == .executing)
    }

    @Test func deliveredNoticesAreNotPendingAnyMore() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        for _ in 0..<3 {
            _ = try await store.createRequest(Fixture.request(), admission: Fixture.awaiting(ttl: 10), at: Fixture.t0)
        }
        _ = try await store.expireDue(at: Fixture.at(10))
        let notices = try await store.pendingNotices(platform: "slack")
        #expect(notices.compactMap(\.requestID) == [1, 2, 3])

        try await store.markNoticesDelivered([notices[0].id, notices[2].id])
        #expect(try await store.pendingNotices(platform: "slack").map(\.id) == [notices[1].id])
    }
}
