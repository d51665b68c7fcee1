# Shared by the server benchmarks (sourced, not run). Everything listens on 127.0.0.1 only; every
# process a script starts is killed when it exits (trap), and every wait is bounded.
# Environment: CHATOPS_BIN (the binary; default: the release build, built when missing),
# BENCH_DURATION (seconds per wrk run, default 10), BENCH_WARMUP (default 2),
# BENCH_RESULTS (key=value lines are appended there), BENCH_PORT_BASE (default 18400),
# BENCH_TMP (where the stores go: a real disk, not tmpfs; default $TMPDIR or /tmp).

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH_DIR")
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-2}
PORT_BASE=${BENCH_PORT_BASE:-18400}
SERVE_PORT=$PORT_BASE
SINK_PORT=$((PORT_BASE + 1))
REFERENCE_PORT=$((PORT_BASE + 2))
CHANNEL=C0BENCH001
BENCH_PIDS=()

note() { printf '%s\n' "$*" >&2; }
die() { note "error: $*"; exit 1; }

# key=value for the summary table (and on stderr as it happens).
record() {
    note "  $1=$2"
    if [[ -n "${BENCH_RESULTS:-}" ]]; then printf '%s=%s\n' "$1" "$2" >>"$BENCH_RESULTS"; fi
}

ensure_binary() {
    if [[ -n "${CHATOPS_BIN:-}" ]]; then
        [[ -x "$CHATOPS_BIN" ]] || die "CHATOPS_BIN=$CHATOPS_BIN is not an executable"
        CHATOPS=$CHATOPS_BIN
        return
    fi
    # Built as deploy/Dockerfile ships it: release, with the Swift runtime and Foundation linked in.
    CHATOPS=$REPO/.build-release/release/chatops
    if [[ ! -x "$CHATOPS" ]]; then
        note "building the release binary (a first build takes 15-20 minutes)…"
        (cd "$REPO" && swift build -c release --static-swift-stdlib --scratch-path "$REPO/.build-release" --product chatops) >&2
    fi
}

ensure_wrk() {
    command -v wrk >/dev/null && return
    note "installing wrk with apt…"
    local sudo=""
    [[ $(id -u) -eq 0 ]] || sudo=sudo
    $sudo apt-get install -y wrk >&2 || { $sudo apt-get update >&2 && $sudo apt-get install -y wrk >&2; }
    command -v wrk >/dev/null || die "wrk is not installed and apt could not install it"
}

# The server on CPU 0, the load generator (and the Slack sink) on CPU 1, when there are two.
setup_pinning() {
    if [[ $(nproc) -ge 2 ]] && command -v taskset >/dev/null; then
        SERVER_PIN=(taskset -c 0)
        CLIENT_PIN=(taskset -c 1)
    else
        SERVER_PIN=()
        CLIENT_PIN=()
    fi
}

cleanup() {
    local pid
    for pid in "${BENCH_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${BENCH_PIDS[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    done
    [[ -n "${WORK:-}" && -d "$WORK" ]] && rm -rf "$WORK"
}

# A scratch folder, the trap, fresh secrets (in the environment only, never printed), the binary, pinning.
bench_init() {
    local base=${BENCH_TMP:-${TMPDIR:-/tmp}}
    WORK=$(mktemp -d "$base/chatops-bench.XXXXXX")
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    if [[ $(stat -f -c %T "$WORK") == tmpfs ]]; then
        note "warning: $WORK is on tmpfs, where fsync costs nothing; set BENCH_TMP to a folder on a disk for durable figures"
    fi
    export CHATOPS_SLACK_SIGNING_SECRET=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
    export CHATOPS_SLACK_BOT_TOKEN=xoxb-bench-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')
    export CHATOPS_ALERTMANAGER_TOKEN=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
    ensure_binary
    setup_pinning
    for port in "$SERVE_PORT" "$SINK_PORT" "$REFERENCE_PORT"; do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then die "port $port is in use: set BENCH_PORT_BASE"; fi
    done
}

