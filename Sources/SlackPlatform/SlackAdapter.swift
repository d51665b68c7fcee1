import ChatOpsCore
import ChatServer
import Conversation
import Foundation
import Hummingbird
import Logging
import PlatformHTTP
import PlatformVerification
import ReplyModel

/// Slack in and out: `/slack/commands` (slash commands), `/slack/events` (Events API: mentions and
/// direct messages), `/slack/interactions` (button clicks). `VerifiedBodyMiddleware` checks every
/// request's signature on the raw body before a handler runs; Slack is answered at once (it wants
/// an answer within 3 seconds) and the work goes on through `BotHandoff`; replies go in the
/// message's thread.
public struct SlackAdapter: PlatformAdapter {
    public static let platformName = "slack"

    public var platform: String { Self.platformName }
    public var sink: any ReplySink { replies }

    /// Incidents start as a channel message whose replies make the thread.
    public var starter: (any ThreadStarter)? { MessageThreadStarter(platform: platform, sink: replies) }

    let replies: SlackReplySink
    let verifier: SlackRequestVerifier
    let bot: ChatBot
    let handoff: BotHandoff
    let logger: Logger
    let limits: InboundLimits
    let workspaces: SlackWorkspaces
    let router: ReplyRouter
    let now: @Sendable () -> Date

    /// Slack's requests are small: a slash command is a short form, an event or a button click a
    /// JSON document of a few kilobytes (a click carries the clicked message).
    public static let commandBodyLimit = 32 * 1024
    public static let defaultLimits = InboundLimits(maxBodyBytes: 128 * 1024)

    /// `apiURL` is the Web API base (`https://slack.com/api`); `client` carries the timeouts and
    /// the 429 handling; `router` reaches the other platforms' threads; `now` dates signatures.
    public init(signingSecret: String, botToken: String, apiURL: String, bot: ChatBot, work: InFlightWork,
                logger: Logger, client: PlatformAPIClient,
                limits: InboundLimits = SlackAdapter.defaultLimits, workspaces: SlackWorkspaces = SlackWorkspaces(),
                router: ReplyRouter = ReplyRouter(), now: @escaping @Sendable () -> Date = { Date() }) {
        let base = PlatformHTTP.apiBaseURL(apiURL)
        replies = SlackReplySink(api: SlackWebAPI(client: client, baseURL: base, token: botToken), logger: logger)
        verifier = SlackRequestVerifier(signingSecret: signingSecret)
        self.bot = bot
        handoff = BotHandoff(platform: "Slack", bot: bot, work: work, logger: logger)
        self.logger = logger
        self.limits = limits
        self.workspaces = workspaces
        self.router = router
        self.now = now
    }

    /// `slack:U0123`: how policy identities name a Slack user.
    static func platformUser(_ userID: String) -> String { "\(platformName):\(userID)" }

    public func addRoutes(to router: ChatRouter) {
        var commandLimits = limits
        commandLimits.maxBodyBytes = min(limits.maxBodyBytes, Self.commandBodyLimit)
        router.group().add(middleware: verified(within: commandLimits))
            .post("/slack/commands") { request, context in try await receiveCommand(context.verifiedBody, path: request.uri.path) }
        router.group().add(middleware: verified(within: limits))
            .post("/slack/events") { request, context in try await receiveEvent(request, body: context.verifiedBody) }
            .post("/slack/interactions") { request, context in
                try await receiveInteraction(context.verifiedBody, path: request.uri.path)
            }
    }

    /// The body cap and Slack's signature, in front of a route.
    func verified(within limits: InboundLimits) -> VerifiedBodyMiddleware {
        VerifiedBodyMiddleware(platform: "Slack", verifier: verifier, limits: limits, logger: logger, now: now)
    }

    /// A verified request Slack sent that chatops cannot read: 400, said plainly, and logged.
    func badRequest(_ error: SlackInboundError, path: String) -> Response {
        logger.error("could not read a Slack request", metadata: ["path": "\(path)", "error": "\(error)"])
        return InboundBody.text("\(error)\n", status: .badRequest)
    }

    /// Claims a message's delivery with the message, then hands it over. Where the bot's replies
    /// go: this thread through Slack, other platforms' threads (a GitHub request approved here)
    /// through the router. A failure is said in this thread.
    func acknowledge(_ message: IncomingMessage) async -> Acknowledgement {
        await handoff.acknowledge(message, sink: router.sink(preferring: replies, for: platform), thread: replies)
    }
}
