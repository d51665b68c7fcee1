import Approvals
import ChatOpsCore
import GRDB

/// Origins are stored as four columns (`platform`, `channel`, `thread`, `message_id`), with a
/// prefix where the table has other columns of those names; a NULL platform means no origin.
extension MessageOrigin {
    static func columns(_ origin: MessageOrigin?, prefix: String) -> SQLColumns {
        [(prefix + "platform", origin?.platform), (prefix + "channel", origin?.channel),
         (prefix + "thread", origin?.thread), (prefix + "message_id", origin?.messageID)]
    }

    init?(row: Row, prefix: String) throws {
        guard let platform: String = try row.decode(forColumn: prefix + "platform") else { return nil }
        self.init(platform: platform,
                  channel: try row.decode(forColumn: prefix + "channel"),
                  thread: try row.decode(forColumn: prefix + "thread"),
                  messageID: try row.decode(forColumn: prefix + "message_id"))
    }
}
