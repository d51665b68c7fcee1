#!/usr/bin/env bash
# Webhook: signed Slack slash commands (/chatops status iris staging, each its own trigger_id)
# to `chatops serve`, whose replies go to a local Slack sink, beside the bare Hummingbird reference
# (`chatops bench reference`: verify the signature, answer 200). wrk -t1 at 1, 16 and 64
# connections, BENCH_WARMUP seconds of warm-up, then BENCH_DURATION seconds measured.
# chatops answers a slash command once its delivery is committed, before it has started the thread,
# understood, decided and replied, so besides wrk's figures this counts the commands whose thread
# started (the sink's thread starts) during the run, and after it, within a bounded wait. Each
# server's CPU time during its measured run is given per request (the server has one CPU).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init
ensure_wrk
write_config
RUN=$(date +%s)
CONNECTIONS=(${BENCH_CONNECTIONS:-1 16 64})

# COUNT signed commands into FILE, distinct from every other file of this run (LABEL).
commands() {
    "${CLIENT_PIN[@]}" "$CHATOPS" bench slack-commands --count "$2" --out "$1" --run "$RUN-$3" --user U0BENCH01 --channel "$CHANNEL"
}

# Waits until the sink's thread starts stop changing for 2 s (at most SECONDS); DRAIN_S, the wait.
wait_quiet() {
    local seconds=$1 last="" stable=0 started now
    started=$(now_ns)
    while true; do
        now=$(sink_counts)
        if [[ $now == "$last" ]]; then stable=$((stable + 1)); else stable=0; last=$now; fi
        [[ $stable -ge 10 ]] && break
        [[ $(( ($(now_ns) - started) / 1000000000 )) -lt $seconds ]] || break
        sleep 0.2
    done
    DRAIN_S=$(awk -v ns=$(($(now_ns) - started)) 'BEGIN {printf "%.1f", ns / 1e9 - 2}')
}

note "webhook: the bare Hummingbird reference"
start_bg reference "${SERVER_PIN[@]}" "$CHATOPS" bench reference --listen "127.0.0.1:$REFERENCE_PORT"
REFERENCE_PID=$LAST_PID
wait_healthy "$REFERENCE_PORT" 30 || die "the reference server did not start"
commands "$WORK/reference.txt" 50000 reference
declare -A REFERENCE_RPS
for c in "${CONNECTIONS[@]}"; do
    BENCH_REQUESTS=$WORK/reference.txt run_wrk slack.lua "$REFERENCE_PORT" "$c" "$WARMUP"
    ticks=$(cpu_ticks "$REFERENCE_PID")
    BENCH_REQUESTS=$WORK/reference.txt run_wrk slack.lua "$REFERENCE_PORT" "$c" "$DURATION"
    ticks=$(( $(cpu_ticks "$REFERENCE_PID") - ticks ))
    [[ $(wrk_field non2xx) == 0 ]] || die "the reference refused requests: $WRK_LINE"
    REFERENCE_RPS[$c]=$(wrk_field rps)
    record "webhook.reference.c$c.rps" "$(wrk_field rps)"
    record "webhook.reference.c$c.p50_ms" "$(wrk_field p50_ms)"
    record "webhook.reference.c$c.p99_ms" "$(wrk_field p99_ms)"
    record "webhook.reference.c$c.cpu_us_per_request" "$(cpu_us_per_request "$ticks" "$(wrk_field requests)")"
done
stop_pid "$REFERENCE_PID"

note "webhook: chatops serve"
start_sink
for c in "${CONNECTIONS[@]}"; do
    start_serve "$WORK/webhook-c$c.db"
    commands "$WORK/warmup-c$c.txt" 3000 "warmup-c$c"
    BENCH_REQUESTS=$WORK/warmup-c$c.txt run_wrk slack.lua "$SERVE_PORT" "$c" "$WARMUP"
    wait_quiet 60
    count=$(awk -v rps="${REFERENCE_RPS[$c]}" -v d="$DURATION" 'BEGIN {n = int(rps * 1.3 * d) + 1000; print (n < 20000 ? 20000 : n)}')
    commands "$WORK/run-c$c.txt" "$count" "run-c$c"
    read -r _ before <<<"$(sink_counts)"
    rss_before=$(rss_kb "$SERVE_PID")
    ticks=$(cpu_ticks "$SERVE_PID")
    BENCH_REQUESTS=$WORK/run-c$c.txt run_wrk slack.lua "$SERVE_PORT" "$c" "$DURATION"
    ticks=$(( $(cpu_ticks "$SERVE_PID") - ticks ))
    read -r _ at_end <<<"$(sink_counts)"
    rss_end=$(rss_kb "$SERVE_PID")
    wait_quiet "${BENCH_DRAIN_WAIT:-30}"
    read -r _ after <<<"$(sink_counts)"
    accepted=$(( $(wrk_field requests) - $(wrk_field non2xx) - $(wrk_field replayed) ))
    record "webhook.chatops.c$c.rps" "$(wrk_field rps)"
    record "webhook.chatops.c$c.p50_ms" "$(wrk_field p50_ms)"
    record "webhook.chatops.c$c.p99_ms" "$(wrk_field p99_ms)"
    record "webhook.chatops.c$c.cpu_us_per_request" "$(cpu_us_per_request "$ticks" "$(wrk_field requests)")"
    record "webhook.chatops.c$c.non2xx" "$(wrk_field non2xx)"
    record "webhook.chatops.c$c.socket_errors" "$(wrk_field socket_errors)"
    record "webhook.chatops.c$c.replayed" "$(wrk_field replayed)"
    record "webhook.chatops.c$c.ratio_to_reference" "$(awk -v a="$(wrk_field rps)" -v b="${REFERENCE_RPS[$c]}" 'BEGIN {printf "%.2f", a / b}')"
    record "webhook.chatops.c$c.accepted" "$accepted"
    record "webhook.chatops.c$c.completed_during_run_per_s" "$(awk -v n=$((at_end - before)) -v d="$DURATION" 'BEGIN {printf "%.0f", n / d}')"
    record "webhook.chatops.c$c.completed_after_drain" "$((after - before))"
    record "webhook.chatops.c$c.drain_s" "$DRAIN_S"
    record "webhook.chatops.c$c.rss_growth_during_run_mb" "$(mb $((rss_end - rss_before)))"
    stop_pid "$SERVE_PID"
    rm -f "$WORK/run-c$c.txt" "$WORK/warmup-c$c.txt"
done
