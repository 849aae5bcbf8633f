-- A POST of $BENCH_BODY to the path with TICKET replaced by each ticket of
-- $BENCH_TICKETS (comma-separated) in turn: many clients, many tickets, one part.
local tickets = {}
for id in string.gmatch(os.getenv("BENCH_TICKETS"), "[^,]+") do
  table.insert(tickets, id)
end
local template = wrk.path
local sent = math.random(#tickets)
request = function()
  sent = sent + 1
  return wrk.format(nil, (string.gsub(template, "TICKET", tickets[sent % #tickets + 1])))
end
dofile(os.getenv("BENCH_DIR") .. "/post.lua")
