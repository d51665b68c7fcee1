import Foundation

/// Where incidents go, by their labels: the first route whose matchers all hold. Written as
/// `MATCHERS -> TARGET`, matchers in Alertmanager's syntax separated by spaces (`severity=critical`,
/// `namespace=~"ml-.*"`, `team!=data`, `alertname!~"Watchdog|InfoInhibitor"`, or `*` for any),
/// the target `slack:CHANNEL_ID`, `discord:CHANNEL_ID` or `github:OWNER/REPO`.
public struct IncidentRoutes: Sendable {
    public struct Route: Sendable {
        public let matchers: [Matcher]
        public let target: Target
        /// As written, for `config check` and errors.
        public let text: String
    }

    public struct Target: Sendable, Hashable {
        /// `slack`, `discord` or `github`.
        public let platform: String
        /// A channel id, or `owner/repo`.
        public let channel: String
    }

    public struct Matcher: Sendable {
        public enum Operator: String, Sendable { case equal = "=", notEqual = "!=", matches = "=~", notMatches = "!~" }
        public let label: String
        public let op: Operator
        public let value: String

        /// Regular expressions match the whole value, as Alertmanager's do.
        public func holds(for labels: [String: String]) -> Bool {
            let actual = labels[label] ?? ""
            switch op {
            case .equal: return actual == value
            case .notEqual: return actual != value
            case .matches: return Self.wholeMatch(value, actual)
            case .notMatches: return !Self.wholeMatch(value, actual)
            }
        }

        static func wholeMatch(_ pattern: String, _ text: String) -> Bool {
            guard let regex = try? Regex(pattern) else { return false }
            return (try? regex.wholeMatch(in: text)) != nil
        }
    }

    public let routes: [Route]

    public init(routes: [Route]) {
        self.routes = routes
    }

    /// Reads the routes as written in `incidents.routes`; each error names the route and what to write.
    public static func parse(_ lines: [String]) throws(IncidentRouteError) -> IncidentRoutes {
        var routes: [Route] = []
        for line in lines.map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty {
            let parts = line.components(separatedBy: "->")
            guard parts.count == 2 else {
                throw IncidentRouteError("route '\(line)' must read MATCHERS -> TARGET, e.g. 'severity=critical -> slack:C0123ABCD'")
            }
            let target = try Self.target(parts[1].trimmingCharacters(in: .whitespaces), route: line)
            let written = parts[0].trimmingCharacters(in: .whitespaces)
            let matchers = written == "*" || written.isEmpty ? [] : try written.split(separator: " ").map { part throws(IncidentRouteError) in
                try Self.matcher(String(part), route: line)
            }
            routes.append(Route(matchers: matchers, target: target, text: line))
        }
        return IncidentRoutes(routes: routes)
    }

    /// Matchers alone (`alertname=ModelAccuracyDrift severity=~"warning|critical"`), for settings
    /// that pick alerts; `*` or nothing is every alert.
    public static func matchers(_ text: String, setting: String) throws(IncidentRouteError) -> [Matcher] {
        let written = text.trimmingCharacters(in: .whitespaces)
        guard written != "*", !written.isEmpty else { return [] }
        return try written.split(separator: " ").map { part throws(IncidentRouteError) in try matcher(String(part), route: setting) }
    }

    /// The target of the first route whose matchers all hold for `labels`, or nil.
    public func target(for labels: [String: String]) -> Target? {
        routes.first { route in route.matchers.allSatisfy { $0.holds(for: labels) } }?.target
    }

    static func target(_ text: String, route: String) throws(IncidentRouteError) -> Target {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, ["slack", "discord", "github"].contains(parts[0]) else {
            throw IncidentRouteError("route '\(route)': the target '\(text)' must be slack:CHANNEL_ID, discord:CHANNEL_ID or github:OWNER/REPO")
        }
        let channel = parts[1]
        let valid: Bool
        switch parts[0] {
        case "github": valid = channel.wholeMatch(of: /[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}/) != nil
        case "discord": valid = channel.wholeMatch(of: /[0-9]{17,20}/) != nil
        default: valid = channel.wholeMatch(of: /[A-Z0-9]{8,20}/) != nil
        }
        guard valid else {
            throw IncidentRouteError("route '\(route)': '\(channel)' is not a \(parts[0]) "
                                     + (parts[0] == "github" ? "repository (OWNER/REPO)" : "channel id"))
        }
        return Target(platform: parts[0], channel: channel)
    }

    static func matcher(_ text: String, route: String) throws(IncidentRouteError) -> Matcher {
        guard let match = text.wholeMatch(of: /([a-zA-Z_][a-zA-Z0-9_]*)(=~|!~|!=|=)(.*)/) else {
            throw IncidentRouteError("route '\(route)': '\(text)' is not a matcher (label=value, label!=value, label=~regex, label!~regex)")
        }
        var value = String(match.3)
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
        let op = Matcher.Operator(rawValue: String(match.2))!
        if op == .matches || op == .notMatches {
            do { _ = try Regex(value) } catch {
                throw IncidentRouteError("route '\(route)': '\(value)' is not a regular expression: \(error)")
            }
        }
        return Matcher(label: String(match.1), op: op, value: value)
    }
}

public struct IncidentRouteError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
