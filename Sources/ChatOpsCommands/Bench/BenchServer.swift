import ArgumentParser
import ChatServer
import Foundation
import Hummingbird
import Logging

/// Runs one of the benchmark's helper servers (the reference, the Slack sink) on `listen` until
/// SIGTERM or SIGINT, and says on stderr where it listens, as `chatops serve` does.
enum BenchServer {
    static func run(_ router: Router<BasicRequestContext>, listen: String, name: String) async throws {
        let address = try ListenAddress(parsing: listen)
        var logger = Logger(label: "chatops.bench.\(name)")
        logger.logLevel = .warning
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(address.host, port: address.port), serverName: name),
            onServerRunning: { channel in
                let line = "\(name) listening on http://\(address.host):\(channel.localAddress?.port ?? address.port)\n"
                FileHandle.standardError.write(Data(line.utf8))
            },
            logger: logger
        )
        try await app.runService()
    }

    /// A secret the helpers read from the environment (never from the command line, where `ps` shows it).
    static func secret(_ variable: String) throws -> String {
        guard let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty else {
            throw ValidationError("set \(variable) in the environment")
        }
        return value
    }
}
