import ArgumentParser
import ChatOpsApp
import ChatOpsConfig

/// `chatops config check` and `chatops config reference`.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Inspect the configuration.",
        subcommands: [ConfigCheckCommand.self, ConfigReferenceCommand.self]
    )
}

struct ConfigCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the configuration and rules; show each module's state, what is set and where from (secrets are never shown)."
    )

    @OptionGroup var setup: SetupOptions

    func run() async throws {
        try await reportingSetupErrors {
            try await setup.withApp { app in
                let configuration = app.configuration
                let catalog = configuration.catalog
                print("configuration: \(configuration.source)")
                print("environments: " + catalog.environments.map { env in
                    let extra = (env.aliases.isEmpty ? "" : " (\(env.aliases.joined(separator: ", ")))") + (env.isProtected ? " [protected]" : "")
                    return env.name + extra
                }.joined(separator: ", "))
                print("apps: " + catalog.apps.map { app in
                    app.name + (app.aliases.isEmpty ? "" : " (\(app.aliases.joined(separator: ", ")))") + (app.model != nil ? " [model]" : "")
                }.joined(separator: ", "))
                print("default app: \(configuration.defaults.app ?? "none"); channel defaults: \(configuration.defaults.channels.count)")
                print("rules: \(app.classifier.rules.rules.count) from \(setup.rules ?? configuration.rulesPath)")
                let policy = app.policy
                print("policy: \(policy.identities.count) identities, \(policy.groups.count) groups, \(policy.rules.count) rules"
                      + (policy.freezeGroup.map { "; freeze: \($0)" } ?? "") + "; unknown users: "
                      + (policy.unknownUsersMayRead ? "read_only" : "none"))
                print("modules:")
                for report in app.statuses {
                    print("  \(report.kind.rawValue) \(report.name): \(report.status.description)")
                }
                print("settings:")
                for key in configuration.settingsCatalog.keys {
                    print("  \(key.path) [\(key.variable)]: \(Self.shown(key, configuration.settings))")
                }
                print("configuration OK")
            }
        }
    }

    static func shown(_ key: SettingKey, _ settings: Settings) -> String {
        if key.isSecret { return settings.isSet(key) ? "set (\(settings.origin(key)))" : "unset" }
        guard let value = settings.value(key) else { return "unset" }
        return "\(value) (\(settings.origin(key)))"
    }
}

/// `chatops config reference`: every setting of this build, as the table `docs/configuration.md` holds.
struct ConfigReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference",
        abstract: "Print every setting this build knows (from the registered modules) as a Markdown table."
    )

    func run() throws {
        print(ConfigurationReference.markdown(ChatOpsModules.standard), terminator: "")
    }
}
