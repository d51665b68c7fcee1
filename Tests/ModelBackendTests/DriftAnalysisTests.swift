import Foundation
import ModelBackend
import Testing

@Suite("Drift computation: current vs baseline, drift %, priority")
struct DriftAnalysisTests {
    func run(_ id: String, at time: Int64, _ value: Double, finished: Bool = true) -> MeasuredRun {
        MeasuredRun(id: id, name: nil, startTime: time, value: value, isFinished: finished)
    }

    func report(_ runs: [MeasuredRun], baseline: MeasuredRun? = nil) throws -> DriftReport {
        guard case .drift(let report) = DriftAnalysis.outcome(experiment: "iris-classification", metric: "accuracy", runs: runs,
                                                              configuredBaseline: baseline) else {
            throw DriftTestError.noReport
        }
        return report
    }

    enum DriftTestError: Error { case noReport }

    @Test("the captured runs: the latest is current, the best earlier one the baseline")
    func capturedRuns() throws {
        let json = try #require(ModelFixtures.json("runs-search.response.json") as? [String: Any])
        let runs = try #require(json["runs"] as? [[String: Any]]).map { run -> MeasuredRun in
            let info = run["info"] as! [String: Any]
            let metrics = (run["data"] as! [String: Any])["metrics"] as! [[String: Any]]
            let accuracy = metrics.first { $0["key"] as? String == "accuracy" }!["value"] as! Double
            return MeasuredRun(id: info["run_id"] as! String, name: info["run_name"] as? String,
                               startTime: (info["start_time"] as! NSNumber).int64Value, value: accuracy)
        }
        let latest = try #require(runs.max { $0.startTime < $1.startTime })
        let best = try #require(runs.filter { $0 != latest }.max { $0.value < $1.value })
        let report = try report(runs)
        #expect(report.current == latest)
        #expect(report.baseline == best)
        #expect(report.baselineChoice == .bestOfEarlier(runs: 2))
        #expect(report.driftPercent == (best.value - latest.value) / best.value * 100)
        // The capture: logreg-C10.0 (0.9556) after logreg-C1.0 (0.9667) and logreg-C0.1 (0.9333): about 1.15%, below 5%.
        #expect(latest.value == 0.9556 && best.value == 0.9667)
        #expect(abs(report.driftPercent - 1.148) < 0.001)
        #expect(report.priority == .p2)
    }

    @Test("priorities at and around the runbook's boundaries", arguments: [
        (1.0, 0.89, DriftPriority.p0),  // 11%
        (0.8, 0.7199, .p0),  // 10.0125%
        (0.8, 0.72, .p1),  // exactly 10% (10.000000000000009 in floating point)
        (1.0, 0.93, .p1),  // 7%
        (0.7, 0.665, .p1),  // exactly 5% (4.999999999999989 in floating point)
        (0.8, 0.7601, .p2),  // 4.9875%
        (0.8, 0.8, .p2),  // equal
        (0.8, 0.84, .p2),  // an improvement of 5%
    ])
    func priorities(baseline: Double, current: Double, expected: DriftPriority) throws {
        let report = try report([run("old", at: 1, baseline), run("new", at: 2, current)])
        #expect(report.priority == expected)
        #expect(abs(report.driftPercent - (baseline - current) / baseline * 100) < 1e-12)
    }

    @Test("an improvement is a negative drift")
    func improvement() throws {
        let report = try report([run("old", at: 1, 0.8), run("new", at: 2, 0.84)])
        #expect(report.driftPercent < 0)
    }

    @Test("the baseline is the best of the runs before the current one, not a later or unfinished one")
    func baselineChoice() throws {
        let runs = [run("a", at: 1, 0.90), run("b", at: 2, 0.95), run("c", at: 3, 0.93), run("d", at: 4, 0.99, finished: false)]
        let report = try report(runs.shuffled())
        #expect(report.current.id == "c")
        #expect(report.baseline.id == "b")
        #expect(report.baselineChoice == .bestOfEarlier(runs: 2))
    }

    @Test("a configured baseline is used whatever the earlier runs hold")
    func configuredBaseline() throws {
        let pinned = run("pinned", at: 0, 0.5)
        let report = try report([run("a", at: 1, 0.95), run("b", at: 2, 0.45)], baseline: pinned)
        #expect(report.baseline == pinned)
        #expect(report.baselineChoice == .configured)
        #expect(abs(report.driftPercent - 10) < 1e-9)
        #expect(report.priority == .p1)
    }

    @Test("nothing to compare: no runs, a single run, a zero baseline")
    func nothingToCompare() {
        let only = run("only", at: 1, 0.9)
        #expect(DriftAnalysis.outcome(experiment: "e", metric: "accuracy", runs: []) == .noRuns(experiment: "e", metric: "accuracy"))
        #expect(DriftAnalysis.outcome(experiment: "e", metric: "accuracy", runs: [run("x", at: 1, 0.9, finished: false)])
            == .noRuns(experiment: "e", metric: "accuracy"))
        #expect(DriftAnalysis.outcome(experiment: "e", metric: "accuracy", runs: [only])
            == .noEarlierRun(experiment: "e", metric: "accuracy", current: only))
        let zero = run("zero", at: 0, 0)
        #expect(DriftAnalysis.outcome(experiment: "e", metric: "accuracy", runs: [zero, only])
            == .zeroBaseline(experiment: "e", metric: "accuracy", current: only, baseline: zero))
    }
}
