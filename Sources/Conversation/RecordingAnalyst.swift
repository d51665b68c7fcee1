import Approvals
import Execution
import Foundation
import Logging

/// An analyst whose every analysis is kept in the store with the prompt version and model that
/// wrote it, so the votes on a version can be read against what it said (`chatops feedback`).
/// A failure to keep it is logged; the analysis is still shown.
public struct RecordingAnalyst: Analyst {
    let analyst: any Analyst
    let store: any FeedbackStore
    let logger: Logger
    let now: @Sendable () -> Date

    public init(_ analyst: any Analyst, store: any FeedbackStore, logger: Logger, now: @escaping @Sendable () -> Date = { Date() }) {
        self.analyst = analyst
        self.store = store
        self.logger = logger
        self.now = now
    }

    public func analyse(_ request: AnalysisRequest) async -> AnalysisOutcome {
        let outcome = await analyst.analyse(request)
        guard case .analysed(let text, let model, let version) = outcome else { return outcome }
        do {
            try await store.recordAnalysis(AnalysisRecord(promptVersion: version, model: model, subject: Self.subject(request), text: text),
                                           at: now())
        } catch {
            logger.error("the analysis could not be kept", metadata: ["prompt": "\(version)", "error": "\(error)"])
        }
        return outcome
    }

    /// `incident-rca app=iris-classifier environment=prod`: the prompt and its text values, sorted.
    static func subject(_ request: AnalysisRequest) -> String {
        let values = request.values.keys.sorted().compactMap { key -> String? in
            guard case .text(let value) = request.values[key] else { return nil }
            return "\(key)=\(value)"
        }
        return ([request.prompt] + values).joined(separator: " ")
    }
}
