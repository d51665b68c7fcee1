import ArgumentParser
import Foundation

/// `chatops bench slack-commands`: writes pre-signed, distinct Slack slash commands for wrk
/// (`Benchmarks/wrk/slack.lua` reads them). Run it right before the load: the signatures are
/// good for Slack's 5-minute window from now.
struct BenchSlackCommandsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slack-commands",
        abstract: "Write COUNT signed Slack slash commands, one per line (timestamp TAB signature TAB body), for wrk.",
        discussion: "The signing secret is read from CHATOPS_SLACK_SIGNING_SECRET; every command has its own trigger_id."
    )

    @Option(help: "How many commands.")
    var count = 100_000

    @Option(help: "The file to write.")
    var out: String

    @Option(help: "The text after /chatops.")
    var text = "status iris staging"

    @Option(help: "The Slack user id that sends them (map it to a person in the configuration).")
    var user = "U0BENCH01"

    @Option(help: "The Slack channel id they come from.")
    var channel = "C0BENCH001"

    @Option(help: "Put in every trigger_id (default: the time now), so two runs never repeat a delivery.")
    var run: String?

    func validate() throws {
        guard count > 0 else { throw ValidationError("--count must be positive") }
    }

    func run() async throws {
        let now = Int(Date().timeIntervalSince1970)
        let commands = SignedSlashCommands(signingSecret: try BenchServer.secret("CHATOPS_SLACK_SIGNING_SECRET"), text: text,
                                           channel: channel, user: user, run: run ?? String(now))
        guard FileManager.default.createFile(atPath: out, contents: nil), let file = FileHandle(forWritingAtPath: out) else {
            throw ValidationError("cannot write \(out)")
        }
        defer { try? file.close() }
        var chunk = ""
        for index in 0..<count {
            chunk += SignedSlashCommands.line(commands.make(index, timestamp: now))
            if chunk.utf8.count > 1 << 20 {
                try file.write(contentsOf: Data(chunk.utf8))
                chunk = ""
            }
        }
        try file.write(contentsOf: Data(chunk.utf8))
    }
}
