/// What the bot says, independent of any platform: each platform renders it its own way
/// (Block Kit, Discord embeds and components, GitHub markdown, console text).
public struct Reply: Sendable, Hashable {
    public var severity: Severity
    public var blocks: [ReplyBlock]

    public init(_ severity: Severity = .info, _ blocks: [ReplyBlock]) {
        self.severity = severity
        self.blocks = blocks
    }

    /// One paragraph of text.
    public static func text(_ text: String, severity: Severity = .info) -> Reply {
        Reply(severity, [.text(text)])
    }

    /// The buttons this reply carries, in order.
    public var buttons: [ReplyButton] {
        blocks.flatMap { block -> [ReplyButton] in
            if case .buttons(let buttons) = block { return buttons }
            return []
        }
    }

    /// The same reply without its buttons: what a decided approval request shows.
    public var withoutButtons: Reply {
        Reply(severity, blocks.filter { if case .buttons = $0 { return false } else { return true } })
    }
}

/// How a reply should look: a platform shows it as a colour, an emoji or a prefix.
public enum Severity: String, Sendable, Hashable, CaseIterable {
    case info, success, warning, failure
}

/// One part of a reply. Text is light markdown: `inline code` only; renderers escape the rest.
public enum ReplyBlock: Sendable, Hashable {
    /// A paragraph.
    case text(String)
    /// Label/value pairs shown side by side where the platform can.
    case fields([ReplyField])
    /// Rows under column headers (pods, runs).
    case table(headers: [String], rows: [[String]])
    /// Preformatted text (logs, plans): never cut mid-line or mid-fence; a long one keeps its end.
    case code(String)
    /// A link with a title.
    case link(title: String, url: String)
    /// Buttons that act (approve / deny).
    case buttons([ReplyButton])
    /// Raw evidence behind an answer (logs, events, numbers), attached collapsed where the
    /// platform can: GitHub `<details>`, a snippet in Slack and Discord.
    case evidence(title: String, body: String)
}

public struct ReplyField: Sendable, Hashable {
    public var label: String
    public var value: String

    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

public struct ReplyButton: Sendable, Hashable {
    public enum Style: String, Sendable, Hashable {
        case primary, danger
    }

    public var label: String
    public var action: ReplyAction
    public var style: Style

    public init(label: String, action: ReplyAction, style: Style) {
        self.label = label
        self.action = action
        self.style = style
    }
}

/// What a button does. Its `identifier` travels through the platform (Slack `action_id`/`value`,
/// Discord `custom_id`) and comes back on a click; `commandText` is what the click means, said by
/// whoever clicked, so it goes through the same understanding and policy as if they typed it.
public struct ReplyAction: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case approve, deny
        /// Yes / No to a command the model inferred: the subject is the confirmation's id.
        case confirm, cancel
        /// Retrain a model (a drift answer's button): the subject is the model's catalog name.
        case retrain
        /// A vote on an AI analysis: the subject is its prompt version (`drift@1`).
        case helpful, unhelpful
        /// An incident thread's actions: the subject is `APP@ENV` (`rollback`: `APP@ENV@VERSION` to
        /// roll back to a version), or the environment (`freeze`).
        case restart, rollback, freeze
        /// An incident's Silence: the subject is `INCIDENT@DURATION` (`12@1h`; `12@off` lifts it).
        case silence
        /// A pipeline failure's Re-run: the subject is `RUN@APP` (`3881497935@iris-classifier`).
        case rerun

