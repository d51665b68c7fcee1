import Foundation

/// The interaction tokens of the last 15 minutes, in memory only: never written to the store,
/// never logged. A token lets the bot edit its deferred answer and send follow-ups without the bot
/// token; once it expires, replies go to the channel with the bot token instead.
actor InteractionTokens {
    /// A live interaction: who may edit what through its webhook.
    struct Live: Sendable {
        let applicationID: String
        let token: String
        let expiresAt: Date
        /// A command's deferred answer is still to be written; a button's `@original` is the
        /// message it sits on, so its replies are always follow-ups.
        var originalPending: Bool
    }

    /// How a reply to an interaction goes out.
    enum ReplyRoute: Sendable {
        case editOriginal(Live)
        case followUp(Live)
        case channel
    }

    /// How an earlier message is edited: through a live webhook (`@original` or a message id) or with the bot token.
    enum EditRoute: Sendable {
        case webhook(Live, message: String)
        case channel
    }

    /// Discord's lifetime is 15 minutes; a margin keeps a slow call from outliving its token.
    static let lifetime: TimeInterval = 15 * 60 - 30

    private var interactions: [String: Live] = [:]
    /// Message id → the interactions that can edit it, and how each refers to it.
    private var editors: [String: [(interactionID: String, reference: String)]] = [:]
    private let now: @Sendable () -> Date

    init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    /// Remembers a new interaction; a repeated one (a replay) keeps what it had. `componentMessage`
    /// is the message a clicked button sits on: the click's token can edit it as `@original`.
    func register(interactionID: String, applicationID: String, token: String, componentMessage: String?) {
        purgeExpired()
        guard interactions[interactionID] == nil else { return }
        interactions[interactionID] = Live(applicationID: applicationID, token: token,
                                           expiresAt: now().addingTimeInterval(Self.lifetime),
                                           originalPending: componentMessage == nil)
        if let componentMessage { editors[componentMessage, default: []].append((interactionID, "@original")) }
    }

    /// The first reply to a command takes its deferred answer; later ones are follow-ups.
    func replyRoute(interactionID: String?) -> ReplyRoute {
        purgeExpired()
        guard let interactionID, var live = interactions[interactionID] else { return .channel }
        guard live.originalPending else { return .followUp(live) }
        live.originalPending = false
        interactions[interactionID] = live
        return .editOriginal(live)
    }

    /// A message posted through an interaction's webhook can be edited through it while it lives.
    func posted(messageID: String, by interactionID: String, asOriginal: Bool) {
        editors[messageID, default: []].append((interactionID, asOriginal ? "@original" : messageID))
    }

    /// The most recent live interaction that can edit `messageID`, else the bot token.
    func editRoute(messageID: String) -> EditRoute {
        purgeExpired()
        for editor in (editors[messageID] ?? []).reversed() {
            if let live = interactions[editor.interactionID] { return .webhook(live, message: editor.reference) }
        }
        return .channel
    }

    var count: Int { interactions.count }

    private func purgeExpired() {
        let current = now()
        let expired = interactions.filter { $0.value.expiresAt <= current }.map(\.key)
        guard !expired.isEmpty else { return }
        for id in expired { interactions[id] = nil }
        let gone = Set(expired)
        editors = editors.compactMapValues { list in
            let kept = list.filter { !gone.contains($0.interactionID) }
            return kept.isEmpty ? nil : kept
        }
    }
}
