import Approvals
import ChatOpsCore
import Conversation
import Foundation

/// An Events API request: the `url_verification` handshake or an `event_callback` wrapping one event.
struct SlackEventEnvelope: Decodable, Sendable {
    let type: String
    let challenge: String?
    let event_id: String?
    let team_id: String?
    let api_app_id: String?
    let authorizations: [Authorization]?
    let event: Event?

    struct Authorization: Decodable, Sendable {
        let user_id: String?
        let is_bot: Bool?
    }

    struct Event: Decodable, Sendable {
        let type: String
        let user: String?
        let text: String?
        let channel: String?
        let channel_type: String?
        let ts: String?
        let thread_ts: String?
        let bot_id: String?
        let subtype: String?
    }

    init(body: [UInt8]) throws(SlackInboundError) {
        do {
            self = try JSONDecoder().decode(Self.self, from: Data(body))
        } catch {
            throw .malformedJSON("event", "\(error)")
        }
    }

    /// The bot's own user id in this workspace (Slack lists the installation the event is for).
    var botUserID: String? {
        (authorizations?.first { $0.is_bot == true } ?? authorizations?.first)?.user_id
    }

    /// The message for the bot in this event, or why there is none. Mentions of the bot and direct
    /// messages count; in a channel's thread, a reply without a mention counts only when it is a
    /// bare yes or no (`message.channels` events: the answer to the bot's "Did you mean …?"),
    /// passed on unaddressed — any other chatter, and a reply that mentions the bot (Slack sends
    /// that as an `app_mention` too), is ignored. Anything a bot posted (its own replies included)
    /// and edits, joins and other subtypes are ignored, so the bot never answers itself.
    func incomingMessage() -> Result<IncomingMessage, Ignored> {
        guard let event else { return .failure(.noEvent) }
        let addressed: Bool
        switch (event.type, event.channel_type) {
        case ("app_mention", _), ("message", "im"): addressed = true
        case ("message", "channel"), ("message", "group"), ("message", "mpim"): addressed = false
        default: return .failure(.notForTheBot(event.type))
        }
        if event.bot_id != nil || event.subtype != nil { return .failure(.botOrSubtype) }
        guard let user = event.user, SlackID.isValid(user), user != botUserID else { return .failure(.botOrSubtype) }
        guard let channel = event.channel, SlackID.isValid(channel), let ts = event.ts, let text = event.text else {
            return .failure(.incomplete)
        }
        if !addressed {
            // A bare answer holds no mention, so a mention never arrives twice.
            guard let root = event.thread_ts, root != ts, ConfirmationWords.isBareAnswer(text) else {
                return .failure(.notForTheBot(event.type))
            }
        }
        let origin = MessageOrigin(platform: SlackAdapter.platformName, channel: channel, thread: event.thread_ts ?? ts, messageID: ts)
        return .success(IncomingMessage(platformUser: SlackAdapter.platformUser(user), origin: origin,
                                        deliveryID: event_id ?? "\(channel):\(ts)",
                                        text: Self.text(text, withoutMentionOf: botUserID), isAddressedByPlatform: addressed))
    }

    enum Ignored: Error, Hashable {
        case noEvent, notForTheBot(String), botOrSubtype, incomplete
    }

    /// The text with the bot's own mention (`<@U123>`, `<@U123|chatops>`) removed and Slack's
    /// entities decoded; other mentions stay as written.
    static func text(_ text: String, withoutMentionOf bot: String?) -> String {
        var text = text
        if let bot {
            // `<@U123>` or `<@U123|label>`: from the mention's start to its closing `>`.
            while let start = text.range(of: "<@\(bot)>") ?? text.range(of: "<@\(bot)|") {
                let close = text[start.lowerBound...].firstIndex(of: ">") ?? text.index(before: text.endIndex)
                text.replaceSubrange(start.lowerBound...close, with: " ")
            }
        }
        let words = SlackMrkdwn.unescape(text).split(whereSeparator: \.isWhitespace)
        return words.joined(separator: " ")
    }
}
