import Foundation

/// Tells what kind of failure a run had from the names of its failed steps and jobs and the log
/// lines around its errors, using the signals in `FailureSignals`.
///
/// The order of the search is the precedence: a specific signal anywhere beats a generic word;
/// among equals a failed step's name beats its job's name, which beats a log line (the step is
/// where it broke); then `FailureSignals.precedence` decides between kinds.
public enum FailureClassifier {
    public static func classify(failedSteps: [String], failedJobs: [String], logLines: [String]) -> FailureClassification {
        let sources: [(label: String, texts: [String])] = [("step", failedSteps), ("job", failedJobs), ("log line", logLines)]
        for specific in [true, false] {
            for source in sources where specific || source.label != "log line" {
                for kind in FailureSignals.precedence {
                    guard let row = FailureSignals.table.first(where: { $0.kind == kind }) else { continue }
                    let patterns = specific ? row.specific : row.generic
                    for text in source.texts {
                        let normalised = SignalText(text)
                        if let pattern = patterns.first(where: { $0.matches(normalised) }) {
                            return FailureClassification(kind: kind, evidence: "\(source.label) “\(excerpt(text))”: \(pattern)")
                        }
                    }
                }
            }
        }
        return FailureClassification(kind: .other, evidence: nil)
    }

    static func excerpt(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.count > 120 ? String(trimmed.prefix(120)) + "…" : trimmed
    }
}
