-- wrk script for bench_live.py: each request picks one path at random from a list drawn from the
-- filled database, and counts the page cache's answers (X-Page-Cache: hit or miss).
-- Usage: wrk ... -s bench/live.lua http://127.0.0.1:PORT -- paths.txt

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if #line > 0 then table.insert(paths, line) end
  end
  -- Each thread its own sequence: the same seed would make both threads ask for the same pages.
  math.randomseed(os.time() * 1000 + id)
  hits, misses, uncounted = 0, 0, 0
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function response(status, headers, body)
  local state = headers["X-Page-Cache"]
  if state == "hit" then hits = hits + 1
  elseif state == "miss" then misses = misses + 1
  else uncounted = uncounted + 1 end
end

function done(summary, latency, requests)
  local h, m, u = 0, 0, 0
  for _, thread in ipairs(threads) do
    h = h + thread:get("hits")
    m = m + thread:get("misses")
    u = u + thread:get("uncounted")
  end
  io.write(string.format("PAGE-CACHE hits=%d misses=%d uncounted=%d\n", h, m, u))
end
