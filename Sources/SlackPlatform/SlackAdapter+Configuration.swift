import ChatOpsConfig
import ChatServer
import Conversation
import Execution
import Foundation
import Logging
import PlatformHTTP

/// Why the Slack settings cannot be used: says which setting, by its YAML key and its variable.
public enum SlackConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    case missing(SettingKey, because: SettingKey)
    case notABotToken(origin: String)
    case invalidAPIURL(String)

    public var description: String {
        switch self {
        case .missing(let key, let set):
            return "Slack is half configured: \(set.variable) (\(set.path)) is set but \(key.variable) (\(key.path)) is not; "
                + "set both, or neither to run without Slack"
        case .notABotToken(let origin):
            return "the Slack bot token from \(origin) is not a bot token (it must start with xoxb-); use the app's "
                + "Bot User OAuth Token"
        case .invalidAPIURL(let url):
            return "\(SettingKey.slackAPIURL.variable) (\(SettingKey.slackAPIURL.path)) is not an http(s) URL: \(url)"
        }
    }
}

extension SlackAdapter {
    /// The adapter `chatops serve` runs: nil when Slack is not configured (neither the signing
    /// secret nor the bot token is set); an error naming the missing setting when only one is.
    /// `now` dates signatures (tests move it by hand).
    public static func make(configuration: ChatOpsConfiguration, bot: ChatBot, work: InFlightWork,
                            logger: Logger, http: HTTPClientPool, router: ReplyRouter = ReplyRouter(),
                            now: @escaping @Sendable () -> Date = { Date() }) throws -> SlackAdapter? {
        let settings = configuration.settings
        let secret = settings.secret(.slackSigningSecret).flatMap { $0.value.isEmpty ? nil : $0 }
        let token = settings.secret(.slackBotToken).flatMap { $0.value.isEmpty ? nil : $0 }
        switch (secret, token) {
        case (nil, nil):
            return nil
        case (nil, _):
            throw SlackConfigurationError.missing(.slackSigningSecret, because: .slackBotToken)
        case (_, nil):
            throw SlackConfigurationError.missing(.slackBotToken, because: .slackSigningSecret)
        case (let secret?, let token?):
            guard token.value.hasPrefix("xoxb-") else { throw SlackConfigurationError.notABotToken(origin: token.origin) }
            let apiURL = settings.value(.slackAPIURL) ?? "https://slack.com/api"
            guard let url = URL(string: apiURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                throw SlackConfigurationError.invalidAPIURL(apiURL)
            }
            return SlackAdapter(signingSecret: secret.value, botToken: token.value, apiURL: apiURL, bot: bot, work: work,
                                logger: logger, client: http.api("Slack"), workspaces: SlackWorkspaces(settings: settings),
                                router: router, now: now)
        }
    }
}

extension SettingKey {
    public static let slackSigningSecret = SettingKey("platforms.slack.signing_secret", "CHATOPS_SLACK_SIGNING_SECRET", secret: true,
                                                      summary: "the Slack app's signing secret (every request is verified with it)")
    public static let slackBotToken = SettingKey("platforms.slack.bot_token", "CHATOPS_SLACK_BOT_TOKEN", secret: true,
                                                 summary: "the Slack app's Bot User OAuth Token (xoxb-…)")
    public static let slackAPIURL = SettingKey("platforms.slack.api_url", "CHATOPS_SLACK_API_URL", kind: .url,
                                               default: "https://slack.com/api", summary: "Slack's Web API base")
    /// Workspace ids (`team_id`) whose requests are served; unset: only the app's signature is checked.
    public static let slackAllowedTeams = SettingKey("platforms.slack.allowed_teams", "CHATOPS_SLACK_ALLOWED_TEAMS", kind: .list,
                                                     summary: "workspace ids (team_id) served; unset: any the app is installed in")
    /// The Slack app's id (`api_app_id`): requests naming another app are refused.
    public static let slackAppID = SettingKey("platforms.slack.app_id", "CHATOPS_SLACK_APP_ID",
                                              summary: "the app's id (api_app_id); requests for another app are refused")
}

/// Slack: slash commands, mentions and direct messages (Events API), Approve/Deny buttons.
public struct SlackModule: PlatformModule {
    public let name = SlackAdapter.platformName
    public let identityPrefixes = ["slack", "slack-group"]
    public let settings: [SettingKey] = [.slackSigningSecret, .slackBotToken, .slackAPIURL, .slackAllowedTeams, .slackAppID]

    public init() {}

    public func status(in context: ModuleContext) -> ModuleStatus {
        let settings = context.settings
        switch (settings.isSet(.slackSigningSecret), settings.isSet(.slackBotToken)) {
        case (true, true): return .enabled(by: "\(SettingKey.slackSigningSecret.path) (\(settings.origin(.slackSigningSecret)))")
        case (false, false):
            return .disabled(hint: "set \(SettingKey.slackSigningSecret.variable) and \(SettingKey.slackBotToken.variable)")
        case (true, false): return .misconfigured("\(SlackConfigurationError.missing(.slackBotToken, because: .slackSigningSecret))")
        case (false, true): return .misconfigured("\(SlackConfigurationError.missing(.slackSigningSecret, because: .slackBotToken))")
        }
    }

    public func adapter(in context: PlatformContext) throws -> any PlatformAdapter {
        guard let adapter = try SlackAdapter.make(configuration: context.configuration, bot: context.bot, work: context.work,
                                                  logger: context.module.logger, http: context.module.http,
                                                  router: context.router, now: context.now) else {
            throw PlatformSetupError("Slack is not configured")
        }
        return adapter
    }
}
