import RequestStore

/// Where replies go: the platform adapter posts them in the origin's thread; the console prints them.
public protocol ReplySink: Sendable {
    func send(_ text: String, to origin: MessageOrigin) async
}

/// Passes replies on and keeps a copy, so a delivery can remember what it answered.
actor RecordingReplySink: ReplySink {
    let next: any ReplySink
    private(set) var texts: [String] = []

    init(next: any ReplySink) {
        self.next = next
    }

    func send(_ text: String, to origin: MessageOrigin) async {
        texts.append(text)
        await next.send(text, to: origin)
    }
}
