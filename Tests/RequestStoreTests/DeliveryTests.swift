import Approvals
import ChatOpsCore
import Foundation
import ChatOpsTestSupport
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

    /// Claims made at once are committed in groups: each distinct id is new exactly once, copies
    /// are repeats, and every claim is in the file when the store is opened again.
    @Test func concurrentClaimsAreGroupedAndEachIsCommitted() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.url.appendingPathComponent("store.sqlite").path
        let store = try SQLiteApprovalStore(path: path)
        let outcomes = await withTaskGroup(of: (String, DeliveryStatus?).self) { group in
            for n in 0..<300 {
                let id = "trigger-\(n % 200)"
                group.addTask { (id, try? await store.recordDelivery(platform: "slack", id: id, at: Fixture.t0)) }
            }
            return await group.reduce(into: [:]) { $0[$1.0, default: []].append($1.1) }
        }
        #expect(outcomes.count == 200)
        for (id, statuses) in outcomes {
            #expect(statuses.filter { $0 == .new }.count == 1, "\(id)")
            #expect(statuses.allSatisfy { $0 == .new || $0 == .repeated(reply: nil) }, "\(id)")
        }
        let reopened = try SQLiteApprovalStore(path: path)
        for n in 0..<200 {
            #expect(try await reopened.recordDelivery(platform: "slack", id: "trigger-\(n)", at: Fixture.t0) == .repeated(reply: nil))
        }
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
