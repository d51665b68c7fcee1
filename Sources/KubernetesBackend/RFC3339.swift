import Foundation

/// Kubernetes timestamps: RFC 3339 in UTC (`2026-11-21T19:10:55Z`), and MicroTime with fractions.
enum RFC3339 {
    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    /// How long ago, the way kubectl shows ages: `45s`, `12m`, `5h`, `3d`.
    static func age(since text: String?, now: Date) -> String {
        guard let text, let date = parse(text) else { return "?" }
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        switch seconds {
        case ..<120: return "\(seconds)s"
        case ..<(2 * 3600): return "\(seconds / 60)m"
        case ..<(2 * 86400): return "\(seconds / 3600)h"
        default: return "\(seconds / 86400)d"
        }
    }
}
