import ArgumentParser
import ChatOpsConfig

/// `chatops config check`.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Inspect the configuration.",
        subcommands: [ConfigCheckCommand.self]
    )
}

struct ConfigCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the configuration and rules; show what is set and where from (secrets are never shown)."
    )

    @OptionGroup var setup: SetupOptions

    func run() throws {
        try reportingSetupErrors {
            let (configuration, classifier) = try setup.loadClassifier()
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
            print("rules: \(classifier.rules.rules.count) from \(setup.rules ?? configuration.rulesPath)")
            let policy = try setup.loadPolicy(configuration)
            print("policy: \(policy.identities.count) identities, \(policy.groups.count) groups, \(policy.rules.count) rules"
                  + (policy.freezeGroup.map { "; freeze: \($0)" } ?? "") + "; unknown users: "
                  + (policy.unknownUsersMayRead ? "read_only" : "none"))
            print("settings:")
            for key in SettingKey.all {
                let shown: String
                if key.isSecret {
                    shown = configuration.settings.isSet(key) ? "set (\(configuration.settings.origin(key)))" : "unset"
                } else if let value = configuration.settings.value(key) {
                    shown = "\(value) (\(configuration.settings.origin(key)))"
                } else {
                    shown = "unset"
                }
                print("  \(key.path) [\(key.variable)]: \(shown)")
            }
            print("configuration OK")
        }
    }
}
