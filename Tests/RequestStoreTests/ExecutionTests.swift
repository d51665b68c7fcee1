import Approvals
import ChatOpsCore
import Foundation
import RequestStore
import Testing

@Suite("Execution: claims, leases, results, interruptions")
struct ExecutionTests {
    static let interruptedNotice = "was interrupted: the bot stopped while it was running, and it was not re-run. "
        + "Check the target system before asking again."

    /// An approved request claimed by `owner` with a lease until `leaseUntil`.
    static func running(_ store: SQLiteApprovalStore, owner: ExecutionOwner = Fixture.owner,
                        leaseUntil: Date = Fixture.at(60)) async throws -> StoredRequest {
        let request = try await store.createRequest(Fixture.request(), admission: .approved, at: Fixture.t0)
        let claim = try await store.claimForExecution(id: request.id, owner: owner, leaseUntil: leaseUntil, at: Fixture.at(1))
        return try #require(claim.request)
    }

    @Test func aClaimIsRecordedAsStartedByTheBot() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let request = try await Self.running(store)
        #expect(request.state == .executing)
        #expect(moves(request).last == "approved→executing by chatops")
        #expect(request.transitions.last?.reason == nil)
    }

    @Test func finishingRecordsTheResult() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let good = try await Self.running(store)
        let bad = try await Self.running(store)

        let succeeded = try await store.finish(id: good.id, succeeded: true, result: "deployed v2.3 to prod", at: Fixture.at(30))
        #expect(succeeded.state == .succeeded)
        #expect(succeeded.result == "deployed v2.3 to prod")
        #expect(moves(succeeded).last == "executing→succeeded by chatops")
        #expect(succeeded.transitions.last?.reason == nil)

        let failed = try await store.finish(id: bad.id, succeeded: false, result: "helm: timed out\nlast events: …", at: Fixture.at(30))
        #expect(failed.state == .failed)
        #expect(failed.result == "helm: timed out\nlast events: …")
        #expect(failed.transitions.last?.reason == "helm: timed out")
    }

    @Test func finishingARequestThatIsNotRunningFails() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let approved = try await store.createRequest(Fixture.request(), admission: .approved, at: Fixture.t0)

        let error = await #expect(throws: StoreError.self) {
            try await store.finish(id: approved.id, succeeded: true, result: "done", at: Fixture.at(1))
        }
        #expect(error?.description == "cannot record the end of request #\(approved.id): a request that is approved cannot be "
                + "marked succeeded; only a request claimed for execution (executing) can finish")
        #expect(try await store.request(id: approved.id) == approved)
        await #expect(throws: StoreError.self) {
            try await store.finish(id: 99, succeeded: false, result: "x", at: Fixture.at(1))
        }
    }

    @Test func aDeadOwnerOnThisHostLeavesAnInterruptedRequestAndANotice() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let request = try await Self.running(store)

        let recovered = try await store.recoverInterrupted(host: "h", isAlive: { _ in false }, at: Fixture.at(10))
        #expect(recovered.map(\.id) == [request.id])
        #expect(recovered.first?.state == .interrupted)
        #expect(moves(recovered.first).last == "executing→interrupted by chatops")
        #expect(recovered.first?.transitions.last?.reason
                == "the bot stopped while this was executing; it was not re-run — check the target system before retrying")

        let notices = try await store.pendingNotices(platform: "slack")
        #expect(notices.map(\.text) == ["Request #\(request.id) (deploy app=iris-classifier env=prod version=v2.3) "
                                         + Self.interruptedNotice])
        #expect(notices.first?.origin == Fixture.slack)
    }

    @Test func aLiveOwnerWithinItsLeaseIsLeftAlone() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let request = try await Self.running(store)

        #expect(try await store.recoverInterrupted(host: "h", isAlive: { $0 == 123 }, at: Fixture.at(10)).isEmpty)
        #expect(try await store.recoverInterrupted(host: "other", isAlive: { _ in false }, at: Fixture.at(10)).isEmpty)
        #expect(try await store.request(id: request.id)?.state == .executing)
        #expect(try await store.pendingNotices(platform: "slack").isEmpty)
    }

    @Test func aRunOutLeaseOnAnotherHostIsInterrupted() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let request = try await Self.running(store, owner: ExecutionOwner(host: "g", pid: 7), leaseUntil: Fixture.at(60))

        let recovered = try await store.recoverInterrupted(host: "h", isAlive: { _ in true }, at: Fixture.at(61))
        #expect(recovered.map(\.id) == [request.id])
        #expect(try await store.request(id: request.id)?.state == .interrupted)
    }

    @Test func onlyTheOwnerCanRenewALease() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let owner = ExecutionOwner(host: "g", pid: 7)
        let renewed = try await Self.running(store, owner: owner, leaseUntil: Fixture.at(60))
        let stolen = try await Self.running(store, owner: owner, leaseUntil: Fixture.at(60))

        try await store.renewLease(id: renewed.id, owner: owner, until: Fixture.at(600))
        try await store.renewLease(id: stolen.id, owner: ExecutionOwner(host: "g", pid: 8), until: Fixture.at(600))

        let recovered = try await store.recoverInterrupted(host: "h", isAlive: { _ in true }, at: Fixture.at(120))
        #expect(recovered.map(\.id) == [stolen.id])
        #expect(try await store.request(id: renewed.id)?.state == .executing)
    }
}
