import ChatOpsCore
import Foundation
import RuleEngine

/// The last check before a text becomes a mutating command: it must not be conditional or
/// scheduled ("if staging is green…", "…tomorrow at 9"), and a question ("can you restart…",
/// "deploy v2.4 to prod?") counts only when it was addressed to the bot. Defence in depth: rules are
/// anchored and should not match such texts anyway.
struct MutationGuard: Sendable {
    private static let conditionalOrScheduled: CompiledPattern = {
        let words = "if|unless|once(?!\\s+(?:more|again))|when|whenever|after|before|until|till|tomorrow|tonight|later|eod|eow|"
            + "monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|morning|afternoon|evening|noon|midnight"
        // "once" as in "once the tests pass", not "once more" / "once again".
        let pattern = "(?<![a-z0-9-])(?:" + words + ")(?![a-z0-9-])"
            + "|(?<![a-z0-9-])(?:at|by)\\s+\\d{1,2}(?::\\d\\d)?\\s*(?:am|pm)?(?![a-z0-9])"
            + "|(?<![a-z0-9-])in\\s+\\d+\\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)(?![a-z0-9])"
            + "|\\d{1,2}(?::\\d\\d)?\\s*(?:am|pm)(?![a-z0-9])"
        return try! CompiledPattern(pattern, options: [.utf, .unicodeProperties, .caseInsensitive])
    }()

    /// Command-line tools whose lines the rules understand (`kubectl rollout restart …`).
    static let cliTools = ["kubectl", "argocd", "gh"]

    /// - Parameter freeText: slot values that are the user's own words (a deny or freeze reason);
    ///   they explain the command rather than condition it, so they are not checked.
    func refusal(for intent: Intent, text: ScreenedText, freeText: [String] = []) -> String? {
        guard intent.isMutating else { return nil }
        if (text.isPoliteQuestion || text.endsWithQuestionMark) && !text.isAddressed {
            return "a question is not a command: address the bot (@chatops …) or state the command"
        }
        // A CLI line in a channel is usually someone showing what they ran, not asking the bot.
        if !text.isAddressed, let tool = Self.cliTools.first(where: { text.body.lowercased().hasPrefix($0 + " ") }) {
            return "a \(tool) command line is run only when addressed to the bot (@chatops \(tool) …, or a slash command)"
        }
        let matcher = PatternMatcher(maxCaptureCount: Self.conditionalOrScheduled.captureCount)
        var command = text.body
        for words in freeText where !words.isEmpty {
            if let range = command.range(of: words, options: [.caseInsensitive, .backwards]) { command.removeSubrange(range) }
        }
        let scheduled: Bool
        do { scheduled = try matcher.captures(of: Self.conditionalOrScheduled, in: command) != nil } catch {
            scheduled = true  // could not tell: refuse rather than guess
        }
        return scheduled ? "conditional or scheduled commands are not run: send the command when it should happen" : nil
    }
}
