import Approvals
import ChatOpsCore
import Logging

extension ChatBot {
    /// The note that keeps the id of the inbound request that made a request, for the lines
    /// logged when it is approved and run from another delivery.
    static let requestIDNote = "request_id"

    /// One line about request `request`: what happened (`recorded`, `approved`, `running`,
    /// `finished`…), with the inbound request's id and, when it differs, `origin`: the id of the
    /// one that made it.
    func logRequest(_ what: String, _ request: StoredRequest, origin: String?, _ details: Logger.Metadata = [:]) {
        var metadata: Logger.Metadata = ["request": "\(request.id)", "intent": "\(request.intent.rawValue)",
                                         "requester": "\(request.requester)"]
        if let current = RequestID.current { metadata["request_id"] = "\(current)" }
        if let origin, origin != RequestID.current { metadata["origin_request_id"] = "\(origin)" }
        logger.info("request \(what)", metadata: metadata.merging(details) { _, new in new })
    }

    /// The id of the inbound request that made `request` (kept in its notes), for the steps a
    /// later delivery causes.
    func originRequestID(of request: StoredRequest) async -> String? {
        try? await store.executionNote(requestID: request.id, key: Self.requestIDNote)
    }
}
