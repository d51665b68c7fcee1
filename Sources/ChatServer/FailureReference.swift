/// A short random id (`chatops-1f2e3d4c`) that ties a failure reply to its log entry: the thread
/// learns that something failed and what to quote to the operator, and the store path, SQL or
/// backend error that explains it stays in the log.
enum FailureReference {
    static func make() -> String {
        let hex = String(UInt32.random(in: .min ... .max), radix: 16)
        return "chatops-" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}
