import Approvals
import ChatOpsCore
import Conversation
import Foundation
import ReplyModel

/// Prints the bot's replies to standard output, one after another, as a chat would show them.
struct ConsoleSink: ReplySink {
    func send(_ reply: Reply, to origin: MessageOrigin) async -> MessageOrigin? {
        FileHandle.standardOutput.write(Data((PlainTextRenderer.render(reply) + "\n").utf8))
        return nil
    }

    /// A terminal cannot change what it printed: the decision is printed where it is made.
    func update(_ posted: MessageOrigin, with reply: Reply) async {}
}

enum ConsoleMessage {
    static let platform = "console"

    static func make(user: String, channel: String?, text: String) -> IncomingMessage {
        let origin = MessageOrigin(platform: platform, channel: channel ?? "console", thread: nil,
                                   messageID: UUID().uuidString.lowercased())
        // The console is a direct conversation with the bot: no need to address it by name.
        return IncomingMessage(platformUser: "\(platform):\(user)", origin: origin, text: text, isAddressedByPlatform: true)
    }

    /// Console user names: what `--as` accepts.
    static func validate(user: String) -> String? {
        let ok = !user.isEmpty && user.count <= 64 && user.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
        }
        return ok ? nil : "--as takes a user name of letters, digits, '-', '_' and '.' (e.g. --as alice), not '\(user)'"
    }
}
