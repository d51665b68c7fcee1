import ChatOpsConfig
import Foundation
import PlatformHTTP

/// `chatops discord register`: replaces the application's slash commands with those in a JSON file
/// (an array of application command objects) through Discord's bulk-overwrite endpoint, globally
/// or in one guild (guild commands appear at once; global ones may take a while).
public struct DiscordCommandRegistrar: Sendable {
    public let apiURL: String
    public let applicationID: String
    let botToken: Secret
    let client: PlatformAPIClient

    public init(apiURL: String, applicationID: String, botToken: Secret,
                client: PlatformAPIClient) {
        self.apiURL = PlatformHTTP.apiBaseURL(apiURL)
        self.applicationID = applicationID
        self.botToken = botToken
        self.client = client
    }

    /// From the configuration: the application id and bot token must be set (the public key is not needed here).
    public init(settings: Settings, client: PlatformAPIClient) throws(DiscordRegistrationError) {
        let missing = [SettingKey.discordApplicationID, .discordBotToken].filter { !settings.isSet($0) }.map(\.variable)
        guard missing.isEmpty, let id = settings.value(.discordApplicationID), let token = settings.secret(.discordBotToken) else {
            throw .missingSettings(missing)
        }
        self.init(apiURL: settings.value(.discordAPIURL) ?? "https://discord.com/api/v10", applicationID: id,
                  botToken: token, client: client)
    }

    /// The bulk-overwrite URL: `/applications/{id}/commands`, or `/applications/{id}/guilds/{guild}/commands`.
    public func endpoint(guild: String?) -> String {
        apiURL + "/applications/\(applicationID)" + (guild.map { "/guilds/\($0)" } ?? "") + "/commands"
    }

    /// Sends the file's commands; returns the names Discord now has, in its order.
    @discardableResult
    public func register(file: String, guild: String? = nil) async throws(DiscordRegistrationError) -> [String] {
        let commands = try DiscordCommandFile.load(file)
        if let guild, guild.isEmpty || !guild.allSatisfy(\.isNumber) {
            throw .badGuild(guild)
        }
        let request = APIRequest(.PUT, endpoint(guild: guild),
                                 headers: [("Authorization", "Bot \(botToken.value)"),
                                           ("Content-Type", "application/json; charset=utf-8")],
                                 body: commands.body)
        struct Registered: Decodable { let name: String }
        do {
            let response = try await client.sendExpectingSuccess(request)
            return try response.decode([Registered].self, service: client.service).map(\.name)
        } catch {
            throw .api(error)
        }
    }
}

/// Why `chatops discord register` could not register the commands.
public enum DiscordRegistrationError: Error, Sendable, CustomStringConvertible {
    case missingSettings([String])
    case unreadableFile(path: String, detail: String)
    case badFile(path: String, detail: String)
    case badGuild(String)
    case api(APIError)

    public var description: String {
        switch self {
        case .missingSettings(let names):
            return "cannot register Discord commands: set \(names.joined(separator: " and ")) "
                + "(the application id and bot token from the Discord developer portal)"
        case .unreadableFile(let path, let detail):
            return "cannot read the command file \(path): \(detail)"
        case .badFile(let path, let detail):
            return "the command file \(path) is not a list of Discord application commands: \(detail)"
        case .badGuild(let guild):
            return "--guild must be a Discord guild (server) id, digits only; got \"\(guild)\""
        case .api(let error):
            return "Discord refused the commands: \(error)"
        }
    }
}
