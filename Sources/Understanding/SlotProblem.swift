/// Why a matched slot was refused. Each message names the value, what was expected and
/// what is known, so the reply tells the user how to fix the command.
public struct SlotProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public let slot: String
    public let message: String

    public init(slot: String, message: String) {
        self.slot = slot
        self.message = message
    }

    public var description: String { message }
}
