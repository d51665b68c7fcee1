import ChatOpsCore
import ChatOpsTestSupport
import ChatServer
import Foundation
@testable import RequestStore
import Testing

/// The one error policy every adapter hands its messages through.
@Suite("Acknowledge, then handle")
struct BotHandoffTests {
    static func message(_ delivery: String) -> IncomingMessage {
        IncomingMessage(platformUser: "console:alice", origin: MessageOrigin(platform: "probe", channel: "C1", thread: "T1"),
                        deliveryID: delivery, text: "deploy iris v2.3 to staging", isAddressedByPlatform: true)
    }

    @Test("a failure is logged in full under a reference; the thread hears only that it failed and the reference")
    func failureCarriesAReference() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let bot = try TestBot.make(configuration: TestBot.configuration(), executors: [(FakeExecutor(), [.deploy])], store: store)
        try await store.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA query_only = 1") }
        let log = CapturedLog()
        let replies = RecordingSink(), thread = RecordingSink()
        let handoff = BotHandoff(platform: "Probe", bot: bot, work: InFlightWork(), logger: log.logger)

        await handoff.handle(Self.message("d-1"), sink: replies, thread: thread, metadata: ["channel": "C1"])

        #expect(await replies.texts.isEmpty)
        let told = try #require(await thread.replies.first)
        let reference = try #require(told.text.firstMatch(of: /chatops-[0-9a-f]{8}/).map { String($0.output) })
        #expect(told.text == "The bot failed on this command (reference \(reference) in its log). Nothing was lost; try again.")
        #expect(told.origin == Self.message("d-1").origin)
        let entry = try #require(log.lines.first { $0.contains("reference=\(reference)") })
        #expect(entry.hasPrefix("error a Probe command failed"))
        #expect(entry.contains("delivery=d-1") && entry.contains("channel=C1") && entry.contains("readonly"))
    }

    @Test("a repeated delivery is logged and does nothing; work handed off later is drained")
    func repeatsAndLaterWork() async throws {
        let executor = FakeExecutor()
        let bot = try TestBot.make(configuration: TestBot.configuration(), executors: [(executor, [.deploy])])
        let log = CapturedLog()
        let work = InFlightWork()
        let handoff = BotHandoff(platform: "Probe", bot: bot, work: work, logger: log.logger)
        let replies = RecordingSink()

        await handoff.handleLater(Self.message("d-2"), sink: replies)
        await work.drain()
        let answered = await replies.texts.count
        await handoff.handle(Self.message("d-2"), sink: replies)

        #expect(executor.executed.count == 1)
        #expect(answered > 0)
        #expect(await replies.texts.count == answered)
        #expect(log.lines.contains { $0.contains("repeated Probe delivery: already handled, not acting again") && $0.contains("delivery=d-2") })
    }

    @Test("messages handled in order are each stored with their claim: once, and a store that refuses is said with a reference")
    func handleStoring() async throws {
        let executor = FakeExecutor()
        let store = try SQLiteApprovalStore.inMemory()
        let bot = try TestBot.make(configuration: TestBot.configuration(), executors: [(executor, [.deploy])], store: store)
        let log = CapturedLog()
        let handoff = BotHandoff(platform: "Probe", bot: bot, work: InFlightWork(), logger: log.logger)
        let replies = RecordingSink(), thread = RecordingSink()

        await handoff.handleStoring(Self.message("line-1"), sink: replies, thread: thread)
        #expect(executor.executed.count == 1)
        // Handled, so nothing is left to resume; its claim keeps what it answered.
        #expect(try await store.pendingDeliveries(receivedBefore: Date().addingTimeInterval(60)).isEmpty)
        #expect(try await store.recordDelivery(platform: "probe", id: "line-1", at: Date()) != .new)
        await handoff.handleStoring(Self.message("line-1"), sink: replies, thread: thread)
        #expect(executor.executed.count == 1)

        try await store.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA query_only = 1") }
        await handoff.handleStoring(Self.message("line-2"), sink: replies, thread: thread)
        #expect(executor.executed.count == 1)
        let told = try #require(await thread.replies.last)
        let reference = try #require(told.text.firstMatch(of: /chatops-[0-9a-f]{8}/).map { String($0.output) })
        #expect(told.text == "chatops could not record this, so it did not act on it (reference \(reference) in its log). "
                + "Nothing was done; send it again in a moment.")
        let entry = try #require(log.lines.first { $0.contains("reference=\(reference)") })
        #expect(entry.contains("could not record a Probe delivery") && entry.contains("delivery=line-2") && entry.contains("readonly"))
    }
}
