import ArgumentParser
import DiscordPlatform
import PlatformHTTP

/// `chatops discord register`.
struct DiscordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discord",
        abstract: "Set up the Discord application.",
        subcommands: [DiscordRegisterCommand.self]
    )
}

struct DiscordRegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Register the slash commands (/chatops, /deploy, /approve …) with Discord.",
        discussion: "Replaces the application's commands with those in the file (Discord's bulk overwrite), using "
            + "CHATOPS_DISCORD_APPLICATION_ID and CHATOPS_DISCORD_BOT_TOKEN. Global commands can take a while to appear; "
            + "--guild registers them in one server at once (good for trying them out)."
    )

    @Option(name: .long, help: "The commands file (a JSON array of application commands).")
    var file = "deploy/discord-commands.json"

    @Option(name: .long, help: "Register in this guild (server) id only, instead of globally.")
    var guild: String?

    @OptionGroup var setup: SetupOptions

    func run() async throws {
        try await reportingSetupErrors {
            let configuration = try setup.loadConfiguration()
            let http = HTTPClientPool()
            do {
                let registrar = try DiscordCommandRegistrar(settings: configuration.settings, client: http.api("Discord"))
                let names = try await registrar.register(file: file, guild: guild)
                await http.shutdown()
                print("registered \(names.count) Discord command(s) \(guild.map { "in guild \($0)" } ?? "globally"): "
                      + names.map { "/\($0)" }.joined(separator: " "))
            } catch {
                await http.shutdown()
                throw SetupError(message: "\(error)")
            }
        }
    }
}
