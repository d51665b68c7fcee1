import Approvals
import ChatOpsCore
import ReplyModel

/// Where replies go: the platform adapter posts them in the origin's thread; the console prints them.
public protocol ReplySink: Sendable {
    /// Posts `reply` in the origin's thread. Returns where it was posted when the platform can
    /// update that message later (approval prompts are updated with the decision), nil otherwise.
    @discardableResult
    func send(_ reply: Reply, to origin: MessageOrigin) async -> MessageOrigin?
    /// Replaces a message posted earlier (`chat.update`, a Discord message edit).
    func update(_ posted: MessageOrigin, with reply: Reply) async
}

/// Passes replies on and keeps a plain-text copy, so a delivery can remember what it answered.
actor RecordingReplySink: ReplySink {
    let next: any ReplySink
    private(set) var texts: [String] = []

    init(next: any ReplySink) {
        self.next = next
    }

    func send(_ reply: Reply, to origin: MessageOrigin) async -> MessageOrigin? {
        texts.append(PlainTextRenderer.render(reply))
        return await next.send(reply, to: origin)
    }

    func update(_ posted: MessageOrigin, with reply: Reply) async {
        await next.update(posted, with: reply)
    }
}
