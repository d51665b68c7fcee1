import Approvals
import ChatOpsCore
import ChatOpsTestSupport
import Foundation
import RequestStore
import Testing

/// Deliveries answered before they are handled keep their work until they complete: a store
/// opened after a crash lists what was acknowledged and never handled.
@Suite("Inbox: acknowledged deliveries and their work")
struct InboxTests {
    static let work = Array("command\ncommand=%2Fchatops&text=help&trigger_id=T1".utf8)

    @Test func workClaimedWithADeliveryIsPendingInTheReopenedFileUntilItCompletes() async throws {
        let (folder, path, store) = try Fixture.fileStore()
        defer { withExtendedLifetime(folder) {} }
        #expect(try await store.recordDelivery(platform: "slack", id: "T1", at: Fixture.t0, work: Self.work) == .new)
        #expect(try await store.recordDelivery(platform: "slack", id: "T2", at: Fixture.at(1), work: Array("message\n{}".utf8)) == .new)
        #expect(try await store.recordDelivery(platform: "slack", id: "T3", at: Fixture.at(2)) == .new)  // no work: nothing to resume

        let reopened = try SQLiteApprovalStore(path: path)
        let pending = try await reopened.pendingDeliveries(receivedBefore: Fixture.at(60))
        #expect(pending.map(\.key.id) == ["T1", "T2"])
        #expect(pending.first?.work == Self.work)
        #expect(pending.first?.receivedAt == Fixture.t0)
        #expect(pending.first?.key.platform == "slack")

        try await reopened.completeDelivery(platform: "slack", id: "T1", reply: "help text")
        #expect(try await reopened.pendingDeliveries(receivedBefore: Fixture.at(60)).map(\.key.id) == ["T2"])
        // The reply is remembered for a replay; the work is not kept.
        #expect(try await reopened.recordDelivery(platform: "slack", id: "T1", at: Fixture.at(3), work: Self.work)
                == .repeated(reply: "help text"))
        #expect(try await reopened.pendingDeliveries(receivedBefore: Fixture.at(60)).map(\.key.id) == ["T2"])
    }

    /// Claims received from the bound on are the running process's own, in flight.
    @Test func onlyDeliveriesReceivedBeforeTheBoundArePending() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        _ = try await store.recordDelivery(platform: "slack", id: "before", at: Fixture.t0, work: Self.work)
        _ = try await store.recordDelivery(platform: "discord", id: "at", at: Fixture.at(10), work: Self.work)
        #expect(try await store.pendingDeliveries(receivedBefore: Fixture.at(10)).map(\.key) == [DeliveryKey(platform: "slack", id: "before")])
        #expect(try await store.pendingDeliveries(receivedBefore: Fixture.at(11)).count == 2)
    }

    /// Once a delivery became a request, the request carries it (its lifecycle and its own
    /// recovery); resuming the delivery would record the command twice.
    @Test func aRequestRecordedFromADeliveryConsumesItsWorkInTheSameTransaction() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        _ = try await store.recordDelivery(platform: "slack", id: "T1", at: Fixture.t0, work: Self.work)
        _ = try await store.recordDelivery(platform: "slack", id: "T2", at: Fixture.t0, work: Self.work)
        var new = Fixture.request()
        new.delivery = DeliveryKey(platform: "slack", id: "T1")
        let request = try await store.createRequest(new, admission: Fixture.awaiting(), at: Fixture.at(1))
        #expect(request.state == .awaitingApproval)
        #expect(try await store.pendingDeliveries(receivedBefore: Fixture.at(60)).map(\.key.id) == ["T2"])
        // Still a delivery seen: a replay of it is not new.
        #expect(try await store.recordDelivery(platform: "slack", id: "T1", at: Fixture.at(2)) == .repeated(reply: nil))
    }
}
