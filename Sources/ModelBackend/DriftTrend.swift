/// The metric over the last runs as a sparkline, oldest first, the baseline run in brackets:
/// `▁[█]▆` (a configured baseline that is not among them is named after it).
enum DriftTrend {
    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func sparkline(_ report: DriftReport) -> String {
        let values = report.recent.map(\.value)
        guard let low = values.min(), let high = values.max() else { return "" }
        let line = report.recent.map { run -> String in
            let level = high > low ? Int(((run.value - low) / (high - low) * Double(bars.count - 1)).rounded()) : bars.count / 2
            let bar = String(bars[max(0, min(bars.count - 1, level))])
            return run.id == report.baseline.id ? "[\(bar)]" : bar
        }.joined()
        let baselineShown = report.recent.contains { $0.id == report.baseline.id }
        return line + " (\(report.recent.count) run\(report.recent.count == 1 ? "" : "s"), oldest first; "
            + (baselineShown ? "[ ] is the baseline" : "the baseline \(report.baseline.title) is older") + ")"
    }

    /// The values as the drift prompt gets them: `0.9333, 0.9667 (baseline), 0.9556 (latest)`.
    static func values(_ report: DriftReport) -> String {
        report.recent.enumerated().map { index, run in
            var text = DriftReply.number(run.value)
            if run.id == report.baseline.id { text += " (baseline)" }
            if index == report.recent.count - 1 { text += " (latest)" }
            return text
        }.joined(separator: ", ")
    }
}
