import ChatOpsCore
import Conversation
import Logging
import ReplyModel

/// Acknowledge, then handle: once a platform has its answer (Slack's 3 seconds, Discord's
/// deferral, GitHub's 202), the message goes to the bot in `InFlightWork`, so a graceful shutdown
/// finishes it instead of dropping it. One error policy for every platform: a repeated delivery is
/// logged and does nothing; a failure is logged in full under a short reference, and the thread is
/// told only that it failed and the reference (the error names store paths, SQL or backend URLs).
public struct BotHandoff: Sendable {
    /// `Slack`: how the log names the platform.
    public let platform: String
    public let bot: ChatBot
    public let work: InFlightWork
    let logger: Logger

    public init(platform: String, bot: ChatBot, work: InFlightWork, logger: Logger) {
        self.platform = platform
        self.bot = bot
        self.work = work
        self.logger = logger
    }

    /// Runs `body` after the platform was answered.
    public func later(_ body: @escaping @Sendable () async -> Void) async {
        work.start(body)
    }

    /// `handle`, after the platform was answered.
    public func handleLater(_ message: IncomingMessage, sink: any ReplySink, thread: (any ReplySink)? = nil,
                            metadata: Logger.Metadata = [:]) async {
        await later { await handle(message, sink: sink, thread: thread, metadata: metadata) }
    }

    /// Hands `message` to the bot, which replies through `sink`. `claimed`: the adapter already
    /// claimed the delivery (Slack posts a thread first). A failure is said in `thread` (default:
    /// `sink`) at the message's origin; `metadata` goes with the failure's log entry.
    public func handle(_ message: IncomingMessage, sink: any ReplySink, thread: (any ReplySink)? = nil, claimed: Bool = false,
                       metadata: Logger.Metadata = [:]) async {
        let delivery = message.deliveryID ?? "none"
        do {
            if claimed {
                try await bot.handleClaimed(message, sink: sink)
            } else if case .duplicate = try await bot.handle(message, sink: sink) {
                logger.info("repeated \(platform) delivery: already handled, not acting again", metadata: ["delivery": "\(delivery)"])
            }
        } catch {
            let reference = FailureReference.make()
            logger.error("a \(platform) command failed", metadata: metadata.merging([
                "reference": "\(reference)", "error": "\(error)", "delivery": "\(delivery)",
            ]) { _, ours in ours })
            _ = await (thread ?? sink).send(Self.failure(reference: reference), to: message.origin)
        }
    }

    /// What a thread is told when handling failed.
    static func failure(reference: String) -> Reply {
        .text("The bot failed on this command (reference \(reference) in its log). Nothing was lost; try again.", severity: .failure)
    }
}
