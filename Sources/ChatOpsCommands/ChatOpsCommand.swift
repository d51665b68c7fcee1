import ArgumentParser

/// `chatops`: the root command.
public struct ChatOpsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "chatops",
        abstract: "A ChatOps bot for the ML platform: understand, decide, act, report.",
        subcommands: [ParseCommand.self, RulesCommand.self, ConfigCommand.self]
    )

    public init() {}
}
