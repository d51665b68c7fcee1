import ArgumentParser
import ChatOpsApp
import ChatOpsConfig
import ChatServer
import Foundation
import Logging

/// `chatops serve`: the HTTP server the chat platforms call.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP server for the chat platforms (Slack /slack/*, Discord /discord/interactions, GitHub /github/webhook) and /healthz, /readyz.",
        discussion: """
            A platform is served when its settings are there (`chatops config check` says which are, and which
            setting turned each on); see docs/platforms.md for each platform's setup. SIGTERM or SIGINT stops it
            gracefully: no new requests, and work already acknowledged is finished first. SIGHUP reloads the
            configuration and the rules; when they do not load, the running ones stay (the log and /readyz say why).
            """
    )

    @Option(help: "host:port to listen on (default: CHATOPS_LISTEN, server.listen, or 127.0.0.1:8080).")
    var listen: String?

    @Flag(help: "Mutating executors only print their plans.")
    var dryRun = false

    @OptionGroup var setup: SetupOptions

    func run() async throws {
        try await reportingSetupErrors {
            let settings = try setup.loadConfiguration().settings
            let format = settings.value(.logFormat)
            let logger = AppLogging.logger(format: format, level: settings.value(.logLevel))
            try await setup.withApp(dryRun: dryRun, logger: logger, preparePlatforms: true) { app in
                let address: ListenAddress
                let server: ChatServer
                do {
                    address = try ListenAddress(parsing: listen ?? app.configuration.settings.value(.listen) ?? "127.0.0.1:8080")
                    server = try app.server(listen: address)
                } catch {
                    throw SetupError(message: "\(error)".hasPrefix("configuration error") ? "\(error)" : "configuration error: \(error)")
                }
                let platforms = server.adapters.isEmpty ? "no platform is configured yet (see docs/platforms.md)"
                    : "serving " + server.adapters.map(\.platform).joined(separator: ", ")
                let reloading = ReloadOnHangup { await app.reload(setup.options(dryRun: dryRun, logger: logger, preparePlatforms: true)) }
                defer { reloading.stop() }
                let running = await server.start { port in
                    let line = "chatops listening on http://\(address.host):\(port): \(platforms)"
                    if format == "json" { logger.notice("\(line)") } else { FileHandle.standardError.write(Data((line + "\n").utf8)) }
                }
                try await running.wait()
            }
        }
    }
}
