import Approvals
import ChatOpsConfig
import ChatOpsCore
import ChatOpsMetrics
import Conversation
import Foundation
import Logging
import ReplyModel
import ServiceLifecycle

/// Turns the queued Alertmanager notifications (and failed pipeline runs, queued in the same shape)
/// into incidents and their threads: applies each notification to its group's incident (in the
/// order received), then makes the posts the changes queued — the first message, its edits, one
/// reply per change, the analysis, the close.
/// Posts for one incident are coalesced (one edit and one reply however many notifications came),
/// and each channel gets at most one post per `postInterval`, so a storm costs bounded calls.
public final class IncidentWorker: Service, Sendable {
    public struct Settings: Sendable {
        public var reopenWindow: TimeInterval = 3600
        /// A change chatops made to the app this long before the incident is named in it.
        public var changeWindow: TimeInterval = 3600
        public var analysisInterval: TimeInterval = 1800
        /// Between two posts in one channel (Slack allows about one per second).
        public var postInterval: Duration = .seconds(1)
        /// Labels of a GitHub incident issue (with the severity).
        public var issueLabels = ["production-alert", "ai-analysis"]
        /// Labels of a GitHub pipeline-failure issue (with the severity).
        public var pipelineIssueLabels = ["pipeline-failure", "ai-triage"]
        /// A post that failed this many times is given up (and logged).
        public var maxAttempts = 8
        /// Alerts that mark model drift: their analysis is `drift` (MLflow's numbers, the drift
        /// prompt, Retrain on P0), not `diagnose`.
        public var driftAlerts: [IncidentRoutes.Matcher] = try! IncidentRoutes.matchers("alertname=ModelAccuracyDrift", setting: "default")

        public init() {}
    }

    let store: any ApprovalStore
    let routes: IncidentRoutes
    let router: ReplyRouter
    let bot: ChatBot
    let catalog: Catalog
    let settings: Settings
    let now: @Sendable () -> Date
    let logger: Logger
    let pacing: ChannelPacing
    private let wakeups: AsyncStream<Void>
    private let wakeup: AsyncStream<Void>.Continuation

