import ArgumentParser
import ChatOpsConfig
import ChatServer
import Conversation
import DiscordPlatform
import Foundation
import GitHubPlatform
import Logging
import PlatformHTTP
import SlackPlatform

/// `chatops serve`: the HTTP server the chat platforms call.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP server for Slack, Discord and GitHub (routes /slack/*, /discord/interactions, /github/webhook, /healthz, /readyz).",
        discussion: """
            A platform is served when its secret is set (CHATOPS_SLACK_SIGNING_SECRET, CHATOPS_DISCORD_PUBLIC_KEY,
            CHATOPS_GITHUB_WEBHOOK_SECRET); see the README for each platform's setup. SIGTERM or SIGINT stops it
            gracefully: no new requests, and work already acknowledged is finished first.
            """
    )

    @Option(help: "host:port to listen on (default: CHATOPS_LISTEN, server.listen, or 127.0.0.1:8080).")
    var listen: String?

    @Flag(help: "Mutating executors only print their plans.")
    var dryRun = false

    @OptionGroup var setup: SetupOptions

    func run() async throws {
        try await reportingSetupErrors {
            let logger = Logger(label: "chatops", factory: { StreamLogHandler.standardError(label: $0) })
            let (bot, configuration) = try await setup.makeServedBot(dryRun: dryRun, logger: logger)
            let address: ListenAddress
            let adapters: [any PlatformAdapter]
            let work = InFlightWork()
            let router = ReplyRouter()
            let settings = configuration.settings
            do {
                address = try ListenAddress(parsing: listen ?? settings.value(.listen) ?? "127.0.0.1:8080")
                adapters = try PlatformAdapters.make(configuration: configuration, bot: bot, work: work, router: router,
                                                     logger: logger)
            } catch {
                throw SetupError(message: "configuration error: \(error)")
            }
            let gate = InboundGate(maxConnections: settings.integer(.maxConnections) ?? 256,
                                   maxBufferedBytes: settings.integer(.maxBufferedBytes) ?? 8 << 20)
            let server = ChatServer(bot: bot, adapters: adapters, host: address.host, port: address.port, work: work,
                                    router: router, gate: gate, readiness: { await bot.readinessProblems() },
                                    retention: settings.duration(.storeRetention), logger: logger)
            let platforms = adapters.isEmpty ? "no platform is configured yet (see the README: Chat platforms)"
                : "serving " + adapters.map(\.platform).joined(separator: ", ")
            let running = await server.start { port in
                let line = "chatops listening on http://\(address.host):\(port): \(platforms)\n"
                FileHandle.standardError.write(Data(line.utf8))
            }
            try await running.wait()
        }
    }
}

/// Every platform whose settings are present, in a fixed order.
enum PlatformAdapters {
    static func make(configuration: ChatOpsConfiguration, bot: ChatBot, work: InFlightWork, router: ReplyRouter,
                     logger: Logger) throws -> [any PlatformAdapter] {
        let slack: (any PlatformAdapter)? = try SlackAdapter.make(configuration: configuration, bot: bot, work: work, logger: logger,
                                                                 router: router)
        let discord: (any PlatformAdapter)? = try DiscordAdapter.make(configuration: configuration, bot: bot, work: work,
                                                                     logger: logger, router: router)
        let github: (any PlatformAdapter)? = try GitHubAdapter.make(configuration: configuration, bot: bot, work: work, logger: logger,
                                                                   router: router)
        return [slack, discord, github].compactMap { $0 }
    }
}
