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
