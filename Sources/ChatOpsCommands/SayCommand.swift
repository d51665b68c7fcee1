import ArgumentParser
import Conversation

/// `chatops say --as USER "text"`: one message through the whole path, against the store.
struct SayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "say",
        abstract: "Send one message to the bot as USER and print its replies (understand → policy → approval → execute).",
        discussion: """
            Replies are the texts the chat platforms show. The console user USER is the platform id
            console:USER, which the policy's identities map to a person.
            Example:
              chatops say --as alice "deploy v2.3 to prod"
              chatops say --as bob "approve 1"
            """
    )

    @OptionGroup var speaker: SpeakerOptions

    @Argument(help: "The message.")
    var text: String

    @OptionGroup var setup: SetupOptions

    func run() async throws {
        try await reportingSetupErrors {
            try await setup.withApp(dryRun: speaker.dryRun) { app in
                let sink = ConsoleSink()
                try await app.bot.start(platforms: [ConsoleMessage.platform], sink: sink)
                try await app.bot.sweep(platforms: [ConsoleMessage.platform], sink: sink)
                try await app.bot.handle(ConsoleMessage.make(user: speaker.user, channel: speaker.channel, text: text), sink: sink)
            }
        }
    }
}
