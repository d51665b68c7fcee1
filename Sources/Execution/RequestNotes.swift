/// What an executor remembers about the request it runs, between attempts of that request: the
/// branch, commit and pull request a GitOps change made, so a second attempt (after a crash, a
/// retry) recognises its own work and nobody else's. Kept in the store with the request.
public protocol RequestNotes: Sendable {
    /// The value recorded under `key` for this request, or nil.
    func note(_ key: String) async throws -> String?
    /// Records `value` under `key` (replacing an earlier value), durably, before returning.
    func record(_ key: String, _ value: String) async throws
}

/// Notes that live as long as the value: for commands that are not stored requests (tests,
/// plans) and as the default.
public actor MemoryNotes: RequestNotes {
    private var values: [String: String]

    public init(_ values: [String: String] = [:]) {
        self.values = values
    }

    public func note(_ key: String) async throws -> String? { values[key] }

    public func record(_ key: String, _ value: String) async throws { values[key] = value }

    public var all: [String: String] { values }
}

/// What a change did to an app's version, recorded with its request by the executor that wrote
/// it, so that a later diagnosis or incident can say "v2.1 → v2.3, request #12".
public enum ChangeNote {
    /// The version the environment had before the change.
    public static let previousVersion = "change:previous_version"
    /// The version the change wrote.
    public static let version = "change:version"

    /// Records both (the previous one only when known); a failure to record is not the change's.
    public static func record(previous: String?, version: String, in notes: any RequestNotes) async {
        if let previous { try? await notes.record(previousVersion, previous) }
        try? await notes.record(Self.version, version)
    }
}
