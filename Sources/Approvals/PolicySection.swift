import ChatOpsConfig
import Foundation
import ChatOpsCore
import YAMLSupport

/// Reads the `policy` section of the configuration. Every name is checked: intents against the
/// catalog, environments against `environments`, groups against `groups`, group members against
/// `identities` (or a platform id), so that a typo fails at start-up instead of locking people out.
public enum PolicySection {
    /// The console's prefix (`console:alice` is `chatops say --as alice`); every platform module
    /// adds its own (`slack`, `discord-role`…).
    public static let consolePrefix = "console"

    /// `identityPrefixes`: the prefixes of platform user ids and memberships the registered
    /// platforms use (`slack:U0123`, `discord-role:42`); any other prefix is a typo.
    public static func parse(_ value: YAMLValue?, catalog: Catalog, identityPrefixes: Set<String>) throws(YAMLError) -> Policy {
        let platformPrefixes = ([consolePrefix] + identityPrefixes.sorted()).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        guard let value else { return Policy() }
        let m = try value.mapping()
        try m.rejectUnknownKeys(allowed: ["identities", "groups", "rules", "unknown_users", "freeze",
                                          "allow_roles_in_approver_groups"])

        var identities: [String: Set<String>] = [:]
        for (name, ids) in try m["identities"]?.mapping().entries ?? [] {
            guard ASCIIName.isIdentifier(name, maxLength: 63, lowercaseOnly: true) else {
                throw ids.error("identity name '\(name)' must be lower-case letters, digits and dashes")
            }
            var set: Set<String> = []
            for id in try ids.list() { set.insert(try platformID(id, prefixes: platformPrefixes)) }
            identities[name] = set
        }

        var groups: [String: Set<String>] = [:]
        for (name, members) in try m["groups"]?.mapping().entries ?? [] {
            var set: Set<String> = []
            for member in try members.list() {
                let text = try member.string()
                if text == "*" || identities[text] != nil {
                    set.insert(text)
                } else if text.contains(":") {
                    set.insert(try platformID(member, prefixes: platformPrefixes))
                } else {
                    throw member.error("'\(text)' is not an identity; add it under policy.identities, "
                                       + "or list a platform id such as slack:U0123 or github:octocat")
                }
            }
            groups[name] = set
        }

        let freezeGroup = try m["freeze"].map { v throws(YAMLError) in try groupName(v, groups) }
        let unknownUsersMayRead = try m["unknown_users"].map { v throws(YAMLError) -> Bool in
            switch try v.string() {
            case "read_only": return true
            case "none": return false
            case let other: throw v.error("unknown_users must be read_only or none, not '\(other)'")
            }
        } ?? false

        var rules: [PolicyRule] = []
        var ruleNodes: [YAMLValue] = []
        for item in try m["rules"]?.list() ?? [] {
            rules.append(try rule(item, catalog: catalog, groups: groups))
            ruleNodes.append(item)
        }
        let rolesMayApprove = try m["allow_roles_in_approver_groups"]?.bool() ?? false
        if !rolesMayApprove {
            try ApproverGroupCheck.refuseUnmappedMembers(rules: rules, nodes: ruleNodes, groups: groups, identities: identities)
        }
        try ApproverGroupCheck.requireApproversInProtectedEnvironments(rules: rules, nodes: ruleNodes, catalog: catalog,
                                                                       policy: value)
        return Policy(identities: identities, groups: groups, rules: rules,
                      unknownUsersMayRead: unknownUsersMayRead, freezeGroup: freezeGroup)
    }

