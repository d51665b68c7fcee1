/// The flat settings of the sections that external systems use (server, platforms, backends,
/// llm, alertmanager), after the environment has overridden the file.
public struct Settings: Sendable, Hashable {
    var values: [String: String]
    var secrets: [String: Secret]
    /// Where each plain value came from, for `config check`.
    var origins: [String: String]

    public init(values: [String: String] = [:], secrets: [String: Secret] = [:], origins: [String: String] = [:]) {
        self.values = values
        self.secrets = secrets
        self.origins = origins
    }

    /// A plain setting, or its built-in default.
    public func value(_ key: SettingKey) -> String? {
        values[key.path] ?? SettingKey.defaults[key.path]
    }

    public func secret(_ key: SettingKey) -> Secret? { secrets[key.path] }

    public func origin(_ key: SettingKey) -> String {
        if key.isSecret { return secrets[key.path]?.origin ?? "unset" }
        if let origin = origins[key.path] { return origin }
        return SettingKey.defaults[key.path] != nil ? "default" : "unset"
    }

    public func isSet(_ key: SettingKey) -> Bool {
        key.isSecret ? secrets[key.path] != nil : value(key) != nil
    }
}
