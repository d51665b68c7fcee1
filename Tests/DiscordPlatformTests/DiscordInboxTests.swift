import Approvals
import ChatOpsTestSupport
import Foundation
import RequestStore
import Synchronization
import Testing

/// Discord shows "thinking…" once it has the deferral, and never sends the interaction again: the
/// interaction is stored with its message before that answer, so a stop before it is handled
/// loses nothing. Its token (a 15-minute credential) is never stored: a resumed interaction
/// answers in its channel with the bot token.
@Suite("Discord: acknowledged interactions survive a stop", .serialized)
struct DiscordInboxTests {
    static let interactionID = "786008729715212338"

    /// A message that becomes no request: a command would hand its delivery to its request at
    /// once, before the work's first call to Discord, where the store is read.
    static func greeting() throws -> Data {
        try Interactions.command(id: interactionID, token: "A_UNIQUE_TOKEN", name: "chatops", options: [("text", "Hi there!")])
    }

    /// What a process stored for an interaction it deferred, read from its store when its work
    /// first calls Discord (acknowledged, not yet handled: as a crash there would leave it).
    static func storedWhileUnhandled() async throws -> [PendingDelivery] {
        let store = try SQLiteApprovalStore.inMemory()
        let seen = Mutex<[PendingDelivery]?>(nil)
        let harness = try await DiscordHarness(store: store) { _ in
            if seen.withLock({ $0 }) == nil {
                let pending = try? await store.pendingDeliveries(receivedBefore: Date().addingTimeInterval(60))
                seen.withLock { $0 = pending ?? [] }
            }
            return nil
        }
        let response = try await harness.post(try greeting())
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"type":5}"#)
        await harness.settle()
        await harness.stop()
        return seen.withLock { $0 } ?? []
    }

    /// A new process on a store holding `pending`, each received `age` seconds earlier than it was.
    static func restart(with pending: [PendingDelivery], age: TimeInterval) async throws -> DiscordHarness {
        let store = try await SQLiteApprovalStore.inMemory(holding: pending, receivedEarlierBy: age)
        return try await DiscordHarness(store: store)
    }

    @Test func anInteractionDeferredBeforeAStopIsAnsweredInItsChannelAtTheNextStart() async throws {
        let pending = try await Self.storedWhileUnhandled()
        let stored = try #require(pending.first)
        #expect(pending.count == 1)
        #expect(stored.key.platform == "discord" && stored.key.id == Self.interactionID)
        let work = String(decoding: stored.work, as: UTF8.self)
        #expect(work.contains("Hi there!") && work.contains(TestUsers.alice))
        #expect(!work.contains("A_UNIQUE_TOKEN"))

        let harness = try await Self.restart(with: pending, age: 30)
        try await harness.harness.eventually("the answer is posted") {
            harness.fake.requests.contains { $0.messageText.contains("I didn't understand that") }
        }
        try await harness.harness.eventually("the delivery completes") {
            try await harness.bot.store.pendingDeliveries(receivedBefore: Date().addingTimeInterval(60)).isEmpty
        }
        #expect(harness.fake.requests.count == 1)
        // No token was kept: everything goes to the channel with the bot token.
        #expect(harness.fake.requests.allSatisfy { $0.path == "/channels/\(TestUsers.channel)/messages" })
        // The same interaction again (a replay of the signed body) acts no more, and says so.
        let replay = try await harness.post(try Self.greeting())
        #expect(replay.status == 200)
        #expect(String(decoding: replay.body, as: UTF8.self).contains("already received"))
        await harness.settle()
        #expect(harness.fake.requests.count == 1)
        await harness.stop()
    }

    @Test func anInteractionTooOldToResumeIsReportedInItsChannelAndNothingRuns() async throws {
        let pending = try await Self.storedWhileUnhandled()
        #expect(pending.count == 1)
        let harness = try await Self.restart(with: pending, age: 20 * 60)
        try await harness.harness.eventually("the notice is posted") {
            harness.fake.requests.contains { $0.messageText.contains("too old") }
        }
        try await harness.harness.eventually("the delivery completes") {
            try await harness.bot.store.pendingDeliveries(receivedBefore: Date().addingTimeInterval(60)).isEmpty
        }
        let notice = try #require(harness.fake.requests.first)
        #expect(notice.path == "/channels/\(TestUsers.channel)/messages")
        #expect(notice.messageText.contains("Your message `Hi there!` was received 20 minutes ago"))
        #expect(notice.messageText.contains("Nothing was done"))
        #expect(harness.fake.requests.count == 1)
        #expect(harness.executor.executed.isEmpty)
        #expect(try await harness.bot.store.requests(states: nil, limit: 10).isEmpty)
        await harness.stop()
    }
}
