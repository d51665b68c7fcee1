import ChatOpsCore
import Understanding

/// Commands of the bot's own buttons and thread words, for intents outside the catalog: no rule
/// file or model produces them and `parse` never shows them, so they are read here, before the
/// rules, and only from messages addressed to the bot.
enum BuiltInCommands {
    static func parse(_ body: String, normalizer: SlotNormalizer) -> Result<ParsedCommand, SlotProblem>? {
        SilenceCommand.parse(body, normalizer: normalizer) ?? RerunCommand.parse(body, normalizer: normalizer)
    }
}

/// `silence incident 12 for 1h` and `unsilence incident 12`: what an incident's Silence button
/// (and `silence 1h` typed in its thread) says. Built in rather than a rule: silence is not an
/// intent of the catalog, so no rule file or model produces it and `parse` never shows it.
enum SilenceCommand {
    static func parse(_ body: String, normalizer: SlotNormalizer) -> Result<ParsedCommand, SlotProblem>? {
        let words = body.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
        let raw: [String: String]
        // The prefixes first: a regex literal is parsed again each time it is evaluated, on every message.
        if words.hasPrefix("silence incident "), let match = words.wholeMatch(of: /silence incident #?([0-9]{1,18}) for ([0-9a-z]{1,8})/) {
            raw = ["incident": String(match.1), "duration": String(match.2)]
        } else if words.hasPrefix("unsilence incident "), let match = words.wholeMatch(of: /unsilence incident #?([0-9]{1,18})/) {
            raw = ["incident": String(match.1), "duration": "off"]
        } else {
            return nil
        }
        return normalizer.normalize(raw, intent: .silence, channel: nil).map {
            ParsedCommand(intent: .silence, slots: $0, source: .rule, ruleID: "builtin.silence")
        }
    }
}

/// `rerun run 3881497935 for iris-classifier`: what a pipeline failure's Re-run button (and
/// `rerun` typed in its thread) says. The app names the pipeline whose repository holds the run.
enum RerunCommand {
    static func parse(_ body: String, normalizer: SlotNormalizer) -> Result<ParsedCommand, SlotProblem>? {
        let words = body.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
        guard words.hasPrefix("rerun ") || words.hasPrefix("re-run "),
              let match = words.wholeMatch(of: /re-?run (?:the failed jobs of )?run #?([0-9]{1,20}) (?:for|of) ([a-z0-9][a-z0-9._-]{0,62})/) else {
            return nil
        }
        return normalizer.normalize(["run": String(match.1), "app": String(match.2)], intent: .rerun, channel: nil).map {
            ParsedCommand(intent: .rerun, slots: $0, source: .rule, ruleID: "builtin.rerun")
        }
    }
}
