import Approvals
import Foundation

/// How incidents are worded: an alert in one line, durations, the resolution.
enum IncidentText {
    /// `PodCrashLooping on pod ml-apps/iris-7d9f8b-m8q2z (warning): Pod … is crash looping`.
    static func describe(_ alert: IncidentAlert) -> String {
        var text = alert.labels["alertname"] ?? "alert \(alert.fingerprint)"
        if let pod = alert.labels["pod"] {
            text += " on pod " + (alert.labels["namespace"].map { "\($0)/" } ?? "") + pod
        } else if let deployment = alert.labels["deployment"] {
            text += " on deployment " + (alert.labels["namespace"].map { "\($0)/" } ?? "") + deployment
        } else if let namespace = alert.labels["namespace"] {
            text += " in \(namespace)"
        }
        if let severity = alert.labels["severity"] { text += " (\(severity))" }
        if let summary = alert.annotations["summary"], !summary.isEmpty { text += ": \(summary)" }
        return text
    }

    /// `25 min`, `2 h 5 min`, `3 d 4 h`, `40 s`.
    static func duration(_ seconds: TimeInterval) -> String {
        let total = max(0, Int(seconds.rounded()))
        if total < 60 { return "\(total) s" }
        let minutes = total / 60
        if minutes < 60 { return "\(minutes) min" }
        let hours = minutes / 60
        if hours < 48 { return minutes % 60 == 0 ? "\(hours) h" : "\(hours) h \(minutes % 60) min" }
        return hours % 24 == 0 ? "\(hours / 24) d" : "\(hours / 24) d \(hours % 24) h"
    }

    /// When the incident began: its earliest alert's `startsAt`, else when it was opened.
    static func start(_ incident: IncidentRecord) -> Date {
        incident.alerts.compactMap { RFC3339Time.parse($0.startsAt) }.min() ?? incident.openedAt
    }

    /// `All 3 alerts resolved; the incident lasted 25 min (since 2026-11-21T19:06:07Z).`
    static func resolution(_ incident: IncidentRecord, now: Date) -> String {
        let start = start(incident)
        let ends = incident.alerts.compactMap { $0.endsAt.flatMap(RFC3339Time.parse) }.filter { $0 > start }
        let end = min(ends.max() ?? now, now)
        let count = incident.alerts.count
        return "\(count == 1 ? "The alert" : "All \(count) alerts") resolved; the incident lasted \(duration(end.timeIntervalSince(start))) "
            + "(since \(RFC3339Time.format(start)))."
    }
}

/// Alertmanager's times (`2026-11-21T19:06:07.709402348Z`; `0001-01-01T00:00:00Z` for none).
enum RFC3339Time {
    static func parse(_ text: String) -> Date? {
        guard !text.hasPrefix("0001-") else { return nil }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        // Nanoseconds: keep milliseconds, which the formatter reads.
        var trimmed = text
        if let dot = text.firstIndex(of: "."), let zone = text[dot...].firstIndex(where: { $0 == "Z" || $0 == "+" || $0 == "-" }) {
            let digits = text[text.index(after: dot)..<zone]
            trimmed = String(text[..<dot]) + "." + String((digits + "000").prefix(3)) + String(text[zone...])
        }
        return fractional.date(from: trimmed) ?? ISO8601DateFormatter().date(from: text)
    }

    static func format(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}
