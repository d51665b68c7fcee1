import Foundation
import YAMLSupport

/// Reads the setting sections into flat `Settings`, then lets the environment win:
/// `CHATOPS_X` over `CHATOPS_X_FILE` over the file's `x_file` over the file's `x`.
struct SettingsSection {
    let environment: [String: String]
    let catalog: SettingsCatalog

    func read(_ root: YAMLMapping) throws(YAMLError) -> Settings {
        var leaves: [String: YAMLValue] = [:]
        for section in catalog.sections {
            guard let node = root[section] else { continue }
            try collectLeaves(node, path: section, into: &leaves)
        }
        let byPath = Dictionary(catalog.keys.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for (path, node) in leaves {
            let base = path.hasSuffix("_file") ? String(path.dropLast(5)) : path
            guard let key = byPath[path] ?? byPath[base], key.isSecret || byPath[path] != nil else {
                let section = path.split(separator: ".").first.map(String.init) ?? ""
                let here = catalog.keys.filter { $0.section == section }.map(\.path)
                let hint = YAMLMapping.closest(to: path, in: here).map { " (did you mean '\($0)'?)" } ?? ""
                throw node.error("unknown setting '\(path)'\(hint); known settings here: \(here.joined(separator: ", "))")
            }
        }
        var settings = Settings()
        for key in catalog.keys {
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
        // A map of named entries, read with the catalog: not flat settings.
        if path == ClustersSection.path { return }
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

    /// Every value is checked against its key's kind; the error names the file and line, or the
    /// variable, and what to write instead.
    private func validate(_ settings: Settings, leaves: [String: YAMLValue]) throws(YAMLError) {
        for key in catalog.keys where !key.isSecret {
            guard let raw = settings.values[key.path], let problem = SettingKindCheck.problem(raw, key.kind) else { continue }
            let message = "\(key.path): \(problem)"
            if let node = leaves[key.path], settings.origin(key).hasPrefix(node.file) { throw node.error(problem) }
            throw YAMLError(file: "environment", line: nil, column: nil, keyPath: key.variable, message: message)
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
