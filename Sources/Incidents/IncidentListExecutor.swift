import Approvals
import ChatOpsCore
import Execution
import Foundation
import ReplyModel

/// `open incidents`, `list incidents`, `resolved incidents`: the incidents in the store, newest
/// first, with their alert, severity, app, when they opened and where their thread is.
public struct IncidentListExecutor: Executor {
    let store: any IncidentStore
    /// Whether Alertmanager is configured: without it the answer says how to turn incidents on.
    let receiving: Bool
    let now: @Sendable () -> Date

    public init(store: any IncidentStore, receiving: Bool, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.receiving = receiving
        self.now = now
    }

    public func plan(_ input: ExecutionInput) -> [String] { ["read the incidents in the store"] }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        let asked = input.string("state") ?? "open"
        let states: Set<IncidentRecord.State>?
        switch asked {
        case "open": states = [.open]
        case "resolved": states = [.resolved]
        case "acknowledged":
            return .succeeded("No incident is acknowledged: chatops tracks incidents as open or resolved (Alertmanager has no acknowledgement).")
        default: states = nil
        }
        let incidents: [IncidentRecord]
        do { incidents = try await store.incidents(states: states, limit: 20) } catch {
            return .failed("The incidents could not be read from the store: \(error)")
        }
        guard !incidents.isEmpty else {
            let none = "No \(asked == "all" ? "" : asked + " ")incidents."
            return .succeeded(receiving ? none : none + " Alertmanager is not sending alerts here: set CHATOPS_ALERTMANAGER_TOKEN "
                              + "and CHATOPS_INCIDENT_ROUTES, and point a webhook receiver at /alertmanager (docs/incidents.md).")
        }
        return .succeeded(Reply(incidents.contains { $0.state == .open } ? .warning : .success, [
            .text("\(incidents.count) \(asked == "all" ? "" : asked + " ")incident\(incidents.count == 1 ? "" : "s"), newest first:"),
            .table(headers: ["#", "State", "Alert", "Severity", "App", "Opened", "Firing", "Thread"], rows: incidents.map(row)),
        ]))
    }

    func row(_ incident: IncidentRecord) -> [String] {
        let opened = IncidentText.duration(now().timeIntervalSince(incident.openedAt)) + " ago"
        let place = [incident.app, incident.env].compactMap { $0 }.joined(separator: " in ")
        return [String(incident.id), incident.state.rawValue, IncidentMessage.alertName(incident),
                IncidentMessage.label("severity", in: incident) ?? "-", place.isEmpty ? "-" : place, opened,
                "\(incident.firing.count)/\(incident.alerts.count)", incident.thread.map(Self.describe) ?? "not posted"]
    }

    static func describe(_ thread: MessageOrigin) -> String {
        if thread.platform == "github", let repository = thread.channel, let number = thread.thread { return "\(repository)#\(number)" }
        return "\(thread.platform) \(thread.channel ?? "")"
    }
}
