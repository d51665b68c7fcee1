#!/usr/bin/env bash
# Alert ingestion: Alertmanager notifications (1, 10 and 100 firing alerts each, every one a new
# group) POSTed to /alertmanager, which answers 200 once a notification is durably queued; wrk -t1,
# 16 connections, a fresh server and store per size. Then a storm: 10,000 alerts (100 notifications
# of 100) into a fresh, idle server, and the growth of its resident memory (VmRSS, and the peak
# VmHWM) while it takes them and the incident worker turns them into incidents.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init
ensure_wrk
write_config
RUN=$(date +%s)
CONNECTIONS=${BENCH_ALERT_CONNECTIONS:-16}
start_sink

for alerts in ${BENCH_ALERT_SIZES:-1 10 100}; do
    note "alerts: notifications of $alerts alerts"
    "$CHATOPS" bench alert-template --alerts "$alerts" --out "$WORK/template-$alerts.json"
    start_serve "$WORK/alerts-$alerts.db"
    BENCH_TEMPLATE=$WORK/template-$alerts.json BENCH_RUN="$RUN-w$alerts" run_wrk alerts.lua "$SERVE_PORT" "$CONNECTIONS" "$WARMUP"
    BENCH_TEMPLATE=$WORK/template-$alerts.json BENCH_RUN="$RUN-m$alerts" run_wrk alerts.lua "$SERVE_PORT" "$CONNECTIONS" "$DURATION"
    record "alerts.n$alerts.notifications_per_s" "$(wrk_field rps)"
    record "alerts.n$alerts.alerts_per_s" "$(awk -v r="$(wrk_field rps)" -v n="$alerts" 'BEGIN {printf "%.0f", r * n}')"
    record "alerts.n$alerts.p50_ms" "$(wrk_field p50_ms)"
    record "alerts.n$alerts.p99_ms" "$(wrk_field p99_ms)"
    record "alerts.n$alerts.non2xx" "$(wrk_field non2xx)"
    record "alerts.n$alerts.socket_errors" "$(wrk_field socket_errors)"
    stop_pid "$SERVE_PID"
done

note "alerts: a storm of 10,000 alerts (100 notifications of 100)"
"$CHATOPS" bench alert-template --alerts 100 --out "$WORK/storm.json"
start_serve "$WORK/storm.db"
sleep 2
idle=$(rss_kb "$SERVE_PID")
record alerts.storm.rss_idle_mb "$(mb "$idle")"
read -r _ threads_before <<<"$(sink_counts)"
started=$(now_ns)
refused=0
for i in $(seq 100); do
    sed "s/@N@/$RUN-storm-$i/g" "$WORK/storm.json" >"$WORK/storm-body.json"
    status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $CHATOPS_ALERTMANAGER_TOKEN" \
        -H 'Content-Type: application/json' --data-binary "@$WORK/storm-body.json" "http://127.0.0.1:$SERVE_PORT/alertmanager")
    [[ $status == 200 ]] || refused=$((refused + 1))
done
record alerts.storm.send_s "$(awk -v ns=$(($(now_ns) - started)) 'BEGIN {printf "%.2f", ns / 1e9}')"
record alerts.storm.refused "$refused"
# The worker opens 100 incidents (their first posts are paced, 1 s per channel, as Slack wants):
# watch the memory for a bounded while after the storm.
peak=$idle
for _ in $(seq $((${BENCH_STORM_WATCH:-20} * 5))); do
    now=$(rss_kb "$SERVE_PID")
    [[ $now -gt $peak ]] && peak=$now
    sleep 0.2
done
record alerts.storm.rss_after_mb "$(mb "$(rss_kb "$SERVE_PID")")"
record alerts.storm.rss_growth_mb "$(mb $((peak - idle)))"
record alerts.storm.hwm_growth_mb "$(mb $(($(hwm_kb "$SERVE_PID") - idle)))"
read -r calls threads <<<"$(sink_counts)"
record alerts.storm.incident_threads_opened "$((threads - threads_before))"
