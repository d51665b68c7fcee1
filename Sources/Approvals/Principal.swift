/// Who sent a message, as policy sees them: an identity name from the configuration (or the
/// platform id, for users it does not name) and everything a group may list them by.
public struct Principal: Sendable, Hashable {
    /// The identity name (`alice`); for an unknown user, their platform id (`slack:U0123`).
    public let name: String
    /// Whether the configuration lets this user in: mapped to an identity, or listed in a group
    /// by platform id or role.
    public let isKnown: Bool
    /// Whether the configuration maps this user to an identity (`policy.identities`). Only such
    /// a person's approval counts: a role or a raw platform id says nothing about who they are,
    /// so it cannot tell them apart from the requester on another platform.
    public let isMapped: Bool
    /// Names a group may list: the identity, the platform id, and platform roles or teams
    /// (`discord-role:123`, `github-team:org/sre`, `slack-group:S0123`).
    public let memberships: Set<String>

    /// `isMapped` defaults to `isKnown`: a known user is mapped unless said otherwise.
    public init(name: String, isKnown: Bool, isMapped: Bool? = nil, memberships: Set<String> = []) {
        self.name = name
        self.isKnown = isKnown
        self.isMapped = isMapped ?? isKnown
        self.memberships = memberships.union([name])
    }
}
