import Foundation

/// Named points in the request flow where a test can make the process stop dead
/// (`CHATOPS_CRASHPOINT=after-claim`): it announces the point on standard error and waits to be
/// killed, so crash-safety tests can SIGKILL it exactly there and check the store after restart.
public struct Crashpoint: Sendable {
    let armed: String?

    public init(armed: String?) {
        self.armed = armed
    }

    func reach(_ name: String) {
        guard armed == name else { return }
        FileHandle.standardError.write(Data("chatops: crashpoint \(name) reached\n".utf8))
        while true { sleep(3600) }
    }
}