        /// Whether the subject is a request or confirmation number (else a name).
        var takesNumber: Bool { [.approve, .deny, .confirm, .cancel].contains(self) }
    }

    public var kind: Kind
    /// `42`, or `iris-classifier`.
    public let subject: String

    public init(kind: Kind, requestID: Int64) {
        self.kind = kind
        self.subject = String(requestID)
    }

    /// `retrain MODEL`.
    public static func retrain(_ model: String) -> ReplyAction { ReplyAction(kind: .retrain, subject: model) }

    /// `restart APP in ENV`.
    public static func restart(_ app: String, in env: String) -> ReplyAction { ReplyAction(kind: .restart, subject: "\(app)@\(env)") }

    /// `rollback APP in ENV [to VERSION]`.
    public static func rollback(_ app: String, in env: String, to version: String? = nil) -> ReplyAction {
        ReplyAction(kind: .rollback, subject: "\(app)@\(env)" + (version.map { "@\($0)" } ?? ""))
    }

    /// `silence incident N for DURATION`, or with `off`, `unsilence incident N`.
    public static func silence(incident: Int64, for duration: String) -> ReplyAction {
        ReplyAction(kind: .silence, subject: "\(incident)@\(duration)")
    }

    /// `rerun run RUN for APP`: the failed jobs of a run of the app's pipeline, again.
    public static func rerun(run: Int64, app: String) -> ReplyAction {
        ReplyAction(kind: .rerun, subject: "\(run)@\(app)")
    }

    /// `freeze ENV`.
    public static func freeze(_ env: String) -> ReplyAction { ReplyAction(kind: .freeze, subject: env) }

    /// `helpful drift@1`, `unhelpful drift@1`.
    public static func feedback(helpful: Bool, prompt: String) -> ReplyAction {
        ReplyAction(kind: helpful ? .helpful : .unhelpful, subject: prompt)
    }

    init(kind: Kind, subject: String) {
        self.kind = kind
        self.subject = subject
    }

    /// `chatops:approve:42`, `chatops:retrain:iris-classifier`.
    public var identifier: String { "chatops:\(kind.rawValue):\(subject)" }

    /// The command a click stands for: `approve 42`, `retrain iris-classifier`, `rollback
    /// iris-classifier in prod to v2.1`.
    public var commandText: String {
        let parts = subject.split(separator: "@").map(String.init)
        switch kind {
        case .restart, .rollback:
            guard parts.count >= 2 else { return "\(kind.rawValue) \(subject)" }
            return "\(kind.rawValue) \(parts[0]) in \(parts[1])" + (parts.count > 2 ? " to \(parts[2])" : "")
        case .silence:
            guard parts.count == 2 else { return "silence \(subject)" }
            return parts[1] == "off" ? "unsilence incident \(parts[0])" : "silence incident \(parts[0]) for \(parts[1])"
        case .rerun:
            guard parts.count == 2 else { return "rerun \(subject)" }
            return "rerun run \(parts[0]) for \(parts[1])"
        default:
            return "\(kind.rawValue) \(subject)"
        }
    }

    /// How to say it by hand where there are no buttons: `approve 42`, `deny 42 REASON`.
    public var typedForm: String { kind == .deny ? "\(commandText) REASON" : commandText }

    /// Reads an identifier back; anything else (another app's button, a forged id or name) is nil.
    public init?(identifier: String) {
        let parts = identifier.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "chatops", let kind = Kind(rawValue: String(parts[1])) else { return nil }
        let subject = parts[2]
        if kind.takesNumber {
            guard subject.count <= 18, subject.allSatisfy(\.isASCII), let id = Int64(subject), id > 0 else { return nil }
            self.init(kind: kind, requestID: id)
        } else if kind == .silence {
            guard subject.wholeMatch(of: /[1-9][0-9]{0,17}@(?:off|[0-9]{1,3}[mhd])/) != nil else { return nil }
            self.init(kind: kind, subject: String(subject))
        } else if kind == .rerun {
            guard subject.wholeMatch(of: /[1-9][0-9]{0,17}@[a-z][a-z0-9-]{0,62}/) != nil else { return nil }
            self.init(kind: kind, subject: String(subject))
        } else {
            // A catalog name (`iris-classifier`), a prompt version (`drift@1`) for votes, `APP@ENV[@VERSION]`
            // for an incident's actions.
            let incident = [Kind.restart, .rollback].contains(kind)
            let allowed: (Character) -> Bool = {
                $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || (kind != .retrain && $0 == "@") || (incident && ($0 == "." || $0 == "_")))
            }
            guard (1...63).contains(subject.count), subject.first?.isLetter == true, subject.allSatisfy(allowed) else { return nil }
            if incident, !(2...3).contains(subject.split(separator: "@", omittingEmptySubsequences: false).count) { return nil }
            self.init(kind: kind, subject: String(subject))
        }
    }
}
