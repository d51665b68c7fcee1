import Approvals
import ChatOpsConfig
import ChatServer
import Execution
import Foundation

extension SettingKey {
    public static let alertmanagerToken = SettingKey("alertmanager.token", "CHATOPS_ALERTMANAGER_TOKEN", secret: true,
                                                     summary: "bearer token Alertmanager must send (http_config.authorization)")
    public static let alertmanagerUsername = SettingKey("alertmanager.username", "CHATOPS_ALERTMANAGER_USERNAME",
                                                        summary: "basic-auth user Alertmanager may send instead (http_config.basic_auth)")
    public static let alertmanagerPassword = SettingKey("alertmanager.password", "CHATOPS_ALERTMANAGER_PASSWORD", secret: true,
                                                        summary: "its password")
    public static let incidentRoutes = SettingKey("incidents.routes", "CHATOPS_INCIDENT_ROUTES", kind: .list,
                                                  summary: "where incident threads open: `MATCHERS -> slack:CHANNEL | discord:CHANNEL | "
                                                    + "github:OWNER/REPO`, first match wins")
    public static let incidentReopenWindow = SettingKey("incidents.reopen_window", "CHATOPS_INCIDENT_REOPEN_WINDOW", kind: .duration,
                                                        default: "1h", summary: "a group firing again this soon after resolving reopens its incident")
    public static let incidentAnalysisInterval = SettingKey("incidents.analysis_interval", "CHATOPS_INCIDENT_ANALYSIS_INTERVAL",
                                                            kind: .duration, default: "30m",
                                                            summary: "at most one evidence and AI analysis per incident this often")
    public static let incidentChangeWindow = SettingKey("incidents.change_window", "CHATOPS_INCIDENT_CHANGE_WINDOW", kind: .duration,
                                                        default: "1h",
                                                        summary: "a change chatops made this long before an incident is named in it, with a rollback")
    public static let incidentDriftAlerts = SettingKey("incidents.drift_alerts", "CHATOPS_INCIDENT_DRIFT_ALERTS",
                                                       default: "alertname=ModelAccuracyDrift",
                                                       summary: "matchers of alerts that mark model drift: their analysis is drift, with Retrain on P0")
    public static let incidentPostInterval = SettingKey("incidents.post_interval", "CHATOPS_INCIDENT_POST_INTERVAL", kind: .duration,
                                                        default: "1s", summary: "between two incident posts in one channel")
    public static let incidentMaxQueue = SettingKey("incidents.max_queue", "CHATOPS_INCIDENT_MAX_QUEUE", kind: .positiveInteger,
                                                    default: "10000",
                                                    summary: "notifications waiting at most; past it, 503 and Alertmanager retries")
    public static let incidentPipelineBranches = SettingKey("incidents.pipeline_branches", "CHATOPS_INCIDENT_PIPELINE_BRANCHES", kind: .list,
                                                            summary: "branches whose failed runs (GitHub workflow_run) open pipeline-failure "
                                                                + "threads; unset: the pipeline's ref and the default branch; * for all")
    public static let incidentIssueLabels = SettingKey("incidents.github_labels", "CHATOPS_INCIDENT_GITHUB_LABELS", kind: .list,
                                                       default: "production-alert,ai-analysis",
                                                       summary: "labels of a GitHub incident issue (the severity is added)")
}

/// Incidents: Alertmanager's `POST /alertmanager` receiver, served when a token or a basic-auth pair
/// is set (closed by default: no credential, no route); failed pipeline runs, from the GitHub
/// webhook's `workflow_run` deliveries; and the incident worker. On with an Alertmanager credential,
/// or with `incidents.routes` alone (pipeline failures only).
public struct AlertmanagerModule: PlatformModule {
    public let name = "alertmanager"
    public let identityPrefixes: [String] = []
    public var settings: [SettingKey] {
        [.alertmanagerToken, .alertmanagerUsername, .alertmanagerPassword, .incidentRoutes, .incidentReopenWindow,
         .incidentChangeWindow, .incidentAnalysisInterval, .incidentDriftAlerts, .incidentPostInterval, .incidentMaxQueue, .incidentIssueLabels,
         .incidentPipelineBranches]
    }

    public init() {}

