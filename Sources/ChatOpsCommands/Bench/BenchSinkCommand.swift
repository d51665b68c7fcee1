import ArgumentParser
import Foundation
import Hummingbird
import Synchronization

/// `chatops bench sink`: stands in for Slack's Web API while the webhook and alert benchmarks run,
/// so the bot's replies go somewhere real over HTTP (set `platforms.slack.api_url` to
/// `http://HOST:PORT/api`). `GET /stats` says how many calls came.
struct BenchSinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sink",
        abstract: "A local Slack Web API sink: POST /api/METHOD answers {\"ok\":true,…} as Slack does; GET /stats counts the calls."
    )

    @Option(help: "host:port to listen on.")
    var listen = "127.0.0.1:8091"

    @Option(help: "The channel id every answer names (the one the benchmark's commands and incident routes use).")
    var channel = "C0BENCH001"

    func run() async throws {
        try await BenchServer.run(SlackAPISink(channel: channel).router(), listen: listen, name: "slack-sink")
    }
}

/// Answers `chat.postMessage`, `chat.update` and any other Web API method with `ok: true`, a
/// channel and a fresh `ts` (a thread's id, so each must be new), and counts what came: all calls,
/// and the messages that start a thread (no `thread_ts`: a slash command's first post, an
/// incident's first message).
final class SlackAPISink: Sendable {
    struct Counts: Sendable, Equatable {
        var calls = 0
        var threadStarts = 0
    }

    let channel: String
    private let counts = Mutex(Counts())
    private static let threadKey = Array(#""thread_ts""#.utf8)

    init(channel: String) {
        self.channel = channel
    }

    var current: Counts { counts.withLock { $0 } }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/healthz") { _, _ in "ok\n" }
        router.get("/stats") { [self] _, _ in
            let now = current
            return Self.json(#"{"calls":\#(now.calls),"thread_starts":\#(now.threadStarts)}"#)
        }
        router.post("/api/:method") { [self] request, _ in
            let body = try await request.body.collect(upTo: 1 << 20)
            return Self.json(answer(toBody: body.readableBytesView))
        }
        return router
    }

    /// Slack's answer to one call; a message's `ts` is Unix seconds, a dot and six digits.
    func answer(toBody body: some Collection<UInt8>) -> String {
        let startsThread = body.firstRange(of: Self.threadKey) == nil
        let number = counts.withLock { counts in
            counts.calls += 1
            if startsThread { counts.threadStarts += 1 }
            return counts.calls
        }
        let micros = String(number % 1_000_000)
        let ts = "\(1_800_000_000 + number / 1_000_000).\(String(repeating: "0", count: 6 - micros.count))\(micros)"
        return #"{"ok":true,"channel":"\#(channel)","ts":"\#(ts)"}"#
    }

    static func json(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
