import Foundation
import ReplyModel

/// A drift outcome as a reply: fields for a computed drift (severity by priority: P0 failure,
/// P1 warning, P2 success), a plain explanation when there is nothing to compare.
enum DriftReply {
    static func result(_ outcome: DriftOutcome, model: String) -> Answer {
        switch outcome {
        case .drift(let report):
            return .computed(Reply(severity(report.priority), [.text(summary(report, model: model)), .fields(fields(report))]))
        case .noRuns(let experiment, let metric):
            return .notComputed("MLflow experiment \(experiment) has no finished run that logged \(metric) yet: "
                                + "nothing to measure drift on. Train the model (`retrain \(model)`) and ask again.")
        case .noEarlierRun(let experiment, let metric, let current):
            return .notComputed("Only one finished run in MLflow experiment \(experiment) logged \(metric) "
                                + "(\(current.title): \(number(current.value))): no earlier run to compare with. "
                                + "Set model.baseline_run to compare with a chosen run.")
        case .zeroBaseline(let experiment, let metric, let current, let baseline):
            return .notComputed("The baseline run \(baseline.title) in MLflow experiment \(experiment) has \(metric) 0, "
                                + "so drift in percent cannot be computed (current run \(current.title): \(number(current.value))).")
        }
    }

    enum Answer {
        case computed(Reply)
        case notComputed(String)
    }

    static func severity(_ priority: DriftPriority) -> Severity {
        switch priority {
        case .p0: return .failure
        case .p1: return .warning
        case .p2: return .success
        }
    }

    static func summary(_ report: DriftReport, model: String) -> String {
        let movement = report.driftPercent > 0 ? "dropped \(percent(report.driftPercent))"
            : report.driftPercent < 0 ? "improved \(percent(-report.driftPercent))" : "is unchanged"
        return "\(model): \(report.metric) \(movement) against the baseline — \(report.priority.rawValue)"
    }

    static func fields(_ report: DriftReport) -> [ReplyField] {
        let why: String
        switch report.baselineChoice {
        case .configured: why = "configured (model.baseline_run)"
        case .bestOfEarlier(let runs): why = "the best \(report.metric) of the \(runs) earlier run\(runs == 1 ? "" : "s")"
        }
        return [
            ReplyField("Experiment", report.experiment),
            ReplyField("Metric", "\(report.metric) (higher is better)"),
            ReplyField("Current run", "\(report.current.title): \(number(report.current.value))"),
            ReplyField("Baseline run", "\(report.baseline.title): \(number(report.baseline.value)), \(why)"),
            ReplyField("Drift", String(format: "%.2f%%", report.driftPercent)),
            ReplyField("Priority", report.priority.rawValue),
            ReplyField("Trend", DriftTrend.sparkline(report)),
        ]
    }

    static func percent(_ value: Double) -> String { String(format: "%.2f%%", value) }

    /// A metric as MLflow logged it: 0.9556, not 0.95560000000000001.
    static func number(_ value: Double) -> String { "\(value)" }
}
