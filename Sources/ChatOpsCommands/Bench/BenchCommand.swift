import ArgumentParser

/// `chatops bench …`: the benchmarks and the helpers the benchmark scripts under `Benchmarks/`
/// run. Figures only mean something from a release build (`swift build -c release`).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks (run them from a release build; see Benchmarks/README.md).",
        subcommands: [BenchRulesCommand.self, BenchUnderstandCommand.self, BenchStoreCommand.self, BenchReferenceCommand.self, BenchSinkCommand.self,
                      BenchSlackCommandsCommand.self, BenchAlertTemplateCommand.self]
    )
}
