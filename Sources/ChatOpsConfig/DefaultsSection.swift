import YAMLSupport

/// Reads `defaults`: names are resolved through the catalog, so aliases work and typos fail.
enum DefaultsSection {
    static func parse(_ value: YAMLValue, catalog: Catalog) throws(YAMLError) -> Defaults {
        let m = try value.mapping()
        try m.rejectUnknownKeys(allowed: ["app", "env", "channels"])
        let app = try m["app"].map { v throws(YAMLError) in try resolveApp(v, catalog) }
        let env = try m["env"].map { v throws(YAMLError) in try resolveEnv(v, catalog) }
        var channels: [String: ChannelDefaults] = [:]
        if let channelsNode = m["channels"] {
            for (channel, entry) in try channelsNode.mapping().entries {
                let cm = try entry.mapping()
                try cm.rejectUnknownKeys(allowed: ["app", "env"])
                channels[channel] = ChannelDefaults(
                    app: try cm["app"].map { v throws(YAMLError) in try resolveApp(v, catalog) },
                    env: try cm["env"].map { v throws(YAMLError) in try resolveEnv(v, catalog) })
            }
        }
        return Defaults(app: app, env: env, channels: channels)
    }

    static func resolveApp(_ v: YAMLValue, _ catalog: Catalog) throws(YAMLError) -> String {
        let name = try v.string()
        guard let app = catalog.app(named: name) else {
            throw v.error("unknown app '\(name)'; known apps: \(catalog.appNames.joined(separator: ", "))")
        }
        return app.name
    }

    static func resolveEnv(_ v: YAMLValue, _ catalog: Catalog) throws(YAMLError) -> String {
        let name = try v.string()
        guard let env = catalog.environment(named: name) else {
            throw v.error("unknown environment '\(name)'; known: \(catalog.environmentNames.joined(separator: ", "))")
        }
        return env.name
    }
}
