import Approvals
import ChatOpsCore
import Conversation
import Foundation

/// Requests and audit entries as JSON with a fixed key order (`requests --json`, `audit export --json`).
enum RequestJSON {
    static func request(_ r: StoredRequest) -> String {
        object([
            ("id", String(r.id)),
            ("intent", JSONText.string(r.intent.rawValue)),
            ("slots", JSONText.object(r.slots)),
            ("env", optional(r.env)),
            ("requester", JSONText.string(r.requester)),
            ("state", JSONText.string(r.state.rawValue)),
            ("summary", JSONText.string(CommandPhrase.text(r.intent, r.slots))),
            ("text", JSONText.string(r.text)),
            ("dry_run", String(r.isDryRun)),
            ("approvers", optional(r.approvers)),
            ("quorum", String(r.quorum)),
            ("approvals", "[" + r.approvals.map { a in
                object([("approver", JSONText.string(a.approver)), ("at", time(a.at))])
            }.joined(separator: ",") + "]"),
            ("created_at", time(r.createdAt)),
            ("updated_at", time(r.updatedAt)),
            ("expires_at", r.expiresAt.map(time) ?? "null"),
            ("origin", origin(r.origin)),
            ("result", optional(r.result)),
            ("transitions", "[" + r.transitions.map(transition).joined(separator: ",") + "]"),
        ])
    }

    static func transition(_ t: TransitionRecord) -> String {
        object([
            ("from", optional(t.from?.rawValue)),
            ("to", JSONText.string(t.to.rawValue)),
            ("actor", JSONText.string(t.actor)),
            ("at", time(t.at)),
            ("reason", optional(t.reason)),
            ("origin", t.origin.map(origin) ?? "null"),
        ])
    }

    static func audit(_ e: AuditEntry) -> String {
        object([
            ("seq", String(e.seq)),
            ("at", time(e.at)),
            ("actor", JSONText.string(e.actor)),
            ("action", JSONText.string(e.action)),
            ("request_id", e.requestID.map { String($0) } ?? "null"),
            ("detail", e.detail.isEmpty ? "{}" : e.detail),
            ("prev_hash", JSONText.string(e.previousHash)),
            ("hash", JSONText.string(e.hash)),
        ])
    }

    static func origin(_ o: MessageOrigin) -> String {
        object([("platform", JSONText.string(o.platform)), ("channel", optional(o.channel)),
                ("thread", optional(o.thread)), ("message_id", optional(o.messageID))])
    }

    static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { JSONText.string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    static func optional(_ s: String?) -> String { s.map(JSONText.string) ?? "null" }

    /// RFC 3339 in UTC with milliseconds: `2026-11-21T09:30:00.000Z`.
    static func time(_ date: Date) -> String {
        JSONText.string(date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
    }
}