    public init(store: any ApprovalStore, routes: IncidentRoutes, router: ReplyRouter, bot: ChatBot, catalog: Catalog,
                settings: Settings = Settings(), now: @escaping @Sendable () -> Date = { Date() },
                logger: Logger = Logger(label: "chatops.incidents")) {
        self.store = store
        self.routes = routes
        self.router = router
        self.bot = bot
        self.catalog = catalog
        self.settings = settings
        self.now = now
        self.logger = logger
        pacing = ChannelPacing(interval: settings.postInterval)
        (wakeups, wakeup) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Something was queued: work now rather than at the next tick.
    public func wake() { wakeup.yield() }

    public func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [wakeup] in
                // A tick, so that failed posts are retried without new alerts.
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(5))
                    wakeup.yield()
                }
            }
            group.addTask { [self] in
                await cancelWhenGracefulShutdown {
                    await self.drainLogged()
                    for await _ in self.wakeups {
                        if Task.isCancelled || Task.isShuttingDownGracefully { break }
                        await self.drainLogged()
                    }
                }
            }
            await group.next()
            group.cancelAll()
        }
    }

    func drainLogged() async {
        do { try await drain() } catch { logger.error("incident work failed; trying again shortly", metadata: ["error": "\(error)"]) }
    }

    /// Applies every queued notification, then makes every queued post.
    public func drain() async throws {
        try await applyQueued()
        try await postQueued()
        BotMetrics.alertQueueDepth(try await store.alertQueueDepth())
        BotMetrics.incidentsOpen(try await store.openIncidentCount())
    }

    // MARK: Notifications → incidents

    func applyQueued() async throws {
        let tracker = IncidentTracker(reopenWindow: settings.reopenWindow)
        while true {
            let batch = try await store.pendingAlertNotifications(limit: 200)
            if batch.isEmpty { return }
            for queued in batch {
                let notification: AlertmanagerNotification
                do { notification = try AlertmanagerNotification.decode(queued.body) } catch {
                    try await store.discardAlertNotification(queued.id, reason: "unreadable: \(error)", at: now())
                    continue
                }
                let existing = try await store.latestIncident(groupKey: queued.groupKey)
                switch tracker.apply(notification, to: existing, now: now()) {
                case .discard(let reason):
                    try await store.discardAlertNotification(queued.id, reason: reason, at: now())
                case .apply(var incident, let posts):
                    if incident.app == nil, let placement = IncidentPlacement.locate(incident, in: catalog) {
                        (incident.app, incident.env) = (placement.app, placement.env)
                    }
                    _ = try await store.applyAlertNotification(queued.id, incident: incident, posts: posts.map { ($0.kind, $0.text) }, at: now())
                }
            }
        }
    }

    // MARK: Posts

    func postQueued() async throws {
        while true {
            let posts = try await store.pendingIncidentPosts(limit: 500)
            if posts.isEmpty { return }
            var progressed = false
            var order: [Int64] = []
            var byIncident: [Int64: [IncidentPost]] = [:]
            for post in posts {
                if byIncident[post.incidentID] == nil { order.append(post.incidentID) }
                byIncident[post.incidentID, default: []].append(post)
            }
            for id in order {
                if try await post(byIncident[id] ?? [], incidentID: id) { progressed = true }
            }
            // Posts that failed wait for the next round (the tick); never spin on them.
            if !progressed || posts.count < 500 { return }
        }
    }

    /// Makes one incident's pending posts, coalesced; true when they are done.
    func post(_ posts: [IncidentPost], incidentID: Int64) async throws -> Bool {
        guard var incident = try await store.incident(id: incidentID) else {
            for post in posts { try await store.completeIncidentPost(post.id, at: now()) }
            return true
        }
        let kinds = Set(posts.map(\.kind))
        if incident.thread == nil {
            // A pipeline failure's title names its failure type: the triage comes first, and is its first reply.
            var triage: Reply?
            if incident.pipelineRun != nil, incident.commonAnnotations["failure_type"] == nil {
                let found = await pipelineTriage(of: incident)
                if !found.facts.isEmpty {
                    try await store.annotateIncident(incident.id, with: found.facts)
                    incident.commonAnnotations.merge(found.facts) { _, new in new }
                }
                triage = found.reply
            }
            let change = await recentChange(incident)
            guard let thread = await open(incident, change: change) else { return try await failed(posts, incident: incident) }
            try await store.recordIncidentThread(incident.id, thread: thread)
            incident.thread = thread
            if let change { await tell(change, about: incident, in: thread) }
            if let triage {
                await pacing.wait(for: thread)
                _ = await router.send(triage, to: Self.replyOrigin(thread))
                try await store.recordIncidentAnalysis(incident.id, at: now())
                incident.lastAnalysisAt = now()
            }
        } else if kinds.contains(.refresh) || kinds.contains(.open) {
            guard await refresh(incident) else { return try await failed(posts, incident: incident) }
        }
        guard let thread = incident.thread else { return false }
        let replies = posts.filter { $0.kind == .reply }.map(\.text).filter { !$0.isEmpty }
        if !replies.isEmpty {
            await pacing.wait(for: thread)
            guard await router.send(.text(Self.coalesce(replies)), to: Self.replyOrigin(thread)) != nil else {
                return try await failed(posts, incident: incident)
            }
        }
        if kinds.contains(.analyse), let analysis = await analysis(of: incident) {
            await pacing.wait(for: thread)
            _ = await router.send(analysis, to: Self.replyOrigin(thread))
            try await store.recordIncidentAnalysis(incident.id, at: now())
        }
        if kinds.contains(.close), incident.state == .resolved, let starter = router.starter(for: thread.platform) {
            _ = await starter.finish(thread)
        }
        for post in posts { try await store.completeIncidentPost(post.id, at: now()) }
        return true
    }

    /// Notes the failure; after `maxAttempts` the posts are given up (the incident's state is kept).
    func failed(_ posts: [IncidentPost], incident: IncidentRecord) async throws -> Bool {
        let attempts = (posts.map(\.attempts).max() ?? 0) + 1
        for post in posts {
            if attempts >= settings.maxAttempts {
                try await store.completeIncidentPost(post.id, at: now())
            } else {
                try await store.failIncidentPost(post.id, at: now())
            }
        }
        logger.error(attempts >= settings.maxAttempts ? "incident posts given up" : "incident post failed; retrying",
                     metadata: ["incident": "\(incident.id)", "attempts": "\(attempts)"])
        return false
    }

    /// Opens the thread where the routes say; nil when no route matches or the platform refused.
    func open(_ incident: IncidentRecord, change: RecentChange?) async -> MessageOrigin? {
        let labels = incident.alerts.first?.labels.merging(incident.commonLabels) { _, common in common } ?? incident.commonLabels
        guard let target = routes.target(for: labels) else {
            logger.warning("no incident route matches; the incident is kept without a thread",
                           metadata: ["incident": "\(incident.id)", "labels": "\(labels)"])
            return nil
        }
        guard let starter = router.starter(for: target.platform) else {
            logger.error("incidents are routed to \(target.platform), which is not configured", metadata: ["incident": "\(incident.id)"])
            return nil
        }
        await pacing.wait(for: MessageOrigin(platform: target.platform, channel: target.channel))
        return await starter.start(opening(incident, change: change), in: target.channel)
    }

    func refresh(_ incident: IncidentRecord) async -> Bool {
        guard let thread = incident.thread, let starter = router.starter(for: thread.platform) else { return false }
        let change = await recentChange(incident)
        await pacing.wait(for: thread)
        return await starter.update(thread, with: opening(incident, change: change))
    }

    func opening(_ incident: IncidentRecord, change: RecentChange?) -> ThreadOpening {
        let severity = IncidentMessage.label("severity", in: incident)
        if incident.pipelineRun != nil {
            return ThreadOpening(title: PipelineFailureMessage.title(incident), reply: PipelineFailureMessage.opening(incident),
                                 labels: settings.pipelineIssueLabels + (severity.map { [$0] } ?? []))
        }
        return ThreadOpening(title: IncidentMessage.title(incident), reply: IncidentMessage.opening(incident, change: change, now: now()),
                             labels: settings.issueLabels + (severity.map { [$0] } ?? []))
    }

    /// The newest change chatops made to the incident's app and environment within
    /// `changeWindow` before the incident opened.
    func recentChange(_ incident: IncidentRecord) async -> RecentChange? {
        guard let app = incident.app, let env = incident.env else { return nil }
        let changes = try? await RecentChanges(store: store).changes(app: app, env: env,
                                                                    since: incident.openedAt.addingTimeInterval(-settings.changeWindow))
        return changes?.first { $0.at <= incident.openedAt && $0.state != .failed }
    }

    /// The change's own thread hears of the incident that followed it.
    func tell(_ change: RecentChange, about incident: IncidentRecord, in thread: MessageOrigin) async {
        let minutes = max(0, Int(incident.openedAt.timeIntervalSince(change.at) / 60))
        var text = "Incident #\(incident.id) (\(IncidentMessage.alertName(incident))"
            + (IncidentMessage.label("severity", in: incident).map { ", \($0)" } ?? "") + ") fired \(minutes) min after this change (request #\(change.requestID))"
        if thread.platform == "github", let repository = thread.channel, let number = thread.thread {
            text += ": https://github.com/\(repository)/issues/\(number)"
        } else {
            text += "; its thread is in \(thread.platform) channel \(thread.channel ?? "?")."
        }
        await pacing.wait(for: change.origin)
        _ = await router.send(.text(text, severity: .warning), to: Self.replyOrigin(change.origin))
    }

    /// The evidence and AI analysis (`diagnose` of the app the alerts are about), at most once per
    /// `analysisInterval`; nil when it is too soon.
    func analysis(of incident: IncidentRecord) async -> Reply? {
        if let last = incident.lastAnalysisAt, now().timeIntervalSince(last) < settings.analysisInterval { return nil }
        if incident.pipelineRun != nil { return await pipelineTriage(of: incident).reply }
        if let drift = await driftAnalysis(of: incident) { return drift }
        guard let placement = IncidentPlacement.locate(incident, in: catalog) else {
            let namespace = IncidentMessage.label("namespace", in: incident) ?? "none"
            return .text("No evidence gathered: no app of the configuration runs where these alerts point (namespace \(namespace)).")
        }
        let symptom = IncidentMessage.annotation("summary", in: incident) ?? IncidentMessage.alertName(incident)
        let command = ParsedCommand(intent: .diagnose, slots: ["app": .string(placement.app), "env": .string(placement.env),
                                                               "symptom": .string(symptom)], source: .rule, ruleID: nil)
        let result = await bot.investigate(command)
        return Reply(result.reply.severity, [.text("Evidence for incident #\(incident.id) (\(placement.app) in \(placement.env)):")]
                     + result.reply.blocks)
    }

    /// A pipeline failure's `triage` of its run (failed jobs and steps, log tails, the
    /// pipeline-triage analysis, the Re-run button), and the facts that title its thread.
    func pipelineTriage(of incident: IncidentRecord) async -> (reply: Reply, facts: [String: String]) {
        guard let run = incident.pipelineRun else { return (.text("Not a pipeline failure."), [:]) }
        let command = ParsedCommand(intent: .triage, slots: ["run": .string(run.run)], source: .rule, ruleID: nil)
        let result = await bot.investigate(command)
        return (Reply(result.reply.severity, [.text("Triage of pipeline failure #\(incident.id) (run \(run.run)):")] + result.reply.blocks),
                result.isSuccess ? result.facts : [:])
    }

    /// For a drift alert about a catalog model (its `model` or `app` label, or the app the alerts
    /// are placed in): the drift answer, with its analysis and Retrain button; nil for other alerts.
    func driftAnalysis(of incident: IncidentRecord) async -> Reply? {
        let labels = incident.alerts.first?.labels.merging(incident.commonLabels) { _, common in common } ?? incident.commonLabels
        guard !settings.driftAlerts.isEmpty, settings.driftAlerts.allSatisfy({ $0.holds(for: labels) }) else { return nil }
        let named = [labels["model"], labels["app"], incident.app].compactMap { $0 }
        guard let model = named.lazy.compactMap(catalog.model(named:)).first?.name else {
            return .text("No drift analysis: these drift alerts name no model of the configuration (model or app label).")
        }
        let command = ParsedCommand(intent: .drift, slots: ["model": .string(model)], source: .rule, ruleID: nil)
        let result = await bot.investigate(command)
        return Reply(result.reply.severity, [.text("Drift analysis for incident #\(incident.id) (\(model)):")] + result.reply.blocks)
    }

    /// Replies go into the thread, not onto the first message.
    static func replyOrigin(_ thread: MessageOrigin) -> MessageOrigin {
        MessageOrigin(platform: thread.platform, channel: thread.channel, thread: thread.thread)
    }

    /// Several changes in one reply: at most 30 lines, the rest counted.
    static func coalesce(_ texts: [String]) -> String {
        let lines = texts.flatMap { $0.split(separator: "\n").map(String.init) }
        guard lines.count > 30 else { return lines.joined(separator: "\n") }
        return (lines.prefix(29) + ["… and \(lines.count - 29) more changes"]).joined(separator: "\n")
    }
}

/// At most one post per interval in each channel.
actor ChannelPacing {
    let interval: Duration
    private var next: [String: ContinuousClock.Instant] = [:]

    init(interval: Duration) {
        self.interval = interval
    }

    func wait(for origin: MessageOrigin) async {
        let key = "\(origin.platform):\(origin.channel ?? "")"
        let now = ContinuousClock.now
        let slot = max(now, next[key] ?? now)
        next[key] = slot + interval
        if slot > now { try? await Task.sleep(until: slot, clock: .continuous) }
    }
}

/// How the service lifecycle's log names it: its name only, never its fields (the bot it holds
/// reaches every client and its token).
extension IncidentWorker: CustomStringConvertible {
    public var description: String { "IncidentWorker" }
}
