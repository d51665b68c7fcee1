import YAMLSupport

/// Reads `backends.kubernetes.clusters`: cluster names mapped to how to reach each one. It is a
/// map, not flat settings, so the settings section leaves it alone; environments and apps name
/// its clusters (`cluster: edge`), which is why it is read with the catalog.
enum ClustersSection {
    static let path = "backends.kubernetes.clusters"
    static let shapes = "NAME: {context: CTX} or NAME: {api_url: URL, token_env: VARIABLE | token_file: PATH, ca_file: PATH}"

    /// The clusters, in file order; none when the map is absent (one connection for everything).
    static func read(_ root: YAMLMapping) throws(YAMLError) -> [ClusterConfig] {
        guard let backends = root["backends"], let kubernetes = try backends.mapping()["kubernetes"],
              let node = try kubernetes.mapping()["clusters"] else { return [] }
        let entries = try node.mapping().entries
        guard !entries.isEmpty else { throw node.error("no cluster is defined; define at least one (\(shapes)) or remove clusters") }
        var clusters: [ClusterConfig] = []
        for (name, value) in entries {
            guard NamePattern.isIdentifier(name, maxLength: 31) else {
                throw value.error("cluster name '\(name)' must be lower-case letters, digits and dashes, starting with a letter")
            }
            clusters.append(try cluster(name, value))
        }
        let onBackend = clusters.filter { $0.access == .backend }.map(\.name)
        if onBackend.count > 1 {
            throw node.error("clusters \(onBackend.joined(separator: ", ")) all use the backend's own connection (they have no context "
                             + "or api_url); only one cluster can, give the others a context or an api_url")
        }
        return clusters
    }

    static func cluster(_ name: String, _ value: YAMLValue) throws(YAMLError) -> ClusterConfig {
        if value.isNull { return ClusterConfig(name: name) }
        let m = try value.mapping()
        if let token = m["token"] {
            throw token.error("a token never goes in the configuration file: set token_env to the name of the environment variable "
                              + "that holds it, or token_file to a file")
        }
        try m.rejectUnknownKeys(allowed: ["context", "api_url", "token_env", "token_file", "ca_file", "namespaces"])
        let namespaces = try m["namespaces"].map { v throws(YAMLError) in try namespaceList(v) }
        let apiKeys = ["token_env", "token_file", "ca_file"]
        switch (m["context"], m["api_url"]) {
        case (.some, .some):
            throw value.error("cluster '\(name)' has both context and api_url; give one: a kubeconfig context, "
                              + "or an API URL with token_env or token_file")
        case (.some(let context), nil):
            if let key = apiKeys.first(where: { m[$0] != nil }) {
                throw m[key]!.error("\(key) goes with api_url; a context takes the server, CA and credentials from the kubeconfig")
            }
            return ClusterConfig(name: name, access: .kubeconfigContext(try context.string()), namespaces: namespaces)
        case (nil, .some(let urlNode)):
            let url = try urlNode.string()
            if let problem = SettingKindCheck.problem(url, .url) { throw urlNode.error(problem) }
            let token = try bearerToken(m, cluster: name, at: value)
            return ClusterConfig(name: name, access: .apiServer(url: url, token: token, caFile: try m["ca_file"]?.string()),
                                 namespaces: namespaces)
        case (nil, nil):
            if let key = apiKeys.first(where: { m[$0] != nil }) {
                throw m[key]!.error("\(key) needs api_url; without context or api_url, cluster '\(name)' uses the backend's own connection")
            }
            return ClusterConfig(name: name, namespaces: namespaces)
        }
    }

    /// Exactly one of `token_env` (a variable's name) and `token_file`.
    static func bearerToken(_ m: YAMLMapping, cluster name: String, at value: YAMLValue) throws(YAMLError) -> ClusterToken {
        switch (m["token_env"], m["token_file"]) {
        case (.some(let variable), nil):
            let text = try variable.string()
            guard isVariableName(text) else {
                throw variable.error("'\(text)' is not an environment variable name; token_env names the variable that holds the token "
                                     + "(e.g. CHATOPS_KUBE_EDGE_TOKEN), never the token itself")
            }
            return .environment(text)
        case (nil, .some(let file)):
            return .file(try file.string())
        case (.some, .some):
            throw value.error("cluster '\(name)' has both token_env and token_file; give one")
        case (nil, nil):
            throw value.error("cluster '\(name)' has an api_url but no token: set token_env to the environment variable that holds "
                              + "its service-account token, or token_file to a file with it")
        }
    }

    static func namespaceList(_ value: YAMLValue) throws(YAMLError) -> [String] {
        let names = try value.stringList()
        guard !names.isEmpty else {
            throw value.error("an empty list allows nothing; remove namespaces to allow those the apps place on this cluster")
        }
        for name in names where !NamePattern.isDNSLabel(name) {
            throw value.error("namespace '\(name)' is not a valid Kubernetes name (lower-case letters, digits, dashes)")
        }
        return names
    }

    /// The cluster an environment or an app's placement names, which `clusters` must define.
    static func name(_ value: YAMLValue, in clusters: [ClusterConfig]) throws(YAMLError) -> String {
        let name = try value.string()
        guard clusters.contains(where: { $0.name == name }) else {
            if clusters.isEmpty {
                throw value.error("cluster '\(name)' is not defined: \(path) defines no cluster; add it there (\(shapes)) or remove cluster")
            }
            throw value.error("unknown cluster '\(name)'; \(path) defines: \(clusters.map(\.name).joined(separator: ", "))")
        }
        return name
    }

    static func isVariableName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
