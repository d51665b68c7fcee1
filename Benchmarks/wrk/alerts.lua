-- wrk script: POSTs Alertmanager notifications to /alertmanager. BENCH_TEMPLATE names a notification
-- (from `chatops bench alert-template`) in which every @N@ becomes a number unique to one request,
-- so each is a new delivery that must be queued durably. BENCH_RUN keeps runs apart; the bearer
-- token comes from CHATOPS_ALERTMANAGER_TOKEN.
local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("thread_index", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

parts = {}
sent = 0

function init(args)
  local file = assert(io.open(os.getenv("BENCH_TEMPLATE"), "r"))
  local text = file:read("*a")
  file:close()
  local start = 1
  while true do
    local first, last = text:find("@N@", start, true)
    if not first then table.insert(parts, text:sub(start)); break end
    table.insert(parts, text:sub(start, first - 1))
    start = last + 1
  end
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("CHATOPS_ALERTMANAGER_TOKEN") }
  prefix = os.getenv("BENCH_RUN") .. "-" .. thread_index .. "-"
end

function request()
  sent = sent + 1
  return wrk.format("POST", "/alertmanager", headers, table.concat(parts, prefix .. sent))
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("WRK requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f non2xx=%d socket_errors=%d replayed=0\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end
