import Approvals
import Foundation

/// Applies one Alertmanager notification to its group's incident: what changed, and what to post.
/// Pure: the same notification applied twice changes nothing the second time, so a retry or an
/// HA pair's second copy that slips past the queue's de-duplication still posts nothing.
public struct IncidentTracker: Sendable {
    /// A group that fires again within this long after resolving reopens its incident.
    public let reopenWindow: TimeInterval

    public init(reopenWindow: TimeInterval = 3600) {
        self.reopenWindow = reopenWindow
    }

    public enum Outcome: Sendable, Hashable {
        /// Save `incident` (a new one has id 0) and queue `posts`, in order.
        case apply(incident: IncidentRecord, posts: [PostDraft])
        /// Nothing to keep: why.
        case discard(String)
    }

    public func apply(_ notification: AlertmanagerNotification, to existing: IncidentRecord?, now: Date) -> Outcome {
        let reopening = existing.map { $0.state == .resolved && now.timeIntervalSince($0.resolvedAt ?? now) <= reopenWindow } ?? false
        guard var incident = existing, incident.state == .open || reopening else {
            return open(notification, now: now)
        }
        var lines: [String] = []
        var newlyFiring = false
        if incident.state == .resolved, notification.alerts.contains(where: { $0.status == "firing" }) {
            incident.state = .open
            incident.resolvedAt = nil
            incident.reopened += 1
            lines.append("Firing again within \(IncidentText.duration(reopenWindow)) of resolving: incident #\(incident.id) is open again.")
            newlyFiring = true
        }
        for alert in notification.alerts {
            let record = alert.record
            if let index = incident.alerts.firstIndex(where: { $0.fingerprint == alert.fingerprint }) {
                let before = incident.alerts[index]
                if before.isFiring && !record.isFiring { lines.append("Resolved: " + IncidentText.describe(record)) }
                if !before.isFiring && record.isFiring {
                    lines.append("Firing again: " + IncidentText.describe(record))
                    newlyFiring = true
                }
                incident.alerts[index] = record
            } else {
                if record.isFiring {
                    lines.append("New alert: " + IncidentText.describe(record))
                    newlyFiring = true
                }
                incident.alerts.append(record)
            }
        }
        // The group is resolved: Alertmanager lists only the alerts it had not yet reported resolved.
        if notification.status == "resolved" {
            for index in incident.alerts.indices where incident.alerts[index].isFiring {
                incident.alerts[index].status = "resolved"
                lines.append("Resolved: " + IncidentText.describe(incident.alerts[index]))
            }
        }
        incident.truncatedAlerts = notification.truncatedAlerts ?? 0
        incident.commonLabels = notification.commonLabels ?? incident.commonLabels
        incident.commonAnnotations = notification.commonAnnotations ?? incident.commonAnnotations
        if incident.state == .open, incident.firing.isEmpty {
            incident.state = .resolved
            incident.resolvedAt = now
            lines.append(IncidentText.resolution(incident, now: now))
            return .apply(incident: incident, posts: [PostDraft(.refresh), PostDraft(.reply, lines.joined(separator: "\n")), PostDraft(.close)])
        }
        guard !lines.isEmpty else { return .apply(incident: incident, posts: []) }
        return .apply(incident: incident, posts: [PostDraft(.refresh), PostDraft(.reply, lines.joined(separator: "\n"))]
                      + (newlyFiring ? [PostDraft(.analyse)] : []))
    }

    /// A new incident for a group that fires (a resolution for a group with no open incident is
    /// set aside: there is nothing to resolve).
    func open(_ notification: AlertmanagerNotification, now: Date) -> Outcome {
        guard notification.status == "firing", notification.alerts.contains(where: { $0.status == "firing" }) else {
            return .discard("resolved, and no incident of this group is open")
        }
        let incident = IncidentRecord(id: 0, groupKey: notification.groupKey, state: .open, openedAt: now, resolvedAt: nil,
                                      groupLabels: notification.groupLabels ?? [:], commonLabels: notification.commonLabels ?? [:],
                                      commonAnnotations: notification.commonAnnotations ?? [:],
                                      truncatedAlerts: notification.truncatedAlerts ?? 0, alerts: notification.alerts.map(\.record),
                                      thread: nil, lastAnalysisAt: nil, reopened: 0)
        return .apply(incident: incident, posts: [PostDraft(.open), PostDraft(.analyse)])
    }
}

/// A post to queue: its kind and, for a reply, its text.
public struct PostDraft: Sendable, Hashable {
    public let kind: IncidentPost.Kind
    public let text: String

    public init(_ kind: IncidentPost.Kind, _ text: String = "") {
        self.kind = kind
        self.text = text
    }
}
