/// An interaction as Discord sends it to the Interactions Endpoint URL: only the fields the bot
/// reads (https://discord.com/developers/docs/interactions/receiving-and-responding).
struct DiscordInteraction: Decodable, Sendable {
    enum Kind: Int, Sendable {
        case ping = 1
        case applicationCommand = 2
        case messageComponent = 3
        case autocomplete = 4
        case modalSubmit = 5
    }

    let id: String
    let type: Int
    /// Valid for 15 minutes: edits the original response and sends follow-ups. Never stored or logged.
    let token: String
    let applicationID: String?
    let channelID: String?
    let guildID: String?
    /// Set in a guild; `user` is set instead in a DM.
    let member: Member?
    let user: User?
    let data: CommandData?
    /// For a component: the message the button is on.
    let message: Message?

    var kind: Kind? { Kind(rawValue: type) }

    /// Who acted: the member's user in a guild, the user in a DM.
    var actor: User? { member?.user ?? user }

    enum CodingKeys: String, CodingKey {
        case id, type, token, member, user, data, message
        case applicationID = "application_id"
        case channelID = "channel_id"
        case guildID = "guild_id"
    }

    struct User: Decodable, Sendable {
        let id: String
    }

    struct Member: Decodable, Sendable {
        let user: User?
        let roles: [String]?
    }

    /// A message, as far as the bot needs it: where it is.
    struct Message: Decodable, Sendable {
        let id: String
        let channelID: String?

        enum CodingKeys: String, CodingKey {
            case id
            case channelID = "channel_id"
        }
    }

    /// `data` of an application command (`name`, `options`) or of a component (`custom_id`).
    struct CommandData: Decodable, Sendable {
        let name: String?
        let options: [Option]?
        let customID: String?
        let componentType: Int?

        enum CodingKeys: String, CodingKey {
            case name, options
            case customID = "custom_id"
            case componentType = "component_type"
        }
    }

    /// A command option: a value, or a subcommand holding options of its own.
    struct Option: Decodable, Sendable {
        let name: String
        let type: Int
        let value: OptionValue?
        let options: [Option]?
    }

    /// Strings, integers, numbers and booleans all arrive as JSON scalars; the bot wants text.
    struct OptionValue: Decodable, Sendable {
        let text: String

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let string = try? container.decode(String.self) {
                text = string
            } else if let integer = try? container.decode(Int64.self) {
                text = String(integer)
            } else if let number = try? container.decode(Double.self) {
                text = String(number)
            } else if let flag = try? container.decode(Bool.self) {
                text = flag ? "true" : "false"
            } else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "an option value must be a scalar")
            }
        }
    }
}
