import ChatOpsConfig
import ChatServer
import Conversation
import Foundation
import Hummingbird
import Logging
import PlatformHTTP
import PlatformVerification

/// Discord: `POST /discord/interactions` (slash commands and button clicks, Ed25519-signed and
/// checked by `VerifiedBodyMiddleware`), answered at once and handed to the bot after
/// (`BotHandoff`); replies as embeds with buttons.
public struct DiscordAdapter: PlatformAdapter {
    public static let route = "/discord/interactions"
    public let platform = "discord"
    let settings: DiscordSettings
    let verifier: DiscordInteractionVerifier
    let handoff: BotHandoff
    let tokens: InteractionTokens
    let discordSink: DiscordSink
    let limits: InboundLimits
    let logger: Logger
    let router: ReplyRouter
    let now: @Sendable () -> Date

    public var sink: any ReplySink { discordSink }

    /// Incidents start as a channel message with a thread on it, where their replies go.
    public var starter: (any ThreadStarter)? { DiscordThreadStarter(sink: discordSink, logger: logger) }

    /// The adapter for `chatops serve`: nil when Discord is not configured; throws when it is
    /// half-configured or the public key is unusable. `now` dates signatures and interaction tokens.
    public static func make(configuration: ChatOpsConfiguration, bot: ChatBot, work: InFlightWork,
                            logger: Logger, http: HTTPClientPool, router: ReplyRouter = ReplyRouter(),
                            now: @escaping @Sendable () -> Date = { Date() }) throws -> Self? {
        guard let settings = try DiscordSettings.read(configuration.settings) else { return nil }
        return try DiscordAdapter(settings: settings, bot: bot, work: work, logger: logger, client: http.api("Discord"), router: router,
                                  now: now)
    }

    /// `client` and `now` are for tests (a fake API's client, a clock moved by hand).
    public init(settings: DiscordSettings, bot: ChatBot, work: InFlightWork, logger: Logger,
                client: PlatformAPIClient,
                limits: InboundLimits = InboundLimits(maxBodyBytes: 64 * 1024),
                router: ReplyRouter = ReplyRouter(),
                now: @escaping @Sendable () -> Date = { Date() }) throws(DiscordConfigurationError) {
        do { verifier = try DiscordInteractionVerifier(publicKeyHex: settings.publicKeyHex) } catch {
            throw .badPublicKey("\(error)")
        }
        self.settings = settings
        self.handoff = BotHandoff(platform: "Discord", bot: bot, work: work, logger: logger)
        self.tokens = InteractionTokens(now: now)
        self.discordSink = DiscordSink(api: DiscordAPI(baseURL: settings.apiURL, botToken: settings.botToken, client: client),
                                       tokens: tokens, logger: logger)
        self.limits = limits
        self.logger = logger
        self.router = router
        self.now = now
    }

    public func addRoutes(to router: ChatRouter) {
        router.group()
            .add(middleware: VerifiedBodyMiddleware(platform: "Discord", verifier: verifier, limits: limits, logger: logger, now: now))
            .post(RouterPath(Self.route)) { _, context in try await respond(to: context.verifiedBody) }
    }

    /// A verified body, read as JSON only now.
    func respond(to body: [UInt8]) async -> Response {
        let interaction: DiscordInteraction
        do { interaction = try JSONDecoder().decode(DiscordInteraction.self, from: Data(body)) } catch {
            logger.warning("Discord sent a signed body that is not an interaction", metadata: ["error": "\(error)"])
            return InboundBody.text("not an interaction\n", status: .badRequest)
        }
        return await answer(interaction)
    }
}
