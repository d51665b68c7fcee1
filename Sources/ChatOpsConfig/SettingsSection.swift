import Foundation
import YAMLSupport

/// Reads the setting sections into flat `Settings`, then lets the environment win:
/// `CHATOPS_X` over `CHATOPS_X_FILE` over the file's `x_file` over the file's `x`.
struct SettingsSection {
    let environment: [String: String]

    static let sections = ["store", "server", "limits", "dry_run", "log_format", "platforms", "backends", "llm", "alertmanager"]

    func read(_ root: YAMLMapping) throws(YAMLError) -> Settings {
        var leaves: [String: YAMLValue] = [:]
        for section in Self.sections {
            guard let node = root[section] else { continue }
            try collectLeaves(node, path: section, into: &leaves)
        }
        let byPath = Dictionary(uniqueKeysWithValues: SettingKey.all.map { ($0.path, $0) })
        for (path, node) in leaves {
            let base = path.hasSuffix("_file") ? String(path.dropLast(5)) : path
            guard let key = byPath[path] ?? byPath[base], key.isSecret || byPath[path] != nil else {
                let known = SettingKey.all.filter { $0.path.hasPrefix(path.split(separator: ".").first.map(String.init) ?? "") }
                    .map(\.path).joined(separator: ", ")
                throw node.error("unknown setting '\(path)'; known settings here: \(known)")
            }
        }
        var settings = Settings()
        for key in SettingKey.all {
            if key.isSecret {
                if let secret = try secret(for: key, leaves: leaves) { settings.secrets[key.path] = secret }
            } else if let value = environment[key.variable], !value.isEmpty {
                settings.values[key.path] = value
                settings.origins[key.path] = "env \(key.variable)"
            } else if let node = leaves[key.path] {
                let isList = if case .sequence = node.node { true } else { false }
                settings.values[key.path] = isList ? try node.stringList().joined(separator: ",") : try node.string()
                settings.origins[key.path] = "\(node.file):\(node.line ?? 0)"
            }
        }
        try validate(settings, leaves: leaves)
        return settings
    }

    private func collectLeaves(_ node: YAMLValue, path: String, into leaves: inout [String: YAMLValue]) throws(YAMLError) {
        if case .mapping = node.node {
            for (k, v) in try node.mapping().entries { try collectLeaves(v, path: "\(path).\(k)", into: &leaves) }
        } else if !node.isNull {
            leaves[path] = node
        }
    }

    private func secret(for key: SettingKey, leaves: [String: YAMLValue]) throws(YAMLError) -> Secret? {
        if let value = environment[key.variable], !value.isEmpty {
            return Secret(value, origin: "env \(key.variable)")
        }
        if let file = environment[key.variable + "_FILE"], !file.isEmpty {
            return Secret(try readSecretFile(file, what: "\(key.variable)_FILE", node: nil), origin: "file \(file)")
        }
        if let node = leaves[key.path + "_file"] {
            let file = try node.string()
            return Secret(try readSecretFile(file, what: key.path + "_file", node: node), origin: "file \(file)")
        }
        if let node = leaves[key.path] {
            return Secret(try node.string(), origin: "\(node.file):\(node.line ?? 0)")
        }
        return nil
    }

    private func readSecretFile(_ path: String, what: String, node: YAMLValue?) throws(YAMLError) -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            let message = "\(what) names '\(path)', which cannot be read; check the path and its permissions"
            throw node?.error(message) ?? YAMLError(file: "environment", line: nil, column: nil, keyPath: what, message: message)
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            let message = "\(what) names '\(path)', which is empty"
            throw node?.error(message) ?? YAMLError(file: "environment", line: nil, column: nil, keyPath: what, message: message)
        }
        return trimmed
    }

    private func validate(_ settings: Settings, leaves: [String: YAMLValue]) throws(YAMLError) {
        func fail(_ key: SettingKey, _ message: String) -> YAMLError {
            if let node = leaves[key.path], settings.origin(key).hasPrefix(node.file) { return node.error(message) }
            return YAMLError(file: "environment", line: nil, column: nil, keyPath: key.variable, message: message)
        }
        if let listen = settings.value(.listen), HostPort(listen) == nil {
            throw fail(.listen, "'\(listen)' is not host:port (e.g. 127.0.0.1:8080)")
        }
        if let format = settings.value(.logFormat), !["text", "json"].contains(format) {
            throw fail(.logFormat, "log format '\(format)' is not 'text' or 'json'")
        }
        if let raw = settings.value(.dryRun), !["0", "1", "true", "false", "yes", "no", "on", "off"].contains(raw.lowercased()) {
            throw fail(.dryRun, "'\(raw)' is not a boolean; use 1 or 0")
        }
        if let timeout = settings.value(.argocdWaitTimeout), Settings.parseDuration(timeout) == nil {
            throw fail(.argocdWaitTimeout, "'\(timeout)' is not a duration; use seconds (300) or 90s, 5m, 1h")
        }
        if let retention = settings.value(.storeRetention), Settings.parseDuration(retention) == nil {
            throw fail(.storeRetention, "'\(retention)' is not a duration; use 30d, 90d or 2160h")
        }
        if let age = settings.value(.githubMaxCommentAge), Settings.parseDuration(age) == nil {
            throw fail(.githubMaxCommentAge, "'\(age)' is not a duration; use 90s, 5m or 10m")
        }
        for key in [SettingKey.maxConnections, .maxBufferedBytes] {
            guard let raw = settings.value(key) else { continue }
            guard let n = Int(raw), n > 0 else { throw fail(key, "'\(raw)' is not a positive whole number") }
        }
        for key in [SettingKey.rateLimitPerUser, .rateLimitPerChannel] {
            guard let raw = settings.value(key) else { continue }
            guard RateLimitSetting(raw) != nil else {
                throw fail(key, "'\(raw)' is not a rate; write COUNT/DURATION such as 10/1m or 100/1h (0/1m: no limit)")
            }
        }
        for namespace in settings.list(.kubeNamespaces) where !NamePattern.isDNSLabel(namespace) {
            throw fail(.kubeNamespaces, "namespace '\(namespace)' is not a valid Kubernetes name (lower-case letters, digits, dashes)")
        }
        if let provider = settings.value(.llmProvider), !["gemini", "openai"].contains(provider) {
            throw fail(.llmProvider, "LLM provider '\(provider)' is not 'gemini' or 'openai'")
        }
        for key in SettingKey.all where key.path.hasSuffix("url") {
            guard let raw = settings.value(key) else { continue }
            guard let url = URL(string: raw), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
                throw fail(key, "'\(raw)' is not an http(s) URL")
            }
        }
    }
}

/// `host:port`, with `[v6]:port` for IPv6.
public struct HostPort: Sendable, Hashable {
    public let host: String
    public let port: Int

    public init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (0...65535).contains(port) else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, !host.contains(where: \.isWhitespace) else { return nil }
        self.host = host
        self.port = port
    }
}
