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
/// direct messages), `/slack/interactions` (button clicks). Every request's signature is checked on
/// the raw body before anything reads it; Slack is answered at once (it wants an answer within
/// 3 seconds) and the work goes on in `InFlightWork`; replies go in the message's thread.
public struct SlackAdapter: PlatformAdapter {
    public static let platformName = "slack"

    public var platform: String { Self.platformName }
    public var sink: any ReplySink { replies }

    let replies: SlackReplySink
    let verifier: SlackRequestVerifier
    let bot: ChatBot
    let work: InFlightWork
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
    /// the 429 handling; `router` reaches the other platforms' threads.
    public init(signingSecret: String, botToken: String, apiURL: String, bot: ChatBot, work: InFlightWork,
                logger: Logger, client: PlatformAPIClient,
                limits: InboundLimits = SlackAdapter.defaultLimits, workspaces: SlackWorkspaces = SlackWorkspaces(),
                router: ReplyRouter = ReplyRouter(), now: @escaping @Sendable () -> Date = { Date() }) {
        let base = PlatformHTTP.apiBaseURL(apiURL)
        replies = SlackReplySink(api: SlackWebAPI(client: client, baseURL: base, token: botToken), logger: logger)
        verifier = SlackRequestVerifier(signingSecret: signingSecret)
        self.bot = bot
        self.work = work
        self.logger = logger
        self.limits = limits
        self.workspaces = workspaces
        self.router = router
        self.now = now
    }

    /// `slack:U0123`: how policy identities name a Slack user.
    static func platformUser(_ userID: String) -> String { "\(platformName):\(userID)" }

    public func addRoutes(to router: ChatRouter) {
        router.post("/slack/commands") { request, _ in try await receiveCommand(request) }
        router.post("/slack/events") { request, _ in try await receiveEvent(request) }
        router.post("/slack/interactions") { request, _ in try await receiveInteraction(request) }
    }

    /// The raw body when Slack signed it; nil (answer a bare 401) otherwise. 413 / 408 come from
    /// `InboundBody` before any signature work.
    func verifiedBody(_ request: Request, limit: Int? = nil) async throws -> [UInt8]? {
        var limits = limits
        if let limit { limits.maxBodyBytes = min(limits.maxBodyBytes, limit) }
        let body = try await InboundBody.read(request, limits: limits)
        if let failure = verifier.verify(timestamp: request.header("X-Slack-Request-Timestamp"),
                                         signature: request.header("X-Slack-Signature"), body: body, now: now()) {
            logger.warning("refused a Slack request that is not verifiably from Slack",
                           metadata: ["path": "\(request.uri.path)", "reason": "\(failure)"])
            return nil
        }
        return body
    }

    /// A verified request Slack sent that chatops cannot read: 400, said plainly, and logged.
    func badRequest(_ error: SlackInboundError, path: String) -> Response {
        logger.error("could not read a Slack request", metadata: ["path": "\(path)", "error": "\(error)"])
        return InboundBody.text("\(error)\n", status: .badRequest)
    }

    /// Hands a message to the bot after Slack was answered. A repeated delivery does nothing; an
    /// error is logged and said in the thread.
    func handleLater(_ message: IncomingMessage) async {
        await work.start { await handle(message) }
    }

    /// Where the bot's replies go: this thread through Slack, other platforms' threads (a GitHub
    /// request approved here) through the router.
    var botSink: any ReplySink { router.sink(preferring: replies, for: platform) }

    func handle(_ message: IncomingMessage, claimed: Bool = false) async {
        do {
            if claimed {
                try await bot.handleClaimed(message, sink: botSink)
            } else if case .duplicate = try await bot.handle(message, sink: botSink) {
                logger.info("repeated Slack delivery: already handled, not acting again",
                            metadata: ["delivery": "\(message.deliveryID ?? "")"])
            }
        } catch {
            logger.error("handling a Slack message failed", metadata: ["delivery": "\(message.deliveryID ?? "")", "error": "\(error)"])
            _ = await replies.send(.text("chatops failed while handling that; the details are in its log.", severity: .failure),
                               to: message.origin)
        }
    }
}
