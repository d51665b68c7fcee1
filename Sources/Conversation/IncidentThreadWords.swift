import Approvals
import ChatOpsCore
import Foundation

/// Words typed in an incident's thread, where the app and environment go without saying: the
/// thread's incident names them, and the words become the full command ("roll back" in the
/// thread of an incident about iris-classifier in prod is `rollback iris-classifier in prod`),
/// which is then understood, checked and approved like any other. Only for messages addressed to
/// the bot, and only while the incident is open.
enum IncidentThreadWords {
    /// The full command the words stand for, or nil when they are not one of these short forms.
    static func expand(_ body: String, incident: Int64, app: String?, env: String?, pipelineRun: (run: String, app: String)? = nil) -> String? {
        let words = body.lowercased().trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: ".!")))
        if let pipelineRun {
            // A pipeline failure's thread: its run is the subject; silences and app actions do not apply.
            let again = ["rerun", "re-run", "retry", "rerun it", "re-run it", "retry it", "run it again", "rerun failed jobs",
                         "re-run failed jobs", "rerun the failed jobs", "re-run the failed jobs"]
            return again.contains(words) ? "rerun run \(pipelineRun.run) for \(pipelineRun.app)" : nil
        }
        if let match = words.wholeMatch(of: /(?:silence|mute)(?: (?:it|the alerts?|this))?(?: for)?(?: ([0-9]{1,3}) ?(m|h|d|mins?|minutes?|hours?|days?))?/) {
            let unit = match.2.map { String($0.prefix(1)) } ?? "h"
            return "silence incident \(incident) for \(match.1.map(String.init) ?? "1")\(unit)"
        }
        if ["unsilence", "unmute", "unsilence it", "unmute it", "lift the silence", "end the silence"].contains(words) {
            return "unsilence incident \(incident)"
        }
        guard let app, let env else { return nil }
        if ["restart", "restart it", "restart the pods", "bounce", "bounce it", "restart the app"].contains(words) {
            return "restart \(app) in \(env)"
        }
        if ["roll back", "rollback", "roll it back", "roll back the deploy", "roll back the change", "revert", "undo the deploy"]
            .contains(words) {
            return "rollback \(app) in \(env)"
        }
        if let match = words.wholeMatch(of: /(?:roll ?back|revert)(?: it)? to (v?[0-9][a-z0-9._-]{0,40})/) {
            return "rollback \(app) in \(env) to \(match.1)"
        }
        if let match = words.wholeMatch(of: /scale(?: it| up| down)? to ([0-9]{1,3})(?: replicas| pods)?/) {
            return "scale \(app) to \(match.1) in \(env)"
        }
        if ["freeze", "freeze it", "freeze deploys", "freeze deployments", "freeze the environment"].contains(words) {
            return "freeze \(env)"
        }
        if ["status", "logs", "diagnose", "what's wrong", "whats wrong", "why"].contains(words) {
            switch words {
            case "status": return "status of \(app) in \(env)"
            case "logs": return "logs for \(app) in \(env)"
            default: return "what's wrong with \(app) in \(env)"
            }
        }
        return nil
    }
}

extension ChatBot {
    /// The message with an incident thread's short form expanded to the full command; the
    /// message unchanged otherwise.
    func expandingIncidentWords(_ message: IncomingMessage, screenedBody: String, isAddressed: Bool) async -> IncomingMessage {
        guard isAddressed, message.origin.thread != nil,
              let incident = try? await store.incident(inThread: message.origin), incident.state == .open,
              let expanded = IncidentThreadWords.expand(screenedBody, incident: incident.id, app: incident.app, env: incident.env,
                                                        pipelineRun: incident.pipelineRun)
        else { return message }
        return IncomingMessage(platformUser: message.platformUser, roles: message.roles, origin: message.origin,
                               deliveryID: message.deliveryID, text: expanded, isAddressedByPlatform: true)
    }
}
