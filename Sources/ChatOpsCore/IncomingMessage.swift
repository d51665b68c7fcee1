/// A message from any platform, as the conversation needs it. Adapters build it after they have
/// verified the platform's signature.
public struct IncomingMessage: Sendable, Hashable, Codable {
    /// The sender as a platform-qualified id: `console:alice`, `slack:U0123`, `github:octocat`.
    public let platformUser: String
    /// Platform memberships policy groups may name (`discord-role:42`, `github-team:org/sre`).
    public let roles: Set<String>
    /// Where it was said; replies go to its thread.
    public let origin: MessageOrigin
    /// The platform's delivery id (Slack retry, `X-GitHub-Delivery`, Discord interaction id):
    /// a repeat is answered without acting again.
    public let deliveryID: String?
    public let text: String
    /// A slash command or a direct message: the platform already says it is for the bot.
    public let isAddressedByPlatform: Bool

    public init(platformUser: String, roles: Set<String> = [], origin: MessageOrigin, deliveryID: String? = nil,
                text: String, isAddressedByPlatform: Bool) {
        self.platformUser = platformUser
        self.roles = roles
        self.origin = origin
        self.deliveryID = deliveryID
        self.text = text
        self.isAddressedByPlatform = isAddressedByPlatform
    }
}
