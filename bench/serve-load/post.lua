-- wrk script for bench/serve-load.sh: POSTs JSON bodies in turn (or GETs, without a bodies file) and counts the
-- answers by status, so that the bounded pools' 503 (busy, or past the time limit) and a 429 are reported apart
-- from real errors.
--   wrk -s post.lua URL -- BODIES_FILE        (one JSON body a line)
--   wrk -s post.lua URL                       (GET)
-- wrk runs one Lua state per thread; setup() keeps each so done() can add their counts up.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  bodies = {}
  statuses = {}
  next_body = 1
  if args[1] == nil then
    return
  end
  for line in io.lines(args[1]) do
    if line ~= "" then
      table.insert(bodies, line)
    end
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  if #bodies == 0 then
    return wrk.format()
  end
  local body = bodies[next_body]
  next_body = next_body % #bodies + 1
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("statuses")) do
      counts[status] = (counts[status] or 0) + n
    end
  end
  local ok, busy, other = 0, 0, 0
  local parts = {}
  for status, n in pairs(counts) do
    table.insert(parts, status .. "=" .. n)
    if status >= 200 and status < 300 then
      ok = ok + n
    elseif status == 429 or status == 503 then
      busy = busy + n
    else
      other = other + n
    end
  end
  table.sort(parts)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f ok=%d busy_429_503=%d other_status=%d socket_errors=%d statuses=%s\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    ok, busy, other, e.connect + e.read + e.write + e.timeout, table.concat(parts, ",")))
end
