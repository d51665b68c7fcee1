/// Keeps a prompt under a size: a longer one loses its middle, and a marker in its place says how
/// much went. The head holds the question and the first evidence; the tail holds the latest (a
/// log's last lines, where the error usually is).
public struct PromptCap: Sendable, Hashable {
    public let maxCharacters: Int

    public init(maxCharacters: Int) {
        self.maxCharacters = max(maxCharacters, 200)
    }

    /// `text` itself when it fits; else head, marker and tail, together at most `maxCharacters`.
    public func apply(_ text: String) -> String {
        let count = text.count
        guard count > maxCharacters else { return text }
        // The marker's length depends on the number it carries; one wide enough for `count` is used to size the cut.
        let kept = maxCharacters - Self.marker(cut: count).count
        let head = kept / 2, tail = kept - head
        return String(text.prefix(head)) + Self.marker(cut: count - kept) + String(text.suffix(tail))
    }

    static func marker(cut: Int) -> String {
        "\n[… \(cut) characters cut from the middle to keep the prompt short …]\n"
    }
}
