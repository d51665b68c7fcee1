import Foundation
import Logging
import ServiceLifecycle

/// The background service that expires unapproved requests and reports them in their threads,
/// turns executions whose lease ran out into `interrupted`, and, once an hour, forgets what is
/// older than the retention. Stops on graceful shutdown.
public struct ExpirySweeper: Service {
    let bot: ChatBot
    let platforms: Set<String>
    let sink: any ReplySink
    let interval: Duration
    /// `store.retention`; nil keeps everything.
    let retention: Duration?
    let logger: Logger
    static let pruneEvery: Duration = .seconds(3600)

    public init(bot: ChatBot, platforms: Set<String>, sink: any ReplySink, interval: Duration = .seconds(15),
                retention: Duration? = nil, logger: Logger = Logger(label: "chatops.sweeper")) {
        self.bot = bot
        self.platforms = platforms
        self.sink = sink
        self.interval = interval
        self.retention = retention
        self.logger = logger
    }

    public func run() async throws {
        var lastPrune: ContinuousClock.Instant?
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await bot.sweep(platforms: platforms, sink: sink)
            } catch {
                logger.error("sweep failed; retrying next round", metadata: ["error": "\(error)"])
            }
            if let retention, lastPrune.map({ ContinuousClock.now - $0 >= Self.pruneEvery }) ?? true {
                lastPrune = .now
                do {
                    let pruned = try await bot.prune(retention: TimeInterval(retention.components.seconds))
                    logger.info("pruned old records", metadata: ["requests": "\(pruned.requests)",
                                                                 "deliveries": "\(pruned.deliveries)",
                                                                 "audit_entries": "\(pruned.auditEntries)"])
                } catch {
                    logger.error("pruning old records failed; trying again in an hour", metadata: ["error": "\(error)"])
                }
            }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }
}

/// How the service lifecycle's log names it: its name only, never its fields (the bot, its
/// executors and their clients hold tokens).
extension ExpirySweeper: CustomStringConvertible {
    public var description: String { "ExpirySweeper" }
}
