import Approvals
import ChatOpsCore
import Foundation
import RequestStore
import Testing

@Suite("Inbound deliveries")
struct DeliveryTests {
    @Test func aRedeliveryIsRecognisedAndGetsTheEarlierReply() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        #expect(try await store.recordDelivery(platform: "slack", id: "Ev1", at: Fixture.t0) == .new)
        #expect(try await store.recordDelivery(platform: "slack", id: "Ev1", at: Fixture.at(1)) == .repeated(reply: nil))

        try await store.completeDelivery(platform: "slack", id: "Ev1", reply: "Request #1 is waiting for approval")
        #expect(try await store.recordDelivery(platform: "slack", id: "Ev1", at: Fixture.at(2))
                == .repeated(reply: "Request #1 is waiting for approval"))
    }

    @Test func theSameIdOnAnotherPlatformIsADifferentDelivery() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        #expect(try await store.recordDelivery(platform: "slack", id: "42", at: Fixture.t0) == .new)
        #expect(try await store.recordDelivery(platform: "github", id: "42", at: Fixture.t0) == .new)
    }

    @Test func fiftyConcurrentCopiesAreNewExactlyOnce() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let outcomes = await withTaskGroup(of: DeliveryStatus?.self) { group in
            for _ in 0..<50 {
                group.addTask { try? await store.recordDelivery(platform: "discord", id: "interaction-7", at: Fixture.t0) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.tally == [.new: 1, .repeated(reply: nil): 49])
    }

    /// A replayed delivery is recognised however late it comes, until the retention prunes it.
    @Test func deliveriesAreKeptUntilTheRetentionPrunesThem() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        _ = try await store.recordDelivery(platform: "slack", id: "old", at: Fixture.t0)
        let eightDays: TimeInterval = 8 * 24 * 3600
        #expect(try await store.recordDelivery(platform: "slack", id: "other", at: Fixture.at(eightDays)) == .new)
        #expect(try await store.recordDelivery(platform: "slack", id: "old", at: Fixture.at(eightDays)) == .repeated(reply: nil))
        let pruned = try await store.prune(before: Fixture.at(eightDays - 1), at: Fixture.at(eightDays))
        #expect(pruned.deliveries == 1)
        #expect(try await store.recordDelivery(platform: "slack", id: "old", at: Fixture.at(eightDays)) == .new)
        #expect(try await store.recordDelivery(platform: "slack", id: "other", at: Fixture.at(eightDays)) == .repeated(reply: nil))
    }
}
