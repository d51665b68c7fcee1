import Approvals
import ChatOpsCore
import ChatServer
import Conversation
import Foundation

extension SlackAdapter {
    /// The inbox kind of a slash command (its form, without the token and the response URL).
    static let commandWork = "command"

    /// A slash command, event or click Slack was answered for and chatops never handled (it
    /// stopped in between): run now as it would have been then, or, when too old, its sender is
    /// told in the channel (a command) or the thread (a message) that nothing was done.
    public func resume(_ delivery: PendingDelivery, stale: Bool) async {
        guard let work = InboxWork(encoded: delivery.work), work.kind == Self.commandWork else {
            await handoff.resumeMessage(delivery, stale: stale, sink: router.sink(preferring: replies, for: platform), thread: replies)
            return
        }
        let command: SlackSlashCommand
        do throws(SlackInboundError) { command = try SlackSlashCommand(body: work.body) } catch {
            await handoff.abandon(delivery, reason: "its stored slash command could not be read (\(error))")
            return
        }
        guard stale else { return await run(command, resumed: delivery.receivedAt) }
        await handoff.tellStale(delivery, what: "Your command `\(SlackMrkdwn.fitted(command.commandLine, limit: 2000))`",
                                origin: MessageOrigin(platform: platform, channel: command.channelID), sink: replies)
    }
}
