import ChatOpsMetrics
import CoreMetrics
import Prometheus
import Synchronization

/// The process's metrics for Prometheus: swift-metrics bootstrapped once with a Prometheus
/// registry (every app the process loads records into it), rendered in the text exposition
/// format for `GET /metrics`.
public enum MetricsExport {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // Seconds to minutes: approvals wait long; webhooks answer in milliseconds.
        factory.durationHistogramBuckets["chatops_approval_wait_seconds"] =
            [5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200].map { .seconds($0) }
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    /// Makes sure the registry is the metrics system's (idempotent).
    public static func start() { _ = registry }

    /// Every series, in Prometheus' text format (version 0.0.4).
    public static func text() -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }
}

/// Turns the store's audit-head observations into `chatops_audit_entries_total` and the head gauges.
final class AuditHeadMetrics: Sendable {
    private let last = Mutex<(sequence: Int64?, head: CoreMetrics.Gauge?)>((nil, nil))

    func observe(_ sequence: Int64, hash: String) {
        let entries = last.withLock { previous -> Int in
            defer {
                if sequence >= (previous.sequence ?? sequence) {
                    previous = (sequence, BotMetrics.auditHead(sequence: sequence, hash: hash, replacing: previous.head))
                }
            }
            return previous.sequence.map { Int(sequence - $0) } ?? 1
        }
        BotMetrics.auditAppended(entries: entries, head: sequence)
    }
}
