import ChatOpsConfig
import ChatServer
import Conversation
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
    public static func make(configuration: ChatOpsConfiguration, bot: ChatBot, work: InFlightWork,
                            logger: Logger, router: ReplyRouter = ReplyRouter()) throws -> SlackAdapter? {
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
                                logger: logger, workspaces: SlackWorkspaces(settings: settings), router: router)
        }
    }
}
