import ChatOpsCore
import Foundation

/// One alert of an incident as Alertmanager last reported it.
public struct IncidentAlert: Sendable, Hashable, Codable {
    public var fingerprint: String
    /// `firing` or `resolved`.
    public var status: String
    public var labels: [String: String]
    public var annotations: [String: String]
    public var startsAt: String
    /// Alertmanager's `endsAt` (`0001-01-01T00:00:00Z` while firing).
    public var endsAt: String?
    public var generatorURL: String?

    public init(fingerprint: String, status: String, labels: [String: String], annotations: [String: String], startsAt: String,
                endsAt: String?, generatorURL: String?) {
        self.fingerprint = fingerprint
        self.status = status
        self.labels = labels
        self.annotations = annotations
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.generatorURL = generatorURL
    }

    public var isFiring: Bool { status == "firing" }
}

/// One incident: an Alertmanager group (`groupKey`) from its first firing to its resolution, with
/// its alerts and the thread it lives in.
public struct IncidentRecord: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, Codable, CaseIterable { case open, resolved }

    public var id: Int64
    public var groupKey: String
    public var state: State
    public var openedAt: Date
    public var resolvedAt: Date?
    public var groupLabels: [String: String]
    public var commonLabels: [String: String]
    public var commonAnnotations: [String: String]
    /// Alerts Alertmanager left out of its last notification (`truncatedAlerts`).
    public var truncatedAlerts: Int
    /// By fingerprint, in the order they first fired.
    public var alerts: [IncidentAlert]
    /// Where its thread lives: the first message (Slack `ts` as thread and message id, a GitHub
    /// issue number), once posted.
    public var thread: MessageOrigin?
    /// When the last AI analysis (or evidence) was posted.
    public var lastAnalysisAt: Date?
    /// How many times it fired again after resolving.
    public var reopened: Int
    /// The catalog app and environment the alerts are about, when the configuration places them:
    /// words typed in the thread and its buttons act there.
    public var app: String?
    public var env: String?

    public init(id: Int64, groupKey: String, state: State, openedAt: Date, resolvedAt: Date?, groupLabels: [String: String],
                commonLabels: [String: String], commonAnnotations: [String: String], truncatedAlerts: Int, alerts: [IncidentAlert],
                thread: MessageOrigin?, lastAnalysisAt: Date?, reopened: Int, app: String? = nil, env: String? = nil) {
        self.id = id
        self.groupKey = groupKey
        self.state = state
        self.openedAt = openedAt
        self.resolvedAt = resolvedAt
        self.groupLabels = groupLabels
        self.commonLabels = commonLabels
        self.commonAnnotations = commonAnnotations
        self.truncatedAlerts = truncatedAlerts
        self.alerts = alerts
        self.thread = thread
        self.lastAnalysisAt = lastAnalysisAt
        self.reopened = reopened
        self.app = app
        self.env = env
    }

    public var firing: [IncidentAlert] { alerts.filter(\.isFiring) }

    /// `alertname` of the incidents made from failed GitHub Actions runs (not from Alertmanager).
    public static let pipelineFailureAlert = "PipelineFailure"
    /// The group keys of those incidents start with this.
    public static let pipelineFailureGroupPrefix = "github-actions:"

    /// A pipeline failure's run and the catalog app whose pipeline it is; nil for an alert group.
    public var pipelineRun: (run: String, app: String)? {
        guard groupKey.hasPrefix(Self.pipelineFailureGroupPrefix), commonLabels["alertname"] == Self.pipelineFailureAlert,
              let run = commonLabels["run_id"], let app = commonLabels["app"] else { return nil }
        return (run, app)
    }
}

/// Something to post about an incident, kept in the store in the same transaction as the change
/// that caused it (an outbox): a crash between the change and the post loses neither.
public struct IncidentPost: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Open the thread with the first message.
        case open
        /// Edit the first message to show the current state.
        case refresh
        /// A reply in the thread (`text`).
        case reply
        /// Gather the evidence and post the analysis.
        case analyse
        /// Mark the thread done (close the GitHub issue).
        case close
    }

    public let id: Int64
    public let incidentID: Int64
    public let kind: Kind
    public let text: String
    public let attempts: Int

    public init(id: Int64, incidentID: Int64, kind: Kind, text: String, attempts: Int) {
        self.id = id
        self.incidentID = incidentID
        self.kind = kind
        self.text = text
        self.attempts = attempts
    }
}

/// An Alertmanager notification as received, before it is applied to its incident.
public struct QueuedAlertNotification: Sendable, Hashable {
    public let id: Int64
    public let groupKey: String
    public let body: [UInt8]
    public let receivedAt: Date

    public init(id: Int64, groupKey: String, body: [UInt8], receivedAt: Date) {
        self.id = id
        self.groupKey = groupKey
        self.body = body
        self.receivedAt = receivedAt
    }
}

/// Incidents from Alertmanager: the durable queue of notifications, the incidents with their
/// alerts, and the outbox of what to post about them.
public protocol IncidentStore: Sendable {
    /// Queues a notification durably; false when the same one (`dedupeKey`) was queued before
    /// (a retry, or the other Alertmanager of an HA pair).
    func enqueueAlertNotification(groupKey: String, dedupeKey: String, body: [UInt8], at: Date) async throws -> Bool
    /// The oldest notifications not yet applied.
    func pendingAlertNotifications(limit: Int) async throws -> [QueuedAlertNotification]
    /// How many notifications wait.
    func alertQueueDepth() async throws -> Int
    /// How many incidents are open.
    func openIncidentCount() async throws -> Int
    /// The newest incident of a group.
    func latestIncident(groupKey: String) async throws -> IncidentRecord?
    func incident(id: Int64) async throws -> IncidentRecord?
    /// Newest first; `states` nil: all.
    func incidents(states: Set<IncidentRecord.State>?, limit: Int) async throws -> [IncidentRecord]
    /// In one transaction: saves the incident (inserting it when its id is 0; the id is then
    /// assigned), queues `posts` for it, and marks the notification applied. Returns the saved incident.
    func applyAlertNotification(_ notification: Int64, incident: IncidentRecord, posts: [(kind: IncidentPost.Kind, text: String)],
                                at: Date) async throws -> IncidentRecord
    /// Marks a notification applied without an incident (nothing to do: a resolution for a group
    /// never seen, a malformed body found later).
    func discardAlertNotification(_ notification: Int64, reason: String, at: Date) async throws
    /// The oldest posts not yet made, at most `limit`, oldest first.
    func pendingIncidentPosts(limit: Int) async throws -> [IncidentPost]
    /// A post was made (or given up on).
    func completeIncidentPost(_ id: Int64, at: Date) async throws
    /// A post failed; it is tried again later.
    func failIncidentPost(_ id: Int64, at: Date) async throws
    /// Where the incident's thread lives, once its first message is posted.
    func recordIncidentThread(_ incidentID: Int64, thread: MessageOrigin) async throws
    /// When its last analysis was posted.
    func recordIncidentAnalysis(_ incidentID: Int64, at: Date) async throws
    /// Adds what the bot found out (a pipeline failure's type, job and step) to its common
    /// annotations, which later notifications keep.
    func annotateIncident(_ incidentID: Int64, with annotations: [String: String]) async throws
    /// The incident whose thread is `origin` (its channel and thread), for buttons and words typed there.
    func incident(inThread origin: MessageOrigin) async throws -> IncidentRecord?
}
