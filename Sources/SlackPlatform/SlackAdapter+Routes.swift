import Approvals
import ChatOpsCore
import ChatServer
import Conversation
import Foundation
import Hummingbird
import PlatformHTTP

extension SlackAdapter {
    /// A slash command: its delivery is claimed (committed to the store, with the command) before
    /// Slack is answered, so the answer means the command was recorded: a replayed command (the
    /// same signed body inside the replay window) is answered as such and posts nothing, and a
    /// crash after the answer loses nothing (`resume`). Then a thread is started in the channel
    /// (a slash command leaves no message to reply under) and the whole conversation, approval
    /// prompt, decision and result, happens in that thread.
    func receiveCommand(_ body: [UInt8], path: String) async -> Response {
        let fields = FormFields(body)
        let command: SlackSlashCommand
        do throws(SlackInboundError) { command = try SlackSlashCommand(fields: fields) } catch { return badRequest(error, path: path) }
        if let refusal = workspaces.refusal(team: command.teamID, app: command.appID) {
            logger.warning("refused a Slack command from a workspace or app not allowed", metadata: ["why": "\(refusal)"])
            return InboundBody.json(Self.ephemeral("chatops does not serve this workspace (\(refusal))."))
        }
        do {
            if try await handoff.claim(DeliveryKey(platform: platform, id: command.triggerID), work: Self.commandWork,
                                       fields.keeping(SlackSlashCommand.storedFields)) == .repeated {
                return InboundBody.json(Self.ephemeral("This command was already received; it is not run again."))
            }
        } catch {
            logger.error("could not record a Slack slash command; it was not run", metadata: ["error": "\(error)"])
            return InboundBody.json(Self.ephemeral("chatops could not record this command, so it did not run it. Try again in a moment."))
        }
        await handoff.later { await run(command) }
        return InboundBody.json(Self.ephemeral("Working on `\(SlackMrkdwn.fitted(command.commandLine, limit: 2000))`; I answer in a thread."))
    }

    /// Runs a claimed slash command in a new thread (`resumed`: received before a restart, then).
    /// When no thread can be started the command is not run (nobody would see its outcome), and
    /// its delivery ends there.
    func run(_ command: SlackSlashCommand, resumed: Date? = nil) async {
        guard let root = await replies.startThread(channel: command.channelID, user: command.userID, commandLine: command.commandLine,
                                                   resumed: resumed) else {
            await handoff.complete(DeliveryKey(platform: platform, id: command.triggerID),
                                   reply: "not run: no thread could be started in \(command.channelID)")
            return
        }
        let origin = MessageOrigin(platform: platform, channel: root.channel, thread: root.ts, messageID: root.ts)
        await handoff.handle(IncomingMessage(platformUser: Self.platformUser(command.userID), origin: origin,
                                             deliveryID: command.triggerID, text: command.commandText, isAddressedByPlatform: true),
                             sink: router.sink(preferring: replies, for: platform), thread: replies, claimed: true)
    }

    /// The Events API: the URL handshake is answered with its challenge; a mention or a direct
    /// message is acknowledged empty and handled after. Slack retries an event it thinks was not
    /// answered (`X-Slack-Retry-Num`); the retry carries the same `event_id`, so the store answers
    /// it as a repeat and nothing acts twice.
    func receiveEvent(_ request: Request, body: [UInt8]) async -> Response {
        let envelope: SlackEventEnvelope
        do throws(SlackInboundError) { envelope = try SlackEventEnvelope(body: body) } catch { return badRequest(error, path: request.uri.path) }
        switch envelope.type {
        case "url_verification":
            guard let challenge = envelope.challenge else { return badRequest(.missingField("challenge"), path: request.uri.path) }
            return InboundBody.json(JSONBody.object(["challenge": challenge]))
        case "event_callback":
            if let refusal = workspaces.refusal(team: envelope.team_id, app: envelope.api_app_id) {
                logger.warning("ignored a Slack event from a workspace or app not allowed", metadata: ["why": "\(refusal)"])
                return Response(status: .ok)
            }
            if let retry = request.header("X-Slack-Retry-Num") {
                logger.info("Slack retried an event", metadata: ["event": "\(envelope.event_id ?? "")", "retry": "\(retry)",
                                                                  "reason": "\(request.header("X-Slack-Retry-Reason") ?? "")"])
            }
            switch envelope.incomingMessage() {
            case .success(let message):
                // Recorded before Slack hears 200: a store that cannot take it gets a 500, and Slack retries.
                if await acknowledge(message) == .notRecorded { return InboundBody.text("not recorded; retry\n", status: .internalServerError) }
            case .failure(let ignored): logger.debug("Slack event ignored", metadata: ["why": "\(ignored)"])
            }
        default:
            logger.debug("Slack request type ignored", metadata: ["type": "\(envelope.type)"])
        }
        return Response(status: .ok)
    }

    /// A button click (`block_actions`): acknowledged empty; a chatops Approve / Deny becomes
    /// `approve N` / `deny N` from the person who clicked, in the clicked message's thread.
    func receiveInteraction(_ body: [UInt8], path: String) async -> Response {
        let interaction: SlackInteraction
        let message: IncomingMessage?
        do throws(SlackInboundError) {
            interaction = try SlackInteraction(body: body)
            message = try interaction.incomingMessage()
        } catch { return badRequest(error, path: path) }
        if let refusal = workspaces.refusal(team: interaction.teamID, app: interaction.api_app_id) {
            logger.warning("ignored a Slack interaction from a workspace or app not allowed", metadata: ["why": "\(refusal)"])
            return Response(status: .ok)
        }
        if let message {
            if await acknowledge(message) == .notRecorded {
                return InboundBody.text("chatops could not record this click; try again in a moment.\n", status: .internalServerError)
            }
        } else {
            logger.debug("Slack interaction ignored: not a chatops button")
        }
        return Response(status: .ok)
    }

    static func ephemeral(_ text: String) -> [UInt8] {
        JSONBody.object(["response_type": "ephemeral", "text": text])
    }
}
