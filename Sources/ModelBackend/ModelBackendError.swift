/// What went wrong reaching the model server or MLflow, worded for the thread: what failed (the
/// service, the model or experiment, the answer), what to do, and the server's own words.
public struct ModelBackendError: Error, Sendable, Hashable, CustomStringConvertible {
    /// "The model server answered 404 for model iris-classifier".
    public let failure: String
    /// What the reader can do about it.
    public let advice: String
    /// The server's message, when it gave one.
    public let serverMessage: String?

    public init(failure: String, advice: String, serverMessage: String? = nil) {
        self.failure = failure
        self.advice = advice
        self.serverMessage = serverMessage.flatMap { $0.isEmpty ? nil : $0 }
    }

    public var description: String {
        "\(failure): \(advice)" + (serverMessage.map { " — \($0)" } ?? "")
    }
}
