-- wrk script: POSTs pre-signed Slack slash commands (written by `chatops bench slack-commands`) to
-- /slack/commands, each line once. BENCH_REQUESTS names the file: "timestamp TAB signature TAB body"
-- per line. Threads share the lines out (line k goes to thread k mod threads), so nothing repeats
-- unless the file runs out; then the lines are reused and the count is reported as `replayed`
-- (the bot answers a replay but does not act on it again: such a run under-reports its work).
local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("thread_index", thread_count)
  thread_count = thread_count + 1
  thread:set("thread_total", 0)
  table.insert(threads, thread)
  for _, t in ipairs(threads) do t:set("thread_total", thread_count) end
end

requests = {}
count = 0
sent = 0
replayed = 0

function init(args)
  local file = assert(io.open(os.getenv("BENCH_REQUESTS"), "r"))
  local line_number = 0
  for line in file:lines() do
    if line_number % thread_total == thread_index then
      local ts, sig, body = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
      count = count + 1
      requests[count] = wrk.format("POST", "/slack/commands", {
        ["Content-Type"] = "application/x-www-form-urlencoded",
        ["X-Slack-Request-Timestamp"] = ts,
        ["X-Slack-Signature"] = sig,
      }, body)
    end
    line_number = line_number + 1
  end
  file:close()
end

function request()
  sent = sent + 1
  if sent > count then
    replayed = replayed + 1
    return requests[(sent - 1) % count + 1]
  end
  return requests[sent]
end

function done(summary, latency, requests)
  local replays = 0
  for _, t in ipairs(threads) do replays = replays + t:get("replayed") end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("WRK requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f non2xx=%d socket_errors=%d replayed=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect + e.read + e.write + e.timeout, replays))
end