# The example configuration, with the benchmark's Slack user mapped to alice, no per-user or
# per-channel rate limit (one user sends everything), and every incident routed to the sink's channel.
write_config() {
    CONFIG=$WORK/chatops.yaml
    sed -e 's/^    alice: \[console:alice\]$/    alice: [console:alice, slack:U0BENCH01]/' "$REPO/deploy/chatops.example.yaml" >"$CONFIG"
    grep -q 'slack:U0BENCH01' "$CONFIG" || die "could not map the benchmark's Slack user in the example configuration"
    cat >>"$CONFIG" <<YAML

limits:
  per_user: 0/1m
  per_channel: 0/1m

incidents:
  routes:
    - "* -> slack:$CHANNEL"
  max_queue: ${BENCH_MAX_QUEUE:-1000000}
YAML
    export CHATOPS_SLACK_API_URL=http://127.0.0.1:$SINK_PORT/api
}

# Starts NAME in the background (its output in $WORK/NAME.log); its pid in LAST_PID.
start_bg() {
    local name=$1
    shift
    "$@" >"$WORK/$name.log" 2>&1 &
    LAST_PID=$!
    BENCH_PIDS+=("$LAST_PID")
    # Killed by pid in cleanup; disowned so bash does not report a forced kill as a failure.
    disown "$LAST_PID"
}

stop_pid() {
    kill "$1" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
    kill -9 "$1" 2>/dev/null || true
}

now_ns() { date +%s%N; }

# The HTTP status of GET PATH on PORT, through bash's own /dev/tcp (no process per try); 000 when refused.
http_status() {
    local port=$1 path=$2 line
    line=$( (exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$path" >&3 \
        && IFS= read -r -t 2 line <&3 && printf '%s' "$line") 2>/dev/null) || true
    line=${line#HTTP/1.1 }
    printf '%s' "${line:0:3}"
    [[ -n "$line" ]] || printf '000'
}

# Waits (at most SECONDS) until GET /healthz on PORT answers 200.
wait_healthy() {
    local port=$1 seconds=${2:-30} deadline
    deadline=$(($(now_ns) + seconds * 1000000000))
    while [[ $(http_status "$port" /healthz) != 200 ]]; do
        [[ $(now_ns) -lt $deadline ]] || return 1
        sleep 0.002
    done
}

# CPU time (user + system) PID has used, in clock ticks (getconf CLK_TCK a second).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# Microseconds of CPU per request: TICKS over REQUESTS.
cpu_us_per_request() { awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.0f", (n > 0 ? t * 1e6 / hz / n : 0)}'; }
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
hwm_kb() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status"; }
mb() { awk -v kb="$1" 'BEGIN {printf "%.1f", kb / 1024}'; }

# Starts `chatops serve` on SERVE_PORT with the store STORE; SERVE_PID, and the milliseconds from
# launch to /healthz answering 200 in SERVE_START_MS.
start_serve() {
    local store=$1 started
    started=$(now_ns)
    start_bg serve "${SERVER_PIN[@]}" "$CHATOPS" serve --config "$CONFIG" --rules "$REPO/rules" --prompts "$REPO/prompts" \
        --store "$store" --listen "127.0.0.1:$SERVE_PORT"
    SERVE_PID=$LAST_PID
    wait_healthy "$SERVE_PORT" 30 || { tail -20 "$WORK/serve.log" >&2; die "chatops serve did not answer /healthz within 30 s"; }
    SERVE_START_MS=$((($(now_ns) - started) / 1000000))
}

start_sink() {
    start_bg sink "${CLIENT_PIN[@]}" "$CHATOPS" bench sink --listen "127.0.0.1:$SINK_PORT" --channel "$CHANNEL"
    SINK_PID=$LAST_PID
    wait_healthy "$SINK_PORT" 30 || die "the Slack sink did not start"
}

# The sink's counters: "CALLS THREAD_STARTS".
sink_counts() {
    curl -s --max-time 2 "http://127.0.0.1:$SINK_PORT/stats" | sed -E 's/.*"calls":([0-9]+),"thread_starts":([0-9]+).*/\1 \2/'
}

# Runs wrk (pinned, one thread) with SCRIPT on PORT: CONNECTIONS SECONDS; the WRK line in WRK_LINE.
run_wrk() {
    local script=$1 port=$2 connections=$3 seconds=$4
    WRK_LINE=$("${CLIENT_PIN[@]}" timeout $((seconds + 60)) wrk -t1 -c"$connections" -d"${seconds}s" --timeout 5s \
        -s "$BENCH_DIR/wrk/$script" "http://127.0.0.1:$port" | grep '^WRK ') || die "wrk failed"
}

# A field of WRK_LINE (rps, p50_ms, p99_ms, non2xx, socket_errors, replayed, requests).
wrk_field() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$WRK_LINE"; }
