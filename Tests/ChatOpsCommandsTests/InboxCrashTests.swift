import ChatOpsTestSupport
import Foundation
import GRDB
import PlatformHTTP
import Synchronization
import Testing

/// `chatops serve` answers a Slack slash command ("Working on…") once the command is stored, then
/// is killed dead (SIGKILL) before it handles it, or right after the command became a request.
/// Started again on the same store, it finishes what it acknowledged, exactly once.
@Suite("Crash safety: a command acknowledged, then SIGKILL", .serialized)
struct InboxCrashTests {
    /// A `chatops serve` child: its standard error read as it comes.
    final class Served: Sendable {
        let process: Process
        let port: Int
        private let output = Output()

        /// What the child printed so far.
        final class Output: Sendable {
            let text = Mutex("")
        }

        /// `environment`: more settings (another platform's).
        init(_ cli: FreshStoreCLI, config: String, slackAPI: String, crashpoint: String?, environment more: [String: String] = [:]) async throws {
            process = Process()
            process.executableURL = URL(fileURLWithPath: cli.binary)
            process.arguments = ["serve", "--listen", "127.0.0.1:0", "--store", cli.store, "--config", config]
            var environment = ["CHATOPS_SLACK_SIGNING_SECRET": SlackSigning.secret, "CHATOPS_SLACK_BOT_TOKEN": "xoxb-test-token",
                               "CHATOPS_SLACK_API_URL": slackAPI]
            if let crashpoint { environment["CHATOPS_CRASHPOINT"] = crashpoint }
            environment.merge(more) { _, new in new }
            process.environment = cli.environment(environment)
            process.currentDirectoryURL = RepositoryPaths.root
            let pipe = Pipe()
            process.standardError = pipe
            process.standardOutput = FileHandle.nullDevice
            let output = output
            try process.run()
            Thread.detachNewThread {
                while case let chunk = pipe.fileHandleForReading.availableData, !chunk.isEmpty {
                    output.text.withLock { $0 += String(decoding: chunk, as: UTF8.self) }
                }
            }
            let line = try await Self.awaitLine("chatops listening on http://127.0.0.1:", in: output, process: process)
            port = try #require(Int(line.split(separator: ":")[2].prefix { $0.isNumber }))
        }

        /// The first line containing `marker`, within 30 seconds. It sleeps without holding a
        /// thread: the fakes the child calls answer from this process's own threads.
        static func awaitLine(_ marker: String, in output: Output, process: Process) async throws -> String {
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                if let line = output.text.withLock({ $0 }).split(separator: "\n").first(where: { $0.contains(marker) }) { return String(line) }
                try await Task.sleep(for: .milliseconds(20))
            }
            kill(process.processIdentifier, SIGKILL)
            throw ChildFailure(description: "chatops serve never printed '\(marker)': \(output.text.withLock { $0 })")
        }

        func wait(for marker: String) async throws { _ = try await Self.awaitLine(marker, in: output, process: process) }

        func killDead() {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        /// A slash command as Slack sends it (its verification token and response URL included), signed.
        func slash(_ command: String, _ text: String, trigger: String) async throws -> (Int, String) {
            let body = QueryString.encode([
                ("token", "legacy-verification-token"), ("team_id", "T111"), ("channel_id", "C111"), ("user_id", "W111"),
                ("command", command), ("text", text), ("api_app_id", "A111"),
                ("response_url", "https://hooks.slack.com/commands/T111/1/secret"), ("trigger_id", trigger),
            ])
            let timestamp = SlackSigning.now
            return try await URLFetch.post("http://127.0.0.1:\(port)/slack/commands", body: body, headers: [
                ("Content-Type", "application/x-www-form-urlencoded"), ("X-Slack-Request-Timestamp", timestamp),
                ("X-Slack-Signature", SlackSigning.signature(Array(body.utf8), timestamp: timestamp)),
            ])
        }
    }

    struct ChildFailure: Error, CustomStringConvertible {
        let description: String
    }

    let cli: FreshStoreCLI
    let config: String

    init() throws {
        cli = try FreshStoreCLI()
        config = try cli.directory.write("chatops.yaml", try TestBot.configurationText(identities: ["alice": "slack:W111, github:alice"]))
    }

    func storeCount(_ sql: String) throws -> Int {
        try DatabaseQueue(path: cli.store).read { try Int.fetchOne($0, sql: sql) ?? -1 }
    }

    func eventually(_ what: String, _ condition: () throws -> Bool) async throws {
        for _ in 0..<500 {
            if try condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("never: \(what)")
    }

    @Test func killedBeforeHandlingTheCommandRunsAtTheNextStart() async throws {
        let slack = try await FakePlatformAPI.start(PlatformFakeAnswers.slack())
        let first = try await Served(cli, config: config, slackAPI: slack.baseURL, crashpoint: "before-handling")
        let answer = try await first.slash("/deploy", "iris v2.3 prod", trigger: "1.1.crash")
        #expect(answer.0 == 200 && answer.1.contains("Working on"), "\(answer)")
        try await first.wait(for: "crashpoint before-handling reached")
        first.killDead()
        #expect(try storeCount("SELECT count(*) FROM requests") == 0)
        #expect(try storeCount("SELECT count(*) FROM deliveries WHERE work IS NOT NULL") == 1)
        #expect(try storeCount("SELECT count(*) FROM deliveries WHERE CAST(work AS TEXT) LIKE '%verification%' OR CAST(work AS TEXT) LIKE '%hooks.slack%'") == 0)

        let second = try await Served(cli, config: config, slackAPI: slack.baseURL, crashpoint: nil)
        defer { second.killDead() }
        try await eventually("the resumed command asks for approval in its thread") {
            slack.requests.contains { ($0.json?["text"] as? String)?.contains("Request #1") == true }
        }
        try await eventually("the delivery completes") { try storeCount("SELECT count(*) FROM deliveries WHERE work IS NOT NULL") == 0 }
        #expect(try storeCount("SELECT count(*) FROM requests WHERE state = 'awaiting_approval' AND requester = 'alice'") == 1)
        // Slack's replay of the acknowledged command is still known.
        let replay = try await second.slash("/deploy", "iris v2.3 prod", trigger: "1.1.crash")
        #expect(replay.1.contains("already received"))
        await slack.stop()
    }

    @Test func killedRightAfterTheCommandBecameARequestRecordsNoSecondOne() async throws {
        let slack = try await FakePlatformAPI.start(PlatformFakeAnswers.slack())
        let first = try await Served(cli, config: config, slackAPI: slack.baseURL, crashpoint: "after-create")
        #expect(try await first.slash("/deploy", "iris v2.3 prod", trigger: "2.2.crash").0 == 200)
        try await first.wait(for: "crashpoint after-create reached")
        first.killDead()
        #expect(try storeCount("SELECT count(*) FROM requests") == 1)
        // The request carries the command on: nothing is left to resume.
        #expect(try storeCount("SELECT count(*) FROM deliveries WHERE work IS NOT NULL") == 0)

        let second = try await Served(cli, config: config, slackAPI: slack.baseURL, crashpoint: nil)
        defer { second.killDead() }
        let help = try await second.slash("/chatops", "help", trigger: "2.3.after")
        #expect(help.0 == 200)
        try await eventually("the next command is answered") { try storeCount("SELECT count(*) FROM deliveries WHERE reply IS NOT NULL") == 1 }
        #expect(try storeCount("SELECT count(*) FROM requests WHERE intent = 'deploy'") == 1)
        #expect(try storeCount("SELECT count(*) FROM requests WHERE intent = 'help'") == 1)
        await slack.stop()
    }
}
