/// A setting that can come from the YAML file or, winning over it, from the environment. The
/// configuration knows only its own (store, server, limits, logging); every platform and backend
/// module declares its own keys, and the loader accepts the union of the registered ones.
public struct SettingKey: Sendable, Hashable {
    /// Dotted key path in the YAML file, e.g. `platforms.slack.bot_token`.
    public let path: String
    /// The environment variable that overrides it.
    public let variable: String
    /// Secrets are never printed; they may also be read from a file (`…_file` key, `…_FILE` variable).
    public let isSecret: Bool
    /// What a value must look like; checked when the configuration loads.
    public let kind: SettingKind
    /// The value when neither the file nor the environment sets it.
    public let defaultValue: String?
    /// One line for `config check` and the configuration reference.
    public let summary: String

    public init(_ path: String, _ variable: String, secret: Bool = false, kind: SettingKind = .text,
                default defaultValue: String? = nil, summary: String = "") {
        self.path = path
        self.variable = variable
        self.isSecret = secret
        self.kind = kind
        self.defaultValue = defaultValue
        self.summary = summary
    }

    public static func == (a: SettingKey, b: SettingKey) -> Bool { a.path == b.path }
    public func hash(into hasher: inout Hasher) { hasher.combine(path) }

    /// The first part of the path: the YAML section it lives in (`platforms`, `backends`, `store`).
    public var section: String { String(path.split(separator: ".").first ?? Substring(path)) }
}

/// The shape a setting's value must have.
public enum SettingKind: Sendable, Hashable {
    case text
    /// An http(s) URL.
    case url
    /// `250ms`, `90s`, `5m`, `1h`, `2d`, or whole seconds.
    case duration
    case positiveInteger
    /// `COUNT/DURATION`, e.g. `10/1m`.
    case rate
    /// `host:port`.
    case hostPort
    /// `1`/`0`, `true`/`false`, `yes`/`no`, `on`/`off`.
    case boolean
    /// Comma-separated, or a YAML list in the file.
    case list
    /// A list of Kubernetes-style names (lower-case letters, digits, dashes).
    case nameList
    case choice([String])
}

extension SettingKey {
    public static let storePath = SettingKey("store.path", "CHATOPS_STORE", default: "chatops.db", summary: "the SQLite file")
    public static let promptsPath = SettingKey("prompts.path", "CHATOPS_PROMPTS", default: "prompts",
                                               summary: "the folder of prompt templates (intent, incident-rca, drift, pipeline-triage)")
    public static let storeRetention = SettingKey("store.retention", "CHATOPS_STORE_RETENTION", kind: .duration, default: "90d",
                                                  summary: "how long finished requests, deliveries and audit entries are kept")
    public static let listen = SettingKey("server.listen", "CHATOPS_LISTEN", kind: .hostPort, default: "127.0.0.1:8080",
                                          summary: "host:port `chatops serve` listens on")
    public static let maxConnections = SettingKey("server.max_connections", "CHATOPS_MAX_CONNECTIONS", kind: .positiveInteger,
                                                  default: "256", summary: "open connections at once; past it, 503 with Retry-After")
    public static let maxBufferedBytes = SettingKey("server.max_buffered_bytes", "CHATOPS_MAX_BUFFERED_BYTES", kind: .positiveInteger,
                                                    default: "8388608",
                                                    summary: "bytes of request bodies in flight before signatures are checked")
    public static let dryRun = SettingKey("dry_run", "CHATOPS_DRY_RUN", kind: .boolean, summary: "mutating executors only plan (1)")
    public static let logFormat = SettingKey("log_format", "CHATOPS_LOG_FORMAT", kind: .choice(["text", "json"]), default: "text",
                                             summary: "`text` or `json` logs")
    public static let logLevel = SettingKey("log_level", "CHATOPS_LOG_LEVEL",
                                            kind: .choice(["trace", "debug", "info", "notice", "warning", "error", "critical"]),
                                            summary: "the least severe log line written (default: info for `serve`, notice on the console)")
    public static let rateLimitPerUser = SettingKey("limits.per_user", "CHATOPS_RATE_LIMIT_PER_USER", kind: .rate, default: "10/1m",
                                                    summary: "commands one person may send (0/1m: no limit)")
    public static let rateLimitPerChannel = SettingKey("limits.per_channel", "CHATOPS_RATE_LIMIT_PER_CHANNEL", kind: .rate,
                                                       default: "30/1m", summary: "commands one channel or repository may carry")
}

/// Every setting a running chatops knows: its own and those of the registered modules.
public struct SettingsCatalog: Sendable {
    /// In the order `config check` lists them: the core first, then each module's.
    public let keys: [SettingKey]

    /// The core settings plus `keys` (a path declared twice keeps its first declaration).
    public init(_ keys: [SettingKey] = []) {
        var seen: Set<String> = []
        self.keys = (Self.core + keys).filter { seen.insert($0.path).inserted }
    }

    public static let core: [SettingKey] = [.storePath, .promptsPath, .storeRetention, .listen, .maxConnections, .maxBufferedBytes,
                                            .rateLimitPerUser, .rateLimitPerChannel, .dryRun, .logFormat, .logLevel]

    /// The YAML sections settings live in.
    public var sections: [String] {
        var seen: Set<String> = []
        return keys.map(\.section).filter { seen.insert($0).inserted }
    }
}
