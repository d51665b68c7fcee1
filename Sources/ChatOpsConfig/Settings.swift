import Foundation

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
        values[key.path] ?? key.defaultValue
    }

    public func secret(_ key: SettingKey) -> Secret? { secrets[key.path] }

    public func origin(_ key: SettingKey) -> String {
        if key.isSecret { return secrets[key.path]?.origin ?? "unset" }
        if let origin = origins[key.path] { return origin }
        return key.defaultValue != nil ? "default" : "unset"
    }

    public func isSet(_ key: SettingKey) -> Bool {
        key.isSecret ? secrets[key.path] != nil : value(key) != nil
    }

    /// A whole-number setting.
    public func integer(_ key: SettingKey) -> Int? {
        value(key).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// A rate setting (`10/1m`).
    public func rate(_ key: SettingKey) -> RateLimitSetting? {
        value(key).flatMap(RateLimitSetting.init)
    }

    /// A comma-separated list setting (a YAML list in the file is stored this way).
    public func list(_ key: SettingKey) -> [String] {
        (value(key) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A duration setting: whole seconds, or a number with `ms`, `s`, `m`, `h` or `d`.
    public func duration(_ key: SettingKey) -> Duration? {
        value(key).flatMap(Self.parseDuration)
    }

    static func parseDuration(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("ms") {
            guard let number = Int(trimmed.dropLast(2)), number > 0 else { return nil }
            return .milliseconds(number)
        }
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        var digits = Substring(trimmed), scale = 1
        if let last = trimmed.last, let unit = units[last] { digits = trimmed.dropLast(); scale = unit }
        guard let number = Int(digits), number > 0 else { return nil }
        return .seconds(number * scale)
    }
}

/// `COUNT/DURATION`: at most `count` events in any window of `window` (`10/1m`); a count of 0
/// means no limit.
public struct RateLimitSetting: Sendable, Hashable {
    public let count: Int
    public let window: Duration

    public init(count: Int, window: Duration) {
        self.count = count
        self.window = window
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let count = Int(parts[0]), count >= 0,
              let window = Settings.parseDuration(parts[1].first?.isNumber == true ? parts[1] : "1" + parts[1]) else { return nil }
        self.init(count: count, window: window)
    }

    public var isUnlimited: Bool { count == 0 }
}
