import Approvals
import ArgumentParser
import ChatOpsCore
import Foundation
import Incidents

/// `chatops incidents list|show`: the incidents the store holds.
struct IncidentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidents",
        abstract: "List the incidents made from Alertmanager alerts, or show one with its alerts.",
        subcommands: [IncidentsListCommand.self, IncidentsShowCommand.self]
    )
}

struct IncidentsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Recent incidents, newest first.")

    @Option(name: .long, help: "open, resolved or all.")
    var state = "all"

    @Option(name: .long, help: "At most this many.")
    var limit = 50

    @Flag(name: .long, help: "A JSON array of incident objects.")
    var json = false

    @OptionGroup var setup: SetupOptions

    func validate() throws {
        guard ["open", "resolved", "all"].contains(state) else { throw ValidationError("--state is open, resolved or all, not '\(state)'") }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        try await reportingSetupErrors {
            let store = try setup.openExistingStore(try setup.loadConfiguration())
            let states: Set<IncidentRecord.State>? = state == "all" ? nil : [state == "open" ? .open : .resolved]
            let incidents = try await store.incidents(states: states, limit: limit)
            if json {
                print(try IncidentJSON.json(incidents.map(IncidentJSON.init)))
            } else if incidents.isEmpty {
                print("no incidents")
            } else {
                for incident in incidents { print(IncidentJSON(incident).line) }
            }
        }
    }
}

struct IncidentsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One incident, with its alerts and thread.")

    @Argument(help: "The incident number (as in `Incident #3`).")
    var id: Int64

    @Flag(name: .long, help: "A JSON object.")
    var json = false

    @OptionGroup var setup: SetupOptions

    func run() async throws {
        try await reportingSetupErrors {
            let configuration = try setup.loadConfiguration()
            let store = try setup.openExistingStore(configuration)
            guard let incident = try await store.incident(id: id) else {
                Console.error("there is no incident #\(id) in \(setup.storePath(configuration)); `chatops incidents list` shows them")
                throw ExitCode(1)
            }
            let view = IncidentJSON(incident)
            if json { print(try IncidentJSON.json(view)) } else { print(view.details) }
        }
    }
}

/// An incident for scripts (`--json`) and people.
struct IncidentJSON: Encodable {
    let id: Int64
    let state: String
    let groupKey: String
    let alertname: String?
    let severity: String?
    let app: String?
    let env: String?
    let openedAt: String
    let resolvedAt: String?
    let reopened: Int
    let truncatedAlerts: Int
    let thread: MessageOrigin?
    let alerts: [IncidentAlert]

    init(_ incident: IncidentRecord) {
        let iso = ISO8601DateFormatter()
        id = incident.id
        state = incident.state.rawValue
        groupKey = incident.groupKey
        alertname = incident.commonLabels["alertname"] ?? incident.alerts.first?.labels["alertname"]
        severity = incident.commonLabels["severity"] ?? incident.alerts.first?.labels["severity"]
        app = incident.app
        env = incident.env
        openedAt = iso.string(from: incident.openedAt)
        resolvedAt = incident.resolvedAt.map(iso.string)
        reopened = incident.reopened
        truncatedAlerts = incident.truncatedAlerts
        thread = incident.thread
        alerts = incident.alerts
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// `#3  open      PodCrashLooping (warning)  iris-classifier in prod  2/3 firing  since 2026-…`.
    var line: String {
        let name = (alertname ?? groupKey) + (severity.map { " (\($0))" } ?? "")
        let place = [app, env].compactMap { $0 }.joined(separator: " in ")
        return "#\(id)  \(state.padding(toLength: 8, withPad: " ", startingAt: 0))  \(name)"
            + (place.isEmpty ? "" : "  \(place)") + "  \(alerts.filter(\.isFiring).count)/\(alerts.count) firing  opened \(openedAt)"
            + (resolvedAt.map { "  resolved \($0)" } ?? "")
    }

    var details: String {
        var lines = [line, "group: \(groupKey)"]
        if let thread { lines.append("thread: \(thread.summary)") }
        if reopened > 0 { lines.append("reopened \(reopened) time(s)") }
        if truncatedAlerts > 0 { lines.append("Alertmanager left out \(truncatedAlerts) alert(s)") }
        for alert in alerts {
            let labels = alert.labels.keys.sorted().map { "\($0)=\(alert.labels[$0]!)" }.joined(separator: " ")
            lines.append("  \(alert.status.padding(toLength: 8, withPad: " ", startingAt: 0)) \(alert.fingerprint)  \(labels)")
        }
        return lines.joined(separator: "\n")
    }
}
