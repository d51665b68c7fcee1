import Approvals
import ChatOpsCore

/// The `detail` of an audit entry: a JSON object with sorted keys, written by hand so that the
/// same facts always give the same bytes — the hash chain depends on it.
enum AuditDetail {
    enum Value {
        case text(String?)
        case number(Int64)
        case flag(Bool)
        case origin(MessageOrigin?)
        case slots([String: SlotValue])
    }

    static func json(_ fields: [String: Value]) -> String {
        object(fields.mapValues(encode))
    }

    private static func encode(_ value: Value) -> String {
        switch value {
        case .text(let s): return s.map(JSONText.string) ?? "null"
        case .number(let n): return String(n)
        case .flag(let b): return b ? "true" : "false"
        case .slots(let slots): return JSONText.object(slots)
        case .origin(nil): return "null"
        case .origin(let origin?):
            let members: [String: String?] = ["platform": origin.platform, "channel": origin.channel,
                                              "thread": origin.thread, "message_id": origin.messageID]
            return object(members.compactMapValues { $0.map(JSONText.string) })
        }
    }

    private static func object(_ members: [String: String]) -> String {
        "{" + members.keys.sorted().map { JSONText.string($0) + ":" + members[$0]! }.joined(separator: ",") + "}"
    }
}
