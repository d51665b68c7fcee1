import Approvals
import ChatOpsCore
import ChatServer
import Conversation
import Foundation
import Hummingbird
import PlatformHTTP
import ReplyModel

/// What each kind of interaction gets back at once, and the work it starts.
extension DiscordAdapter {
    func answer(_ interaction: DiscordInteraction) async -> Response {
        if interaction.kind != .ping, let refusal = settings.refusal(guild: interaction.guildID, application: interaction.applicationID) {
            logger.warning("Discord interaction refused", metadata: ["why": "\(refusal)"])
            return InteractionResponse.ephemeral("chatops does not serve this here: \(refusal).")
        }
        switch interaction.kind {
        case .ping:
            return InteractionResponse.pong
        case .applicationCommand:
            guard let text = interaction.data.flatMap(DiscordCommandText.text(for:)) else {
                return InteractionResponse.ephemeral("Say what to do, e.g. `/chatops text: deploy v2.3 to staging`.")
            }
            return await start(interaction, text: text, acknowledgement: InteractionResponse.deferredMessage)
        case .messageComponent:
            guard let customID = interaction.data?.customID, let action = ReplyAction(identifier: customID) else {
                logger.notice("Discord button not ours", metadata: ["custom_id": "\(interaction.data?.customID ?? "")"])
                return InteractionResponse.ephemeral("This button does not belong to chatops.")
            }
            return await start(interaction, text: action.commandText, acknowledgement: InteractionResponse.deferredUpdate)
        case .autocomplete, .modalSubmit, nil:
            logger.notice("Discord interaction type not handled", metadata: ["type": "\(interaction.type)"])
            return InteractionResponse.ephemeral("chatops does not handle this kind of interaction.")
        }
    }

    /// Records the interaction with its message before Discord is answered, then handles `text`
    /// in the background as the interaction's user: once Discord shows "thinking…", a stop loses
    /// nothing (`resume`). The token stays in memory only: a resumed interaction answers in its
    /// channel with the bot token.
    func start(_ interaction: DiscordInteraction, text: String, acknowledgement: Response) async -> Response {
        guard let user = interaction.actor?.id else {
            return InteractionResponse.ephemeral("chatops could not tell who sent this.")
        }
        let message = IncomingMessage(
            platformUser: "discord:\(user)",
            roles: Set((interaction.member?.roles ?? []).map { "discord-role:\($0)" }),
            origin: MessageOrigin(platform: platform, channel: interaction.channelID ?? interaction.message?.channelID,
                                  messageID: interaction.id),
            deliveryID: interaction.id, text: text, isAddressedByPlatform: true)
        await tokens.register(interactionID: interaction.id, applicationID: interaction.applicationID ?? settings.applicationID,
                              token: interaction.token, componentMessage: interaction.message?.id)
        switch await handoff.acknowledge(message, sink: router.sink(preferring: discordSink, for: platform)) {
        case .accepted:
            return acknowledgement
        case .repeated:
            return InteractionResponse.ephemeral("This was already received; it is not acted on again.")
        case .notRecorded:
            return InteractionResponse.ephemeral("chatops could not record this, so it did not act on it. Try again in a moment.")
        }
    }

    /// An interaction acknowledged before the last stop and never handled: handled now, answering
    /// in its channel (its token was not kept), or, when too old, reported there and not acted on.
    public func resume(_ delivery: PendingDelivery, stale: Bool) async {
        await handoff.resumeMessage(delivery, stale: stale, sink: router.sink(preferring: discordSink, for: platform))
    }
}

/// The immediate answers to an interaction (https://discord.com/developers/docs/interactions/receiving-and-responding).
enum InteractionResponse {
    /// Type 1, the answer to Discord's PING.
    static var pong: Response { InboundBody.json(Array(#"{"type":1}"#.utf8)) }
    /// Type 5: "thinking…" until the first reply edits it.
    static var deferredMessage: Response { InboundBody.json(Array(#"{"type":5}"#.utf8)) }
    /// Type 6: the clicked message stays as it is until the bot edits it.
    static var deferredUpdate: Response { InboundBody.json(Array(#"{"type":6}"#.utf8)) }

    /// Type 4 seen only by the sender (flag 64), mentioning nobody.
    static func ephemeral(_ text: String) -> Response {
        struct Body: Encodable {
            struct Data: Encodable {
                let content: String
                let flags = 64
                let allowed_mentions = DiscordMessage.AllowedMentions()
            }
            let type = 4
            let data: Data
        }
        let bytes = (try? JSONBody.encode(Body(data: .init(content: text)))).map(Array.init) ?? Array(#"{"type":6}"#.utf8)
        return InboundBody.json(bytes)
    }
}
