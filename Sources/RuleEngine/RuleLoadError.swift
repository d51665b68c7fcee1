import YAMLSupport

/// Everything wrong with a set of rule files, each problem naming its file, line and key.
public struct RuleLoadError: Error, Sendable, CustomStringConvertible {
    public let problems: [YAMLError]

    public init(problems: [YAMLError]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
