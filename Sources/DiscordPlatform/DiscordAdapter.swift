import ChatOpsConfig
import ChatServer
import Conversation
import Foundation
import Hummingbird
import Logging
import PlatformHTTP
import PlatformVerification

/// Discord: `POST /discord/interactions` (slash commands and button clicks, Ed25519-signed),
/// answered at once and handled in the background; replies as embeds with buttons.
public struct DiscordAdapter: PlatformAdapter {
    public static let route = "/discord/interactions"
    public let platform = "discord"
    let settings: DiscordSettings
    let verifier: DiscordInteractionVerifier
    let bot: ChatBot
    let work: InFlightWork
    let tokens: InteractionTokens
    let discordSink: DiscordSink
    let limits: InboundLimits
    let logger: Logger
    let router: ReplyRouter
    let now: @Sendable () -> Date

    public var sink: any ReplySink { discordSink }

    /// The adapter for `chatops serve`: nil when Discord is not configured; throws when it is
    /// half-configured or the public key is unusable.
    public static func make(configuration: ChatOpsConfiguration, bot: ChatBot, work: InFlightWork,
                            logger: Logger, http: HTTPClientPool, router: ReplyRouter = ReplyRouter()) throws -> Self? {
        guard let settings = try DiscordSettings.read(configuration.settings) else { return nil }
        return try DiscordAdapter(settings: settings, bot: bot, work: work, logger: logger, client: http.api("Discord"), router: router)
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
        self.bot = bot
        self.work = work
        self.tokens = InteractionTokens(now: now)
        self.discordSink = DiscordSink(api: DiscordAPI(baseURL: settings.apiURL, botToken: settings.botToken, client: client),
                                       tokens: tokens, logger: logger)
        self.limits = limits
        self.logger = logger
        self.router = router
        self.now = now
    }

    public func addRoutes(to router: ChatRouter) {
        router.post(RouterPath(Self.route)) { request, _ in try await respond(to: request) }
    }

    /// Verifies the signature on the raw body before reading a byte of it as JSON.
    func respond(to request: Request) async throws -> Response {
        let body = try await InboundBody.read(request, limits: limits)
        if let failure = verifier.verify(timestamp: request.header("X-Signature-Timestamp"),
                                         signature: request.header("X-Signature-Ed25519"), body: body, now: now()) {
            logger.notice("Discord interaction rejected", metadata: ["reason": "\(failure)"])
            return InboundBody.unauthorized
        }
        let interaction: DiscordInteraction
        do { interaction = try JSONDecoder().decode(DiscordInteraction.self, from: Data(body)) } catch {
            logger.warning("Discord sent a signed body that is not an interaction", metadata: ["error": "\(error)"])
            return InboundBody.text("not an interaction\n", status: .badRequest)
        }
        return await answer(interaction)
    }
}
