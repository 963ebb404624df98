-- wrk script for the door benchmark: each request admits a distinct voucher through
-- POST /api/v1/redemptions. Codes come from CODES (one a line, from `mentore seed --bench`);
-- thread i of n takes codes i, i+n, i+2n… starting at OFFSET (at most LIMIT of them, if set),
-- so no code is sent twice.
-- SESSION and TOKEN name the bench session and a device token.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  offset = tonumber(os.getenv("OFFSET") or "0")
  local stride = tonumber(os.getenv("THREADS") or "1")
  local limit = tonumber(os.getenv("LIMIT") or "-1")
  codes = {}
  local line_number = 0
  for line in io.lines(os.getenv("CODES")) do
    if limit >= 0 and line_number >= offset + limit then
      break
    end
    if line_number >= offset and (line_number - offset) % stride == index then
      codes[#codes + 1] = line
    end
    line_number = line_number + 1
  end
  next_code = 1
  admitted = 0
  other = 0
  session = os.getenv("SESSION")
  headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. os.getenv("TOKEN"),
  }
end

function request()
  local code = codes[next_code]
  next_code = next_code + 1
  if code == nil then
    -- Out of codes: a malformed one, answered (refused) without an admission.
    code = "exhausted"
  end
  -- Nonces differ between runs against the same server (each run starts at its own OFFSET).
  local body = string.format('{"code":"%s","session_id":"%s","nonce":"b%d-%d-%d"}', code, session, offset, index,
    next_code)
  return wrk.format("POST", "/api/v1/redemptions", headers, body)
end

function response(status, headers, body)
  if status == 200 and string.find(body, '"result":"admitted"', 1, true) then
    admitted = admitted + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local total_admitted, total_other, used = 0, 0, 0
  for _, thread in ipairs(threads) do
    total_admitted = total_admitted + thread:get("admitted")
    total_other = total_other + thread:get("other")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT admitted=%d other=%d seconds=%.3f rate=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
    total_admitted, total_other, seconds, total_admitted / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
