import Logging
import ServiceLifecycle

/// The background service that expires unapproved requests and reports them in their threads,
/// and turns executions whose lease ran out into `interrupted`. Stops on graceful shutdown.
public struct ExpirySweeper: Service {
    let bot: ChatBot
    let platforms: Set<String>
    let sink: any ReplySink
    let interval: Duration
    let logger: Logger

    public init(bot: ChatBot, platforms: Set<String>, sink: any ReplySink, interval: Duration = .seconds(15),
                logger: Logger = Logger(label: "chatops.sweeper")) {
        self.bot = bot
        self.platforms = platforms
        self.sink = sink
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await bot.sweep(platforms: platforms, sink: sink)
            } catch {
                logger.error("sweep failed; retrying next round", metadata: ["error": "\(error)"])
            }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }
}
