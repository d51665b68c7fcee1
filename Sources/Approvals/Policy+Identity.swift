extension Policy {
    /// The principal behind a platform user id (`console:alice`, `slack:U0123`, `github:octocat`):
    /// the identity that lists it, or an unknown user named by the id itself. `roles` are the
    /// platform memberships the adapter knows of (`discord-role:123`, `github-team:org/sre`).
    public func principal(platformUser: String, roles: Set<String> = []) -> Principal {
        let memberships = roles.union([platformUser])
        if let name = identities.keys.sorted().first(where: { identities[$0]!.contains(platformUser) }) {
            return Principal(name: name, isKnown: true, isMapped: true, memberships: memberships)
        }
        // A group may name a platform id or role directly: that lets the user request what the
        // group may, but never approve (they are not mapped to a person).
        let listed = groups.values.contains { !$0.isDisjoint(with: memberships) }
        return Principal(name: platformUser, isKnown: listed, isMapped: false, memberships: memberships)
    }
}
