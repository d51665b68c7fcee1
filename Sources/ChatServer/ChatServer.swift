import Conversation
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `chatops serve`: the platforms' routes plus `/healthz`, `/readyz` and `/metrics`, the expiry sweeper, and
/// start-up recovery, in one service group. A graceful shutdown stops accepting requests, then
/// waits for work already acknowledged to a platform to finish.
public struct ChatServer: Sendable {
    public let bot: ChatBot
    public let adapters: [any PlatformAdapter]
    public let host: String
    public let port: Int
    public let work: InFlightWork
    /// Every platform's replies: a reply about a request goes to the platform it was made on.
    public let router: ReplyRouter
    /// Connection and buffered-body caps, checked before any signature.
    public let gate: InboundGate
    let readiness: @Sendable () async -> [String]
    /// Lines `/readyz` adds under its answer (the last reload).
    let readinessNotes: @Sendable () -> [String]
    /// `GET /metrics`: the Prometheus text exposition; nil serves no `/metrics`.
    let metrics: (@Sendable () -> [UInt8])?
    let sweepInterval: Duration
    /// `store.retention`: what is older is pruned once an hour; nil keeps everything.
    let retention: Duration?
    /// Deliveries stored before this (by the bot's clock) and unfinished are a stopped process's.
    let startedAt: Date
    let logger: Logger

    /// `readiness` lists what is wrong (empty when ready); `work` is the adapters' in-flight work;
    /// `router` must be the one the adapters were given, so each can reach the others' threads.
    public init(bot: ChatBot, adapters: [any PlatformAdapter], host: String, port: Int, work: InFlightWork,
                router: ReplyRouter = ReplyRouter(), gate: InboundGate = InboundGate(),
                readiness: @escaping @Sendable () async -> [String], readinessNotes: @escaping @Sendable () -> [String] = { [] },
                metrics: (@Sendable () -> [UInt8])? = nil,
                sweepInterval: Duration = .seconds(15),
                retention: Duration? = nil, logger: Logger = Logger(label: "chatops.server")) {
        self.bot = bot
        self.adapters = adapters
        self.host = host
        self.port = port
        self.work = work
        self.router = router
        self.gate = gate
        self.readiness = readiness
        self.readinessNotes = readinessNotes
        self.metrics = metrics
        self.sweepInterval = sweepInterval
        self.retention = retention
        self.logger = logger
        startedAt = bot.now()
        for adapter in adapters {
            router.register(adapter.platform, adapter.sink)
            if let starter = adapter.starter { router.register(adapter.platform, starter: starter) }
        }
    }

    public var platforms: Set<String> { Set(adapters.map(\.platform)) }

    public func makeRouter() -> ChatRouter {
        let router = ChatRouter(context: ChatRequestContext.self)
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: BodyBudgetMiddleware(gate: gate))
        router.add(middleware: WebhookTimingMiddleware(platforms: Set(adapters.map(\.platform))))
        router.get("/healthz") { _, _ in InboundBody.text("ok\n") }
        router.get("/readyz") { _, _ in
            let problems = await readiness()
            let notes = readinessNotes().map { $0 + "\n" }.joined()
            return problems.isEmpty ? InboundBody.text("ready\n" + notes)
                : InboundBody.text("not ready: " + problems.joined(separator: "; ") + "\n" + notes, status: .serviceUnavailable)
        }
        if let metrics {
            router.get("/metrics") { _, _ in
                Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                         body: .init(byteBuffer: ByteBuffer(bytes: metrics())))
            }
        }
        for adapter in adapters { adapter.addRoutes(to: router) }
        return router
    }

    /// The Hummingbird application: the routes, the connection cap, and the services that run
    /// with the server (start-up recovery and the drain of in-flight work, the expiry sweeper).
    /// Tests drive it with HummingbirdTesting (`app.test(.router)`, `.live`); `onListening` gets
    /// the bound port.
    public func application(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let gate = gate
        let startup = StartupAndDrain(bot: bot, platforms: platforms, sink: router, work: work,
                                      inbox: InboxRecovery(bot: bot, adapters: adapters, work: work, startedAt: startedAt, logger: logger),
                                      logger: logger)
        let sweeper = ExpirySweeper(bot: bot, platforms: platforms, sink: router, interval: sweepInterval, retention: retention,
                                    logger: logger)
        // Shutdown runs in reverse: the server stops taking requests first, the sweeper next, and
        // in-flight work is drained last.
        return Application(
            router: makeRouter(),
            server: .http1(configuration: .init(additionalChannelHandlers: [ConnectionCapHandler(gate: gate),
                                                                            BodyDeadlineHandler(timeout: gate.bodyReadTimeout)],
                                                idleTimeout: .seconds(30))),
            configuration: .init(address: .hostname(host, port: port), serverName: "chatops"),
            services: [startup, sweeper] + adapters.flatMap(\.services),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    /// Runs until SIGTERM/SIGINT (or `stop` on the returned handle); `onListening` gets the bound port.
    public func start(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async -> RunningChatServer {
        let group = ServiceGroup(configuration: .init(services: [application(onListening: onListening)],
                                                      gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        let task = Task { try await group.run() }
        return RunningChatServer(group: group, task: task)
    }
}

/// A server that is running: wait for it, or stop it gracefully.
public struct RunningChatServer: Sendable {
    let group: ServiceGroup
    let task: Task<Void, any Error>

    public func stop() async throws {
        await group.triggerGracefulShutdown()
        try await task.value
    }

    public func wait() async throws {
        try await task.value
    }
}

/// Starts recovery (interrupted work, approved-but-unstarted requests, owed notices, then
/// deliveries acknowledged and never handled) once the server runs, and on shutdown waits for
/// every piece of in-flight work.
struct StartupAndDrain: Service {
    let bot: ChatBot
    let platforms: Set<String>
    let sink: any ReplySink
    let work: InFlightWork
    let inbox: InboxRecovery
    let logger: Logger

    func run() async throws {
        let bot = bot, platforms = platforms, sink = sink, inbox = inbox, logger = logger
        work.start {
            do { try await bot.start(platforms: platforms, sink: sink) } catch {
                logger.error("start-up recovery failed", metadata: ["error": "\(error)"])
            }
        }
        work.start {
            do { try await inbox.run() } catch {
                logger.error("could not read the deliveries left unhandled by the last stop", metadata: ["error": "\(error)"])
            }
        }
        try? await gracefulShutdown()
        await work.drain()
    }
}

/// How the service lifecycle's log names it: its name only, never its fields (the bot, its
/// executors and their clients hold tokens).
extension StartupAndDrain: CustomStringConvertible {
    var description: String { "StartupAndDrain" }
}
