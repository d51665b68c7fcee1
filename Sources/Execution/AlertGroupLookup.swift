/// An incident's alert group, as a silence needs it: what to match and what to call it.
public struct AlertGroup: Sendable, Hashable {
    public let incidentID: Int64
    /// `PodCrashLooping`.
    public let name: String
    /// The labels the group is made of (Alertmanager's `groupLabels`, else its common labels):
    /// a silence matches exactly these.
    public let labels: [String: String]
    public let isOpen: Bool

    public init(incidentID: Int64, name: String, labels: [String: String], isOpen: Bool) {
        self.incidentID = incidentID
        self.name = name
        self.labels = labels
        self.isOpen = isOpen
    }
}

/// Finds an incident's alert group (the store, in the running bot).
public protocol AlertGroupLookup: Sendable {
    func alertGroup(incident: Int64) async throws -> AlertGroup?
}
