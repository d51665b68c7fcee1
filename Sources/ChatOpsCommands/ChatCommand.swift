import ArgumentParser
import Conversation
import Foundation

/// `chatops chat --as USER`: the console chat, one message per line.
struct ChatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Talk to the bot in the terminal as USER (one message per line; Ctrl-D to quit).",
        discussion: """
            `:as NAME` switches who is speaking (e.g. to approve as another user), `:quit` leaves.
            Expired requests and other notices are printed as they happen.
            """
    )

    @OptionGroup var speaker: SpeakerOptions

    @OptionGroup var setup: SetupOptions

    func run() async throws {
        try await reportingSetupErrors {
            try await setup.withApp(dryRun: speaker.dryRun) { app in try await converse(with: app.bot) }
        }
    }
}

extension ChatCommand {
    /// One message per line until end of input or `:quit`, notices printed as they come.
    func converse(with bot: ChatBot) async throws {
        let sink = ConsoleSink()
        let platforms: Set<String> = [ConsoleMessage.platform]
        try await bot.start(platforms: platforms, sink: sink)
        let sweeper = Task { try await ExpirySweeper(bot: bot, platforms: platforms, sink: sink).run() }
        defer { sweeper.cancel() }
        let interactive = isatty(STDIN_FILENO) == 1
        var user = speaker.user
        if interactive {
            Console.error("chatops console: you are \(user). Try `help` or `deploy v2.3 to staging`; "
                          + "`:as NAME` switches user, Ctrl-D quits.")
        }
        while true {
            if interactive { FileHandle.standardError.write(Data("\(user)> ".utf8)) }
            guard let line = readLine(strippingNewline: true) else { break }
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            if text == ":quit" || text == ":q" { break }
            if text.hasPrefix(":as ") {
                let name = String(text.dropFirst(4)).trimmingCharacters(in: .whitespaces)
                if let problem = ConsoleMessage.validate(user: name) { Console.error(problem) } else { user = name }
                continue
            }
            try await bot.handle(ConsoleMessage.make(user: user, channel: speaker.channel, text: text), sink: sink)
        }
    }
}
