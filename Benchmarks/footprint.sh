#!/usr/bin/env bash
# Footprint of `chatops serve`: the time from launch to /healthz answering 200 (on a fresh store,
# then the median of 5 restarts on the same store), and the resident memory (VmRSS) once idle.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init
write_config
note "footprint: chatops serve start-up and idle memory"
start_sink
start_serve "$WORK/footprint.db"
record footprint.start_ms_fresh_store "$SERVE_START_MS"
sleep 3
record footprint.idle_rss_mb "$(mb "$(rss_kb "$SERVE_PID")")"
stop_pid "$SERVE_PID"
times=()
for _ in 1 2 3 4 5; do
    start_serve "$WORK/footprint.db"
    times+=("$SERVE_START_MS")
    stop_pid "$SERVE_PID"
done
record footprint.start_ms "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)"
record footprint.start_ms_all "$(IFS=/; echo "${times[*]}")"
