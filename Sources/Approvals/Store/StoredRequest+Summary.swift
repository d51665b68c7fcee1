import ChatOpsCore
/// `deploy app=iris-classifier env=prod version=v2.3`: how notices and replies name a request,
/// short enough for one line and with slots sorted so the same request always reads the same.
extension StoredRequest {
    public var summary: String {
        ([intent.rawValue] + slots.keys.sorted().map { "\($0)=\(slots[$0]!)" }).joined(separator: " ")
    }
}
