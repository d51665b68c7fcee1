/// The drift computation, apart from any I/O: the current run is the latest finished run that
/// logged the metric (by start time); the baseline is the configured run, or else the best of the
/// finished runs before the current one (higher is better).
public enum DriftAnalysis {
    /// How many runs the trend shows.
    public static let trendLength = 12

    /// - Parameters:
    ///   - runs: the experiment's runs that logged the metric, in any order; unfinished ones are ignored.
    ///   - configuredBaseline: the run `model.baseline_run` names, already read.
    public static func outcome(experiment: String, metric: String, runs: [MeasuredRun],
                               configuredBaseline: MeasuredRun? = nil) -> DriftOutcome {
        let finished = runs.filter(\.isFinished).sorted { a, b in
            a.startTime != b.startTime ? a.startTime > b.startTime : a.id < b.id
        }
        guard let current = finished.first else { return .noRuns(experiment: experiment, metric: metric) }
        let baseline: MeasuredRun, choice: BaselineChoice
        if let configuredBaseline {
            (baseline, choice) = (configuredBaseline, .configured)
        } else {
            let earlier = finished.dropFirst()
            guard let best = earlier.max(by: { $0.value < $1.value }) else {
                return .noEarlierRun(experiment: experiment, metric: metric, current: current)
            }
            (baseline, choice) = (best, .bestOfEarlier(runs: earlier.count))
        }
        guard baseline.value != 0 else {
            return .zeroBaseline(experiment: experiment, metric: metric, current: current, baseline: baseline)
        }
        let drift = (baseline.value - current.value) / baseline.value * 100
        return .drift(DriftReport(experiment: experiment, metric: metric, current: current, baseline: baseline,
                                  baselineChoice: choice, driftPercent: drift, priority: DriftPriority(driftPercent: drift),
                                  recent: Array(finished.prefix(trendLength).reversed())))
    }
}
