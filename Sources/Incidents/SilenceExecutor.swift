import ChatOpsConfig
import ChatOpsCore
import Execution
import Foundation
import ReplyModel

/// `silence incident N for 1h` (an incident's Silence button): a silence in Alertmanager matching
/// the group's labels exactly, created by the person who asked, its comment naming the incident
/// and the request; `unsilence incident N` expires the incident's active silences.
public struct SilenceExecutor: Executor {
    let silences: AlertmanagerSilences
    let groups: any AlertGroupLookup
    let now: @Sendable () -> Date

    public init(silences: AlertmanagerSilences, groups: any AlertGroupLookup, now: @escaping @Sendable () -> Date = { Date() }) {
        self.silences = silences
        self.groups = groups
        self.now = now
    }

    public func plan(_ input: ExecutionInput) -> [String] {
        input.string("duration") == "off"
            ? ["GET \(silences.baseURL)/api/v2/silences, then DELETE \(silences.baseURL)/api/v2/silence/ID for each active one of the incident"]
            : ["POST \(silences.createURL()) (a silence matching the incident's alert group)"]
    }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        guard let id = input.integer("incident").map(Int64.init), let duration = input.string("duration") else {
            return .failed("Say which incident and for how long: `silence incident 12 for 1h`.")
        }
        let group: AlertGroup
        do {
            guard let found = try await groups.alertGroup(incident: Int64(id)) else {
                return .failed("There is no incident #\(id); `open incidents` lists them.")
            }
            group = found
        } catch {
            return .failed("Incident #\(id) could not be read: \(error)")
        }
        if duration == "off" { return await lift(group) }
        guard !input.isDryRun else { return .succeeded("Dry run: would silence incident #\(id) for \(duration).") }
        guard !group.labels.isEmpty else {
            return .failed("Incident #\(id)'s alert group has no labels to match; silence it in Alertmanager itself.")
        }
        let silence = Self.silence(group, for: duration, by: input.requester, request: input.requestID, now: now())
        do {
            let silenceID = try await silences.create(silence)
            return .succeeded(Reply(.success, [
                .text("Silenced incident #\(id) (\(group.name)) for \(duration), until \(silence.endsAt): Alertmanager silence `\(silenceID)`."),
                .fields(silence.matchers.map { ReplyField($0.name, $0.value) }),
                .text("Say `unsilence` in this thread (or `unsilence incident \(id)`) to lift it sooner."),
            ]))
        } catch {
            return .failed("\(error)")
        }
    }

    /// Expires every active silence whose comment names this incident.
    func lift(_ group: AlertGroup) async -> ExecutionResult {
        do {
            let mine = try await silences.list().filter { $0.status.state == "active" && ($0.comment ?? "").hasPrefix(Self.tag(group.incidentID)) }
            guard !mine.isEmpty else { return .succeeded("Incident #\(group.incidentID) has no active silence.") }
            for silence in mine { try await silences.expire(silence.id) }
            return .succeeded("Lifted \(mine.count) silence\(mine.count == 1 ? "" : "s") of incident #\(group.incidentID) (\(group.name)): "
                              + mine.map { "`\($0.id)`" }.joined(separator: ", ") + ".")
        } catch {
            return .failed("\(error)")
        }
    }

    static func tag(_ incident: Int64) -> String { "chatops incident #\(incident)" }

    /// Equal matchers on the group's labels, from now for `duration`.
    static func silence(_ group: AlertGroup, for duration: String, by person: String, request: Int64?, now: Date)
        -> AlertmanagerSilences.NewSilence {
        let count = Int(duration.dropLast()) ?? 1
        let seconds = TimeInterval(count) * ["m": 60, "h": 3600, "d": 86_400][String(duration.suffix(1))]!
        let format = ISO8601DateFormatter()
        return AlertmanagerSilences.NewSilence(
            matchers: group.labels.keys.sorted().map { AlertmanagerSilences.Matcher(name: $0, value: group.labels[$0]!, isRegex: false, isEqual: true) },
            startsAt: format.string(from: now), endsAt: format.string(from: now.addingTimeInterval(seconds)), createdBy: person,
            comment: "\(tag(group.incidentID)) (\(group.name)): silenced for \(duration) by \(person)" + (request.map { ", request #\($0)" } ?? ""))
    }
}
