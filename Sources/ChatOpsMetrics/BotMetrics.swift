import CoreMetrics

/// The bot's metrics, named as Prometheus expects them (`_total` counters, `_seconds`
/// histograms), each with a fixed set of labels. Recorded through swift-metrics, so a layer
/// records without knowing the exporter; the composition root bootstraps Prometheus and `chatops
/// serve` answers `GET /metrics`. Label values are names from the configuration and the code
/// (intents, backends, platforms, outcomes) — never user text or secrets.
public enum BotMetrics {
    /// Every series name the bot exports (histograms add `_bucket`, `_sum` and `_count`): what
    /// the shipped dashboard and alert rules may use.
    public static let series = [
        "chatops_commands_total", "chatops_approval_wait_seconds", "chatops_webhook_duration_seconds",
        "chatops_executor_calls_total", "chatops_executor_errors_total", "chatops_llm_calls_total", "chatops_llm_tokens_total",
        "chatops_llm_errors_total", "chatops_incidents_open", "chatops_alert_queue_depth", "chatops_audit_entries_total",
        "chatops_audit_head_sequence", "chatops_audit_head",
    ]

    /// `chatops_commands_total{intent, source, outcome}`: every command the bot decided on.
    /// `source`: `rule`, `llm` or `none`; `outcome`: `succeeded`, `failed`, `refused`,
    /// `awaiting_approval`, `approved`, `denied`.
    public static func command(intent: String, source: String, outcome: String) {
        Counter(label: "chatops_commands_total", dimensions: [("intent", intent), ("source", source), ("outcome", outcome)]).increment()
    }

    /// `chatops_approval_wait_seconds{intent}`: from a request to the approval that completed its quorum.
    public static func approvalWait(seconds: Double, intent: String) {
        Timer(label: "chatops_approval_wait_seconds", dimensions: [("intent", intent)])
            .recordNanoseconds(Int64(max(0, seconds) * 1_000_000_000))
    }

    /// `chatops_webhook_duration_seconds{platform}`: handling one inbound request, verification included.
    public static func webhook(platform: String, nanoseconds: Int64) {
        Timer(label: "chatops_webhook_duration_seconds", dimensions: [("platform", platform)]).recordNanoseconds(nanoseconds)
    }

    /// `chatops_executor_calls_total{backend, intent}` and, when it failed,
    /// `chatops_executor_errors_total{backend, intent}`.
    public static func executorCall(backend: String, intent: String, failed: Bool) {
        let labels = [("backend", backend), ("intent", intent)]
        Counter(label: "chatops_executor_calls_total", dimensions: labels).increment()
        if failed { Counter(label: "chatops_executor_errors_total", dimensions: labels).increment() }
    }

    /// `chatops_llm_calls_total{task}`, `chatops_llm_tokens_total{task, direction}` (`input`,
    /// `output`, as the provider counted them) and `chatops_llm_errors_total{task, kind}`.
    public static func modelCall(task: String, inputTokens: Int?, outputTokens: Int?, error kind: String?) {
        Counter(label: "chatops_llm_calls_total", dimensions: [("task", task)]).increment()
        if let inputTokens { Counter(label: "chatops_llm_tokens_total", dimensions: [("task", task), ("direction", "input")]).increment(by: inputTokens) }
        if let outputTokens {
            Counter(label: "chatops_llm_tokens_total", dimensions: [("task", task), ("direction", "output")]).increment(by: outputTokens)
        }
        if let kind { Counter(label: "chatops_llm_errors_total", dimensions: [("task", task), ("kind", kind)]).increment() }
    }

    /// `chatops_incidents_open`: incidents not resolved.
    public static func incidentsOpen(_ count: Int) {
        Gauge(label: "chatops_incidents_open").record(count)
    }

    /// `chatops_alert_queue_depth`: Alertmanager notifications (and pipeline runs) waiting to be applied.
    public static func alertQueueDepth(_ count: Int) {
        Gauge(label: "chatops_alert_queue_depth").record(count)
    }

    /// `chatops_audit_entries_total` (entries appended since start) and
    /// `chatops_audit_head_sequence`: the audit chain's head, to compare with `chatops audit verify --head`.
    public static func auditAppended(entries: Int, head sequence: Int64) {
        Counter(label: "chatops_audit_entries_total").increment(by: max(0, entries))
        Gauge(label: "chatops_audit_head_sequence").record(sequence)
    }

    /// `chatops_audit_head{hash}`: the head's hash as a label, its sequence as the value — the
    /// `SEQ:HASH` that `chatops audit verify --head` checks. One series: the previous head's is
    /// removed (`previous`), so hashes do not pile up.
    public static func auditHead(sequence: Int64, hash: String, replacing previous: Gauge?) -> Gauge {
        previous?.destroy()
        let gauge = Gauge(label: "chatops_audit_head", dimensions: [("hash", hash)])
        gauge.record(sequence)
        return gauge
    }
}
