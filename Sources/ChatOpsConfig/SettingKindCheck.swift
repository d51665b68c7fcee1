import Foundation

/// What is wrong with a value for a kind of setting, worded with an example of a right one.
enum SettingKindCheck {
    static func problem(_ raw: String, _ kind: SettingKind) -> String? {
        switch kind {
        case .text, .list:
            return nil
        case .url:
            guard let url = URL(string: raw), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
                return "'\(raw)' is not an http(s) URL"
            }
            return nil
        case .duration:
            return Settings.parseDuration(raw) == nil ? "'\(raw)' is not a duration; use seconds (300) or 90s, 5m, 1h, 30d" : nil
        case .positiveInteger:
            guard let n = Int(raw.trimmingCharacters(in: .whitespaces)), n > 0 else { return "'\(raw)' is not a positive whole number" }
            return nil
        case .rate:
            return RateLimitSetting(raw) == nil
                ? "'\(raw)' is not a rate; write COUNT/DURATION such as 10/1m or 100/1h (0/1m: no limit)" : nil
        case .hostPort:
            return HostPort(raw) == nil ? "'\(raw)' is not host:port (e.g. 127.0.0.1:8080)" : nil
        case .boolean:
            return ["0", "1", "true", "false", "yes", "no", "on", "off"].contains(raw.lowercased())
                ? nil : "'\(raw)' is not a boolean; use 1 or 0"
        case .nameList:
            let bad = raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .first { !$0.isEmpty && !NamePattern.isDNSLabel($0) }
            return bad.map { "'\($0)' is not a valid Kubernetes name (lower-case letters, digits, dashes)" }
        case .choice(let allowed):
            return allowed.contains(raw) ? nil : "'\(raw)' is not one of: \(allowed.joined(separator: ", "))"
        }
    }
}
