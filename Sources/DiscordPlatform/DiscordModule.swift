import ChatOpsConfig
import ChatServer
import Execution

/// Discord: signed interactions (slash commands, buttons) in, embeds and components out.
public struct DiscordModule: PlatformModule {
    public let name = "discord"
    public let identityPrefixes = ["discord", "discord-role"]
    public let settings: [SettingKey] = [.discordPublicKey, .discordApplicationID, .discordBotToken, .discordAPIURL, .discordAllowedGuilds]

    public init() {}

    public func status(in context: ModuleContext) -> ModuleStatus {
        do {
            guard try DiscordSettings.read(context.settings) != nil else {
                return .disabled(hint: "set \(SettingKey.discordPublicKey.variable), \(SettingKey.discordApplicationID.variable) and "
                                 + SettingKey.discordBotToken.variable)
            }
            return .enabled(by: "\(SettingKey.discordPublicKey.path) (\(context.settings.origin(.discordPublicKey)))")
        } catch {
            return .misconfigured("\(error)")
        }
    }

    public func adapter(in context: PlatformContext) throws -> any PlatformAdapter {
        guard let adapter = try DiscordAdapter.make(configuration: context.configuration, bot: context.bot, work: context.work,
                                                    logger: context.module.logger, http: context.module.http,
                                                    router: context.router, now: context.now) else {
            throw PlatformSetupError("Discord is not configured")
        }
        return adapter
    }
}
