import Approvals
import ChatOpsCore
import Conversation
import Foundation
import Logging
import PlatformHTTP
import ReplyModel

/// Posts replies on Discord. A reply to a live interaction goes through its webhook (the deferred
/// answer first, follow-ups after); anything else, or when the webhook fails, goes to the channel
/// with the bot token, so nothing is lost when a token has expired (a result after a long approval).
struct DiscordSink: ReplySink {
    let api: DiscordAPI
    let tokens: InteractionTokens
    let logger: Logger

    func send(_ reply: Reply, to origin: MessageOrigin) async -> MessageOrigin? {
        let message = DiscordRenderer.render(reply)
        let route = await tokens.replyRoute(interactionID: origin.messageID)
        do {
            let posted: DiscordAPI.PostedMessage
            switch route {
            case .editOriginal(let live):
                posted = try await api.editWebhookMessage(message, applicationID: live.applicationID, token: live.token,
                                                          messageID: "@original")
            case .followUp(let live):
                posted = try await api.followUp(message, applicationID: live.applicationID, token: live.token)
            case .channel:
                return await sendToChannel(message, origin: origin)
            }
            if let interactionID = origin.messageID {
                let original: Bool
                if case .editOriginal = route { original = true } else { original = false }
                await tokens.posted(messageID: posted.id, by: interactionID, asOriginal: original)
            }
            return postedOrigin(posted, origin)
        } catch {
            logger.warning("Discord webhook reply failed; posting to the channel instead",
                           metadata: ["error": "\(error.redacting(route.token))"])
            return await sendToChannel(message, origin: origin)
        }
    }

    func update(_ posted: MessageOrigin, with reply: Reply) async {
        guard let messageID = posted.messageID else { return }
        let message = DiscordRenderer.render(reply)
        if case .webhook(let live, let reference) = await tokens.editRoute(messageID: messageID) {
            do {
                _ = try await api.editWebhookMessage(message, applicationID: live.applicationID, token: live.token,
                                                     messageID: reference)
                return
            } catch {
                logger.warning("Discord webhook edit failed; editing with the bot token instead",
                               metadata: ["error": "\(error.redacting(live.token))"])
            }
        }
        guard let channel = posted.channel else {
            logger.error("Discord message cannot be updated: no channel", metadata: ["message": "\(messageID)"])
            return
        }
        do { _ = try await api.editMessage(message, channelID: channel, messageID: messageID) } catch {
            logger.error("Discord message update failed", metadata: ["error": "\(error)", "message": "\(messageID)"])
        }
    }

    func sendToChannel(_ message: DiscordMessage, origin: MessageOrigin) async -> MessageOrigin? {
        guard let channel = origin.thread ?? origin.channel else {
            logger.error("Discord reply dropped: the origin names no channel", metadata: ["origin": "\(origin.summary)"])
            return nil
        }
        do {
            return postedOrigin(try await api.createMessage(message, channelID: channel), origin)
        } catch {
            logger.error("Discord reply failed", metadata: ["error": "\(error)", "channel": "\(channel)"])
            return nil
        }
    }

    func postedOrigin(_ posted: DiscordAPI.PostedMessage, _ origin: MessageOrigin) -> MessageOrigin {
        MessageOrigin(platform: origin.platform, channel: posted.channelID ?? origin.channel, thread: origin.thread,
                      messageID: posted.id)
    }
}

extension InteractionTokens.ReplyRoute {
    var token: String? {
        switch self {
        case .editOriginal(let live), .followUp(let live): return live.token
        case .channel: return nil
        }
    }
}