    static func rule(_ value: YAMLValue, catalog: Catalog, groups: [String: Set<String>]) throws(YAMLError) -> PolicyRule {
        let m = try value.mapping()
        try m.rejectUnknownKeys(allowed: ["intents", "environments", "requesters", "approval", "approvers", "quorum", "ttl"])
        let intents = try selector(m.required("intents")) { v throws(YAMLError) in try intent(v) }
        let environments = try m["environments"].map { node throws(YAMLError) in
            try selector(node) { v throws(YAMLError) in try environment(v, catalog) }
        } ?? .any
        let requesters = try m["requesters"].map { node throws(YAMLError) -> [String] in
            var names: [String] = []
            for v in try node.list() { names.append(try groupName(v, groups)) }
            return names
        }
        let approvers = try m["approvers"].map { v throws(YAMLError) in try groupName(v, groups) }
        let quorum = try m["quorum"].map { v throws(YAMLError) -> Int in
            let n = try v.int()
            guard (1...10).contains(n) else { throw v.error("quorum must be between 1 and 10, not \(n)") }
            return n
        }
        let ttl = try m["ttl"].map { v throws(YAMLError) in try DurationSetting.seconds(v) }
        // Naming approvers or a quorum means the rule wants approval, unless it says otherwise.
        let approval = try m["approval"]?.bool() ?? ((approvers != nil || quorum != nil) ? true : nil)
        return PolicyRule(intents: intents, environments: environments, requesters: requesters, needsApproval: approval,
                          approvers: approvers, quorum: quorum ?? 1, ttl: ttl ?? PolicyEngine.defaultTTL)
    }

    static func selector<T>(_ node: YAMLValue, _ item: (YAMLValue) throws(YAMLError) -> T) throws(YAMLError) -> PolicyRule.Selector<T> {
        if (try? node.string()) == "*" { return .any }
        var values: Set<T> = []
        for v in try node.list() { values.insert(try item(v)) }
        return .only(values)
    }

    static func intent(_ v: YAMLValue) throws(YAMLError) -> Intent {
        let name = try v.string()
        if let intent = Intent(rawValue: name) { return intent }
        let names = Intent.allCases.map(\.rawValue)
        let hint = YAMLMapping.closest(to: name, in: names).map { " (did you mean '\($0)'?)" } ?? ""
        throw v.error("unknown intent '\(name)'\(hint); known: \(names.joined(separator: ", ")), or \"*\" for all")
    }

    static func environment(_ v: YAMLValue, _ catalog: Catalog) throws(YAMLError) -> String {
        let name = try v.string()
        guard let env = catalog.environment(named: name) else {
            throw v.error("unknown environment '\(name)'; known: \(catalog.environmentNames.joined(separator: ", ")), or \"*\" for all")
        }
        return env.name
    }

    static func groupName(_ v: YAMLValue, _ groups: [String: Set<String>]) throws(YAMLError) -> String {
        let name = try v.string()
        guard groups[name] != nil else {
            let known = groups.keys.sorted()
            throw v.error("unknown group '\(name)'; define it under policy.groups (known: \(known.isEmpty ? "none" : known.joined(separator: ", ")))")
        }
        return name
    }

    static func platformID(_ v: YAMLValue, prefixes platformPrefixes: [String]) throws(YAMLError) -> String {
        let text = try v.string()
        guard let colon = text.firstIndex(of: ":"), platformPrefixes.contains(String(text[..<colon])),
              text.index(after: colon) < text.endIndex, !text.contains(where: \.isWhitespace) else {
            throw v.error("'\(text)' is not a platform id; write PLATFORM:ID with PLATFORM one of "
                          + "\(platformPrefixes.joined(separator: ", ")) (e.g. console:alice)")
        }
        return text
    }
}

/// Durations in the configuration: `90s`, `30m`, `1h`, `2d`, or a number of seconds.
enum DurationSetting {
    static func seconds(_ v: YAMLValue) throws(YAMLError) -> Int {
        let text = try v.string().trimmingCharacters(in: .whitespaces)
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        let value: Int?
        if let unit = text.last, let scale = units[unit] {
            value = Int(text.dropLast()).map { $0 * scale }
        } else {
            value = Int(text)
        }
        guard let seconds = value, seconds > 0, seconds <= 30 * 86400 else {
            throw v.error("expected a duration such as 90s, 30m, 1h or 2d (at most 30d), found '\(text)'")
        }
        return seconds
    }
}
