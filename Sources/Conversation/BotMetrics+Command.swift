import ChatOpsCore
import ChatOpsMetrics

extension BotMetrics {
    /// `chatops_commands_total` for a command: its intent, where it was understood (rule or
    /// model), and what became of it at this step.
    static func command(_ parsed: ParsedCommand, outcome: String) {
        command(intent: parsed.intent.rawValue, source: parsed.source.rawValue, outcome: outcome)
    }
}
