import ChatOpsCore
import Conversation
import Logging
import ReplyModel

/// Incident threads on Discord: the first message in the channel, a public thread started on it
/// (named by the incident's title) where the replies go, and the first message edited in place.
/// When Discord refuses the thread (the bot lacks Create Public Threads), the replies follow the
/// first message in the channel instead, and the log says why.
struct DiscordThreadStarter: ThreadStarter {
    let sink: DiscordSink
    let logger: Logger

    func start(_ opening: ThreadOpening, in channel: String) async -> MessageOrigin? {
        guard let first = await sink.send(opening.reply, to: MessageOrigin(platform: "discord", channel: channel)),
              let messageID = first.messageID else { return nil }
        do {
            let thread = try await sink.api.startThread(named: opening.title, on: messageID, in: channel)
            return MessageOrigin(platform: "discord", channel: channel, thread: thread.id, messageID: messageID)
        } catch {
            logger.warning("Discord thread could not be started; the incident's replies go to the channel",
                           metadata: ["channel": "\(channel)", "error": "\(error)"])
            return first
        }
    }

    func update(_ thread: MessageOrigin, with opening: ThreadOpening) async -> Bool {
        await sink.update(MessageOrigin(platform: "discord", channel: thread.channel, messageID: thread.messageID), with: opening.reply)
        return true
    }

    func finish(_ thread: MessageOrigin) async -> Bool { true }
}
