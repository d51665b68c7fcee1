/// What became of a message.
public enum HandlingOutcome: Sendable, Hashable {
    case handled
    /// The delivery id was seen before: nothing was done again. `previousReply` is what was said then.
    case duplicate(previousReply: String?)
}
