import Foundation
import YAMLSupport

/// Reads the YAML configuration, applies environment overrides and validates it.
/// Every error names the file, line and key, and says what to do.
public struct ConfigurationLoader: Sendable {
    /// The configuration used when none is given.
    public static let defaultPath = "deploy/chatops.example.yaml"

    let environment: [String: String]
    /// The settings the registered modules declare (with the core's): any other key is an error.
    let settingsCatalog: SettingsCatalog

    /// - Parameters:
    ///   - environment: the process environment (injectable for tests).
    ///   - settings: every setting the running build knows (the composition root passes the
    ///     registered modules' keys).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, settings: SettingsCatalog = SettingsCatalog()) {
        self.environment = environment
        self.settingsCatalog = settings
    }

    /// The path to read: the explicit one, else `CHATOPS_CONFIG`, else the shipped example.
    public func resolvePath(_ explicit: String?) -> String {
        explicit ?? environment["CHATOPS_CONFIG"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultPath
    }

    public func load(path explicit: String? = nil) throws(YAMLError) -> ChatOpsConfiguration {
        let path = resolvePath(explicit)
        guard FileManager.default.fileExists(atPath: path) else {
            throw YAMLError(file: path, line: nil, column: nil, keyPath: "",
                            message: "no configuration file here; pass --config PATH or set CHATOPS_CONFIG "
                                + "(the shipped example is \(Self.defaultPath), relative to the repository root)")
        }
        return try parse(try YAMLValue.load(path: path))
    }

    public func parse(text: String, file: String = "<config>") throws(YAMLError) -> ChatOpsConfiguration {
        try parse(try YAMLValue.parse(text, file: file))
    }

    /// The sections of the catalog and policy; the settings sections come from the catalog.
    static let structureKeys = ["bot", "environments", "apps", "defaults", "rules", "policy"]

    func parse(_ document: YAMLValue) throws(YAMLError) -> ChatOpsConfiguration {
        let root = try document.mapping()
        try root.rejectUnknownKeys(allowed: Self.structureKeys + settingsCatalog.sections)

        let botNames = try root["bot"].map { v throws(YAMLError) in try BotSection.names(v) } ?? ["chatops"]
        guard let environmentsNode = root["environments"] else {
            throw document.error("missing required key 'environments' (a list such as dev, staging, prod)")
        }
        let clusters = try ClustersSection.read(root)
        let environments = try CatalogSection.environments(environmentsNode, clusters: clusters)
        let apps = try root["apps"].map { v throws(YAMLError) in
            try CatalogSection.apps(v, environments: environments, clusters: clusters)
        } ?? []
        let catalog = Catalog(environments: environments, apps: apps, clusters: clusters)
        let defaults = try root["defaults"].map { v throws(YAMLError) in try DefaultsSection.parse(v, catalog: catalog) } ?? Defaults()
        let rulesPath = try root["rules"].map { v throws(YAMLError) in
            let m = try v.mapping()
            try m.rejectUnknownKeys(allowed: ["path"])
            return try m["path"]?.string() ?? "rules"
        } ?? "rules"
        let settings = try SettingsSection(environment: environment, catalog: settingsCatalog).read(root)
        return ChatOpsConfiguration(source: document.file, botNames: botNames, catalog: catalog, defaults: defaults,
                                    rulesPath: rulesPath, settings: settings, policy: root["policy"], settingsCatalog: settingsCatalog)
    }
}

enum BotSection {
    static func names(_ value: YAMLValue) throws(YAMLError) -> [String] {
        let m = try value.mapping()
        try m.rejectUnknownKeys(allowed: ["names"])
        guard let namesNode = m["names"] else { return ["chatops"] }
        let names = try namesNode.stringList().map { $0.lowercased() }
        for name in names where !NamePattern.isIdentifier(name) {
            throw namesNode.error("bot name '\(name)' must be lower-case letters, digits and dashes")
        }
        return names.isEmpty ? ["chatops"] : names
    }
}
