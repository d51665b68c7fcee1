import ArgumentParser

/// `chatops`: the root command.
public struct ChatOpsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "chatops",
        abstract: "A ChatOps bot for the ML platform: understand, decide, act, report.",
        subcommands: [SayCommand.self, ChatCommand.self, ServeCommand.self, RequestsCommand.self, IncidentsCommand.self, AuditCommand.self,
                      ParseCommand.self, EvalCommand.self, FeedbackCommand.self, RulesCommand.self, ConfigCommand.self, DiscordCommand.self,
                      BenchCommand.self]
    )

    public init() {}
}

extension ChatOpsCommand {
    /// The program's entry. Called from an async function so that the compiler picks the async
    /// `main`; top-level code in `main.swift` would pick the synchronous one, which cannot run
    /// async subcommands.
    public static func runAsRoot() async {
        await main(nil)
    }
}
