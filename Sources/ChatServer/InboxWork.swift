/// What an adapter stores with a delivery it answers before handling: enough to handle it again
/// after a crash, and nothing secret (no tokens, no response URLs). `kind` names the adapter's
/// handler (`command`, `message`); `body` is that handler's input, in the adapter's own form.
public struct InboxWork: Sendable, Hashable {
    public let kind: String
    public let body: [UInt8]

    public init(kind: String, body: [UInt8]) {
        precondition(!kind.utf8.contains(UInt8(ascii: "\n")), "an inbox work kind is one line")
        self.kind = kind
        self.body = body
    }

    /// `kind`, a newline, then `body`.
    public var encoded: [UInt8] {
        var bytes = Array(kind.utf8)
        bytes.reserveCapacity(bytes.count + 1 + body.count)
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: body)
        return bytes
    }

    /// Nil when `encoded` has no kind line.
    public init?(encoded: [UInt8]) {
        guard let newline = encoded.firstIndex(of: UInt8(ascii: "\n")), newline > 0 else { return nil }
        kind = String(decoding: encoded[..<newline], as: UTF8.self)
        body = Array(encoded[(newline + 1)...])
    }
}
