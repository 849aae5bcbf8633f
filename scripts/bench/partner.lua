-- A partner's system taking in tickets: $BENCH_BODY posted with its API key
-- ($BENCH_KEY) and a fresh Idempotency-Key on every request, as an integration
-- that retries safely sends them.
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("thread", threads)
end
local sent = 0
request = function()
  sent = sent + 1
  wrk.headers["Idempotency-Key"] = string.format("bench-%d-%d-%d", os.time(), thread or 0, sent)
  return wrk.format()
end
wrk.headers["X-Api-Key"] = os.getenv("BENCH_KEY")
dofile(os.getenv("BENCH_DIR") .. "/post.lua")
