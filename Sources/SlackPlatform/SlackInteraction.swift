import Approvals
import ChatOpsCore
import ChatServer
import Conversation
import Foundation
import PlatformHTTP
import ReplyModel

/// An interaction payload (`payload=` JSON in a form body); chatops acts on `block_actions`, the
/// click of one of its own Approve / Deny buttons.
struct SlackInteraction: Decodable, Sendable {
    let type: String
    let user: User?
    let trigger_id: String?
    let container: Container?
    let channel: Channel?
    let message: Message?
    let actions: [Action]?
    let team: Team?
    let api_app_id: String?

    struct Team: Decodable, Sendable { let id: String? }
    struct User: Decodable, Sendable {
        let id: String
        let team_id: String?
    }
    struct Channel: Decodable, Sendable { let id: String }
    struct Container: Decodable, Sendable {
        let message_ts: String?
        let channel_id: String?
        let thread_ts: String?
    }
    struct Message: Decodable, Sendable {
        let ts: String?
        let thread_ts: String?
    }
    struct Action: Decodable, Sendable {
        let action_id: String?
        let value: String?
        let action_ts: String?
    }

    init(body: [UInt8]) throws(SlackInboundError) {
        guard let payload = FormFields(body)["payload"] else { throw .missingField("payload") }
        do {
            self = try JSONDecoder().decode(Self.self, from: Data(payload.utf8))
        } catch {
            throw .malformedJSON("interaction payload", "\(error)")
        }
    }

    /// The workspace the click came from.
    var teamID: String? { team?.id ?? user?.team_id }

    /// The chatops button clicked, or nil when the interaction is something else (another type,
    /// another app's button, a forged identifier).
    var clickedAction: (action: ReplyAction, timestamp: String?)? {
        guard type == "block_actions" else { return nil }
        for action in actions ?? [] {
            if let id = action.action_id, let parsed = ReplyAction(identifier: id) { return (parsed, action.action_ts) }
            if let value = action.value, let parsed = ReplyAction(identifier: value) { return (parsed, action.action_ts) }
        }
        return nil
    }

    /// The click as a message from the person who clicked: `approve 42`, in the clicked message's thread.
    func incomingMessage() throws(SlackInboundError) -> IncomingMessage? {
        guard let clicked = clickedAction else { return nil }
        let userID = try SlackID.require(user?.id, "user.id")
        let channelID = try SlackID.require(channel?.id ?? container?.channel_id, "channel.id")
        guard let messageTS = container?.message_ts ?? message?.ts else { throw .missingField("container.message_ts") }
        let thread = message?.thread_ts ?? container?.thread_ts ?? messageTS
        guard let delivery = trigger_id ?? clicked.timestamp.map({ "action:\(userID):\($0)" }) else { throw .missingField("trigger_id") }
        return IncomingMessage(platformUser: SlackAdapter.platformUser(userID),
                               origin: MessageOrigin(platform: SlackAdapter.platformName, channel: channelID, thread: thread,
                                                     messageID: messageTS),
                               deliveryID: delivery, text: clicked.action.commandText, isAddressedByPlatform: true)
    }
}
