import YAMLSupport

/// The whole configuration, validated. Built by `ConfigurationLoader`.
public struct ChatOpsConfiguration: Sendable {
    /// The file it was read from.
    public let source: String
    /// Names people address the bot by (`@chatops`, `chatops:`).
    public let botNames: [String]
    public let catalog: Catalog
    public let defaults: Defaults
    /// Folder of rule files.
    public let rulesPath: String
    /// The settings (the core's and the registered modules'), env applied.
    public let settings: Settings
    /// The `policy` section, read by the policy layer.
    public let policy: YAMLValue?
    /// Every setting this build knows, in order: `config check` lists them.
    public let settingsCatalog: SettingsCatalog

    public init(source: String, botNames: [String], catalog: Catalog, defaults: Defaults, rulesPath: String,
                settings: Settings, policy: YAMLValue?, settingsCatalog: SettingsCatalog = SettingsCatalog()) {
        self.source = source
        self.botNames = botNames
        self.catalog = catalog
        self.defaults = defaults
        self.rulesPath = rulesPath
        self.settings = settings
        self.policy = policy
        self.settingsCatalog = settingsCatalog
    }

    public var storePath: String { settings.value(.storePath) ?? "chatops.db" }

    /// The folder of prompt templates.
    public var promptsPath: String { settings.value(.promptsPath) ?? "prompts" }

    /// `CHATOPS_DRY_RUN=1` (or `dry_run: true`): mutating executors plan only.
    public var isDryRun: Bool {
        guard let raw = settings.value(.dryRun)?.lowercased() else { return false }
        return ["1", "true", "yes", "on"].contains(raw)
    }
}
