import ChatOpsCore

/// The words a `/word` line must start with to be taken as a command for this bot. Repositories
/// host other bots with slash commands (Prow's `/lgtm`, `/hold`, `/assign @x`, `/retest`); those
/// lines are not for us, and answering each with "didn't understand" spams the thread and quotes
/// the people they mention. A line addressed as `@chatops …` is always ours, whatever its verb.
enum CommandVerbs {
    /// Every intent's name (`/deploy`, `/status`, `/approve` …), and the few other verbs the shipped
    /// rules (rules/*.yaml) start a command with that people type as a slash command: `ship` for
    /// deploy, `revert` for rollback, `resync` for sync, `reject` for deny, `log` and `tail` for logs,
    /// `debug` and `investigate` for diagnose, `classify` for predict, `thaw` for unfreeze.
    /// Left out on purpose: `lgtm` and `+1` (Prow and people use them without a request number),
    /// and verbs such as `show`, `get` or `check` that are as likely to start another bot's command.
    static let known: Set<String> = Set(Intent.allCases.map(\.rawValue)).union([
        "ship", "revert", "resync", "reject", "log", "tail", "debug", "investigate", "classify", "thaw",
        // Yes / No to a command the language model inferred (`/confirm 7`, `/cancel 7`).
        "confirm", "cancel",
        // A vote on an AI analysis (`/helpful drift@1`).
        "helpful", "unhelpful",
        // An incident issue's silence (`/silence incident 3 for 1h`, `/unsilence incident 3`).
        "unsilence",
    ])
}
