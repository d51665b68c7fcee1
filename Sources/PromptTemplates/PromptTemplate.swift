import Mustache

/// One prompt from `prompts/`: a Mustache template in two parts, the instructions (`system`) and
/// the question with its evidence (`user`), with a version stored with every answer it produced,
/// so votes and regressions can be traced to the wording that caused them.
///
///     {{! prompt: intent, version: 3 }}
///     {{! system }}
///     You turn chat messages into …
///     {{! user }}
///     Message: {{text}}
public struct PromptTemplate: Sendable {
    /// `intent`, `incident-rca`, `drift`, `pipeline-triage`: the file name without `.mustache`.
    public let name: String
    public let version: Int
    /// The file it came from, for messages.
    public let file: String
    let system: MustacheTemplate
    let user: MustacheTemplate

    /// `intent@3`: what is stored with an answer.
    public var versionTag: String { "\(name)@\(version)" }

    /// Both parts rendered with `values` (strings, numbers, booleans, arrays and dictionaries of
    /// them). Values are inserted as they are: the templates are plain text, never HTML.
    public func render(_ values: [String: Any]) -> RenderedPrompt {
        RenderedPrompt(system: Self.tidy(system.render(values)), user: Self.tidy(user.render(values)), versionTag: versionTag)
    }

    /// Trims the ends and folds runs of blank lines that sections leave behind into one.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let blank = line.allSatisfy(\.isWhitespace)
            if blank, lines.last?.allSatisfy(\.isWhitespace) ?? true { continue }
            lines.append(blank ? "" : line)
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A prompt ready to send.
public struct RenderedPrompt: Sendable, Hashable {
    public let system: String
    public let user: String
    /// `intent@3`.
    public let versionTag: String
}
