/// Why the prompts cannot be used, with the file and line to fix: start-up stops on it.
public struct PromptError: Error, Sendable, Hashable, CustomStringConvertible {
    public let file: String
    /// 1-based; nil when the problem is the whole file (missing, unreadable).
    public let line: Int?
    public let problem: String

    public init(file: String, line: Int? = nil, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(problem)"
    }
}
