import Approvals
import ChatOpsConfig
import Conversation
import Execution
import Foundation

/// A chat platform, described by itself: its settings, the prefix its users' ids carry in the
/// policy (`slack:`), how it is turned on, and its adapter (routes, inbound verification, replies).
/// The composition root registers modules; nothing below it lists them.
public protocol PlatformModule: Sendable {
    /// `slack`: the `MessageOrigin.platform` it serves.
    var name: String { get }
    /// Prefixes of the ids policy may name for its users and their memberships (`slack`,
    /// `slack-group`).
    var identityPrefixes: [String] { get }
    /// Every setting it reads; the configuration accepts these keys.
    var settings: [SettingKey] { get }
    /// Whether it is served, and which setting turned it on.
    func status(in context: ModuleContext) -> ModuleStatus
    /// Its adapter; called only when `status` is `.enabled`.
    func adapter(in context: PlatformContext) throws -> any PlatformAdapter
    /// A chance to rewrite the policy before the bot is built (GitHub pins logins to user ids).
    func prepare(_ policy: Policy, store: any ApprovalStore, in context: ModuleContext) async throws -> Policy
}

extension PlatformModule {
    public func prepare(_ policy: Policy, store: any ApprovalStore, in context: ModuleContext) async throws -> Policy { policy }
}

/// What a platform adapter is built from: the module context, the bot, the work the server drains
/// on shutdown, the router that reaches every platform's threads, and the clock the bot reads
/// (signature windows and comment ages are judged by it).
public struct PlatformContext: Sendable {
    public let module: ModuleContext
    public let bot: ChatBot
    public let work: InFlightWork
    public let router: ReplyRouter
    /// Verified deliveries one platform receives and another module acts on.
    public let events: InboundEvents
    public let now: @Sendable () -> Date

    public init(module: ModuleContext, bot: ChatBot, work: InFlightWork, router: ReplyRouter, events: InboundEvents = InboundEvents(),
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.module = module
        self.bot = bot
        self.work = work
        self.router = router
        self.events = events
        self.now = now
    }

    public var configuration: ChatOpsConfiguration { module.configuration }
}
