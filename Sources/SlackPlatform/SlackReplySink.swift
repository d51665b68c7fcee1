import Approvals
import ChatOpsCore
import Conversation
import Foundation
import Logging
import PlatformHTTP
import ReplyModel

/// Posts replies in the origin's Slack thread and updates approval prompts in place. Never throws:
/// a failed call is logged (without the token) and the reply is reported as not posted.
public struct SlackReplySink: ReplySink {
    let api: SlackWebAPI
    let logger: Logger

    public func send(_ reply: Reply, to origin: MessageOrigin) async -> MessageOrigin? {
        guard let channel = origin.channel else {
            logger.error("a Slack reply has no channel to go to", metadata: ["origin": "\(origin.summary)"])
            return nil
        }
        do {
            let posted = try await api.postMessage(channel: channel, threadTS: origin.thread, SlackRenderer.render(reply))
            return MessageOrigin(platform: origin.platform, channel: posted.channel, thread: origin.thread ?? posted.ts,
                                 messageID: posted.ts)
        } catch {
            logger.error("Slack chat.postMessage failed", metadata: ["channel": "\(channel)", "error": "\(error)"])
            return nil
        }
    }

    public func update(_ posted: MessageOrigin, with reply: Reply) async {
        guard let channel = posted.channel, let ts = posted.messageID else {
            logger.error("a Slack message to update has no channel or ts", metadata: ["origin": "\(posted.summary)"])
            return
        }
        do {
            try await api.update(channel: channel, ts: ts, SlackRenderer.render(reply))
        } catch {
            logger.error("Slack chat.update failed", metadata: ["channel": "\(channel)", "ts": "\(ts)", "error": "\(error)"])
        }
    }

    /// Starts the thread a slash command's conversation lives in: a channel message saying who
    /// asked for what. Slash commands leave no message of their own to reply under.
    /// `resumed`: when the command was received, for one run after a restart (its first thread, if
    /// any, was left unanswered).
    func startThread(channel: String, user: String, commandLine: String, resumed: Date? = nil) async -> SlackWebAPI.Posted? {
        let room = SlackRenderer.sectionTextLimit - (resumed == nil ? 40 : 130)
        var text = "<@\(user)> asked: `\(SlackMrkdwn.fitted(commandLine, limit: room))`"
        if let resumed {
            text += " (received at \(Self.clock(resumed)) UTC; chatops restarted before answering, so it runs now)"
        }
        let message = SlackMessage(text: text, blocks: [SlackRenderer.section(text)])
        do {
            return try await api.postMessage(channel: channel, threadTS: nil, message)
        } catch {
            logger.error("could not start a Slack thread for a slash command; it was not run (is the bot in the channel?)",
                         metadata: ["channel": "\(channel)", "command": "\(commandLine)", "error": "\(error)"])
            return nil
        }
    }

    /// `14:05`, in UTC.
    static func clock(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970) % 86_400
        let (hour, minute) = (seconds / 3600, seconds % 3600 / 60)
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
