/// An MLflow run that logged the drift metric.
public struct MeasuredRun: Sendable, Hashable {
    public let id: String
    public let name: String?
    /// Milliseconds since 1970 (MLflow's `start_time`).
    public let startTime: Int64
    /// The metric's latest value in this run.
    public let value: Double
    public let isFinished: Bool

    public init(id: String, name: String?, startTime: Int64, value: Double, isFinished: Bool = true) {
        self.id = id
        self.name = name
        self.startTime = startTime
        self.value = value
        self.isFinished = isFinished
    }

    /// "logreg-C1.0 (df621e52)", or the id alone.
    public var title: String { name.map { "\($0) (\(id.prefix(8)))" } ?? String(id.prefix(12)) }
}

/// The runbook's priorities: P0 above 10% drift, P1 from 5% to 10% inclusive, P2 below 5%
/// (an improvement is P2 too).
public enum DriftPriority: String, Sendable, Hashable {
    case p0 = "P0", p1 = "P1", p2 = "P2"

    public init(driftPercent: Double) {
        // Rounded to a billionth of a percent so that 0.72 against 0.8 counts as exactly 10%.
        let drift = (driftPercent * 1e9).rounded() / 1e9
        self = drift > 10 ? .p0 : drift >= 5 ? .p1 : .p2
    }
}

/// Why this run is the baseline.
public enum BaselineChoice: Sendable, Hashable {
    /// Named by `model.baseline_run`.
    case configured
    /// The highest metric among this many finished runs before the current one.
    case bestOfEarlier(runs: Int)
}

/// The drift facts for one model: what the reply shows, and what the AI drift explanation reads.
public struct DriftReport: Sendable, Hashable {
    public let experiment: String
    public let metric: String
    public let current: MeasuredRun
    public let baseline: MeasuredRun
    public let baselineChoice: BaselineChoice
    /// (baseline − current) / baseline × 100: positive is worse, negative an improvement.
    public let driftPercent: Double
    public let priority: DriftPriority
    /// The last finished runs, oldest first, ending with the current one: the metric's trend.
    public let recent: [MeasuredRun]
}

/// What drift comes to for an experiment's runs.
public enum DriftOutcome: Sendable, Hashable {
    case drift(DriftReport)
    /// No finished run logged the metric.
    case noRuns(experiment: String, metric: String)
    /// Only one finished run logged the metric, and no baseline is configured.
    case noEarlierRun(experiment: String, metric: String, current: MeasuredRun)
    /// The baseline's metric is 0, so a drift in percent means nothing.
    case zeroBaseline(experiment: String, metric: String, current: MeasuredRun, baseline: MeasuredRun)
}