    public func status(in context: ModuleContext) -> ModuleStatus {
        let settings = context.settings
        let basic = (settings.value(.alertmanagerUsername), settings.secret(.alertmanagerPassword))
        if (basic.0 == nil) != (basic.1 == nil) {
            return .misconfigured("\(SettingKey.alertmanagerUsername.variable) and \(SettingKey.alertmanagerPassword.variable) go together: set both")
        }
        let alertmanager = settings.isSet(.alertmanagerToken) || basic.0 != nil
        guard alertmanager || !settings.list(.incidentRoutes).isEmpty else {
            return .disabled(hint: "set \(SettingKey.alertmanagerToken.variable) (the bearer token Alertmanager sends) to receive alerts, "
                             + "and \(SettingKey.incidentRoutes.variable) (where their threads open)")
        }
        do {
            _ = try IncidentRoutes.parse(settings.list(.incidentRoutes))
            _ = try IncidentRoutes.matchers(settings.value(.incidentDriftAlerts) ?? "", setting: SettingKey.incidentDriftAlerts.path)
        } catch { return .misconfigured("\(error)") }
        if settings.list(.incidentRoutes).isEmpty {
            return .misconfigured("\(SettingKey.incidentRoutes.path) (\(SettingKey.incidentRoutes.variable)) is empty: say where incident "
                                  + "threads open, e.g. '* -> slack:C0123ABCD'")
        }
        guard alertmanager else {
            return .enabled(by: "\(SettingKey.incidentRoutes.variable) (pipeline failures only: no Alertmanager credential, no /alertmanager)")
        }
        return .enabled(by: settings.isSet(.alertmanagerToken) ? "\(SettingKey.alertmanagerToken.variable)"
                        : "\(SettingKey.alertmanagerUsername.variable)")
    }

    public func adapter(in context: PlatformContext) throws -> any PlatformAdapter {
        let settings = context.configuration.settings
        var credentials: [AlertmanagerAuth.Credential] = []
        if let token = settings.secret(.alertmanagerToken)?.value { credentials.append(.bearer(token)) }
        if let user = settings.value(.alertmanagerUsername), let password = settings.secret(.alertmanagerPassword)?.value {
            credentials.append(.basic(username: user, password: password))
        }
        let routes = try IncidentRoutes.parse(settings.list(.incidentRoutes))
        var worker = IncidentWorker.Settings()
        worker.reopenWindow = settings.duration(.incidentReopenWindow).map(Self.seconds) ?? worker.reopenWindow
        worker.changeWindow = settings.duration(.incidentChangeWindow).map(Self.seconds) ?? worker.changeWindow
        worker.analysisInterval = settings.duration(.incidentAnalysisInterval).map(Self.seconds) ?? worker.analysisInterval
        worker.postInterval = settings.duration(.incidentPostInterval) ?? worker.postInterval
        worker.driftAlerts = try IncidentRoutes.matchers(settings.value(.incidentDriftAlerts) ?? "", setting: SettingKey.incidentDriftAlerts.path)
        let labels = settings.list(.incidentIssueLabels)
        if !labels.isEmpty { worker.issueLabels = labels }
        let store = context.bot.store
        let incidents = IncidentWorker(store: store, routes: routes, router: context.router, bot: context.bot,
                                       catalog: context.configuration.catalog, settings: worker, now: context.now,
                                       logger: context.module.logger)
        let queue = IncidentQueue(store: store, worker: incidents, maxQueue: settings.integer(.incidentMaxQueue) ?? 10_000,
                                  logger: context.module.logger, now: context.now)
        let pipeline = PipelineFailureReceiver(failures: PipelineFailures(catalog: context.configuration.catalog,
                                                                          branches: settings.list(.incidentPipelineBranches)),
                                               queue: queue)
        context.events.register(platform: "github", event: "workflow_run") { body, _ in await pipeline.receive(body) }
        return AlertmanagerReceiver(auth: AlertmanagerAuth(credentials), queue: queue, limits: InboundLimits(maxBodyBytes: 8 << 20),
                                    logger: context.module.logger, now: context.now)
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        TimeInterval(duration.components.seconds) + TimeInterval(duration.components.attoseconds) / 1e18
    }
}
