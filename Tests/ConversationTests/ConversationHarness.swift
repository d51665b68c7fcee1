import Approvals
import ChatOpsConfig
import ChatOpsCore
import ChatOpsTestSupport
import Conversation
import Execution
import Foundation
import ReplyModel
import RequestStore
import RuleEngine
import Synchronization
import Understanding

/// The shipped rules and example configuration, an in-memory store, and the bot on them.
struct ConversationHarness {
    static let configuration: ChatOpsConfiguration = try! TestBot.configuration()

    let clock = TestClock()
    let store: SQLiteApprovalStore
    let bot: ChatBot
    let sink = RecordingSink()

    init(dryRun: Bool = false, store: SQLiteApprovalStore? = nil, executors: [(any Executor, [Intent])] = []) throws {
        self.store = try store ?? SQLiteApprovalStore.inMemory()
        let clock = clock
        bot = try TestBot.make(configuration: Self.configuration, executors: executors, store: self.store, isDryRun: dryRun,
                               now: { clock.now })
    }

    /// Says `text` as console user `user`; returns the replies to it.
    @discardableResult
    func say(_ user: String, _ text: String, delivery: String? = nil) async throws -> [String] {
        await sink.clear()
        let message = IncomingMessage(platformUser: "console:\(user)", origin: MessageOrigin(platform: "console", channel: "ops"),
                                      deliveryID: delivery, text: text, isAddressedByPlatform: true)
        try await bot.handle(message, sink: sink)
        return await sink.texts
    }
}

extension Array where Element == String {
    func contains(substring: String) -> Bool { contains { $0.contains(substring) } }
}
