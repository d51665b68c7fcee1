import ChatOpsConfig
import PlatformHTTP

/// What the Discord adapter needs from the configuration (`CHATOPS_DISCORD_…`).
public struct DiscordSettings: Sendable {
    /// The application's public key (hex), for the Ed25519 signature on every interaction.
    public var publicKeyHex: String
    public var applicationID: String
    /// `Authorization: Bot …` for channel messages (after an interaction token expired) and command registration.
    public var botToken: Secret
    /// `https://discord.com/api/v10` unless overridden.
    public var apiURL: String
    /// Guilds (servers) whose interactions are served; empty: any guild the bot is in.
    public var allowedGuilds: Set<String>

    public init(publicKeyHex: String, applicationID: String, botToken: Secret, apiURL: String, allowedGuilds: Set<String> = []) {
        self.publicKeyHex = publicKeyHex
        self.applicationID = applicationID
        self.botToken = botToken
        self.apiURL = PlatformHTTP.apiBaseURL(apiURL)
        self.allowedGuilds = allowedGuilds
    }

    /// Why an interaction from `guild` for `application` is refused, or nil when it is served.
    func refusal(guild: String?, application: String?) -> String? {
        if let application, application != applicationID {
            return "it is for application \(application), not \(applicationID)"
        }
        guard !allowedGuilds.isEmpty else { return nil }
        guard let guild else { return "direct messages are not served when platforms.discord.allowed_guilds is set" }
        return allowedGuilds.contains(guild) ? nil : "server \(guild) is not in platforms.discord.allowed_guilds"
    }

    static let required: [SettingKey] = [.discordPublicKey, .discordApplicationID, .discordBotToken]

    /// nil when Discord is not configured at all; an error naming what is missing when it is half-configured.
    public static func read(_ settings: Settings) throws(DiscordConfigurationError) -> DiscordSettings? {
        let missing = required.filter { !settings.isSet($0) }
        if missing.count == required.count { return nil }
        guard missing.isEmpty, let key = settings.value(.discordPublicKey), let id = settings.value(.discordApplicationID),
              let token = settings.secret(.discordBotToken) else {
            throw DiscordConfigurationError.incomplete(missing: missing.map(\.variable))
        }
        return DiscordSettings(publicKeyHex: key, applicationID: id, botToken: token,
                               apiURL: settings.value(.discordAPIURL) ?? "https://discord.com/api/v10",
                               allowedGuilds: Set(settings.list(.discordAllowedGuilds)))
    }
}

/// Discord settings that cannot be used, worded for the operator.
public enum DiscordConfigurationError: Error, Sendable, CustomStringConvertible {
    case incomplete(missing: [String])
    case badPublicKey(String)

    public var description: String {
        switch self {
        case .incomplete(let missing):
            return "Discord is partly configured: set \(missing.joined(separator: ", ")) as well "
                + "(CHATOPS_DISCORD_PUBLIC_KEY, CHATOPS_DISCORD_APPLICATION_ID and CHATOPS_DISCORD_BOT_TOKEN go together; "
                + "unset all three to run without Discord)"
        case .badPublicKey(let problem):
            return "CHATOPS_DISCORD_PUBLIC_KEY: \(problem)"
        }
    }
}

extension SettingKey {
    public static let discordPublicKey = SettingKey("platforms.discord.public_key", "CHATOPS_DISCORD_PUBLIC_KEY",
                                                    summary: "the application's public key (hex): every interaction is verified with it")
    public static let discordApplicationID = SettingKey("platforms.discord.application_id", "CHATOPS_DISCORD_APPLICATION_ID",
                                                        summary: "the application's id")
    public static let discordBotToken = SettingKey("platforms.discord.bot_token", "CHATOPS_DISCORD_BOT_TOKEN", secret: true,
                                                   summary: "the bot's token (channel messages, command registration)")
    public static let discordAPIURL = SettingKey("platforms.discord.api_url", "CHATOPS_DISCORD_API_URL", kind: .url,
                                                 default: "https://discord.com/api/v10", summary: "Discord's API base")
    /// Guild (server) ids whose interactions are served; unset: any guild the bot is in.
    public static let discordAllowedGuilds = SettingKey("platforms.discord.allowed_guilds", "CHATOPS_DISCORD_ALLOWED_GUILDS",
                                                        kind: .list, summary: "server (guild) ids served; unset: any the bot is in")
}
