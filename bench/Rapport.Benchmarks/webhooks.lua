-- wrk script for the webhook ingestion bench: posts pre-signed, unique notifications read from a file of
-- "signature<TAB>body" lines. Each of wrk's threads takes every n-th line, so no notification is sent twice
-- until a thread runs out and starts its share again (the bench sizes the file so that it does not).
-- Run: wrk -t T -c C -d D --latency -s webhooks.lua URL -- FILE T

local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  local path, stride = args[1], tonumber(args[2])
  requests, index = {}, 0
  local line_number = 0
  for line in io.lines(path) do
    if line_number % stride == id then
      local tab = line:find("\t", 1, true)
      requests[#requests + 1] = wrk.format("POST", nil,
        { ["Content-Type"] = "application/json", ["X-Hub-Signature"] = line:sub(1, tab - 1) }, line:sub(tab + 1))
    end
    line_number = line_number + 1
  end
end

function request()
  index = index % #requests + 1
  return requests[index]
end

function done(summary, latency, requests)
  local errors = summary.errors
  local failed = errors.connect + errors.read + errors.write + errors.status + errors.timeout
  io.write(string.format("RESULT %d %.3f %.3f %.3f %d\n", summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, failed))
end
