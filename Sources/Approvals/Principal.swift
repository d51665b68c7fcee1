/// Who sent a message, as policy sees them: an identity name from the configuration (or the
/// platform id, for users it does not name) and everything a group may list them by.
public struct Principal: Sendable, Hashable {
    /// The identity name (`alice`); for an unknown user, their platform id (`slack:U0123`).
    public let name: String
    /// Whether the configuration maps this user to an identity.
    public let isKnown: Bool
    /// Names a group may list: the identity, the platform id, and platform roles or teams
    /// (`discord-role:123`, `github-team:org/sre`, `slack-group:S0123`).
    public let memberships: Set<String>

    public init(name: String, isKnown: Bool, memberships: Set<String> = []) {
        self.name = name
        self.isKnown = isKnown
        self.memberships = memberships.union([name])
    }
}
