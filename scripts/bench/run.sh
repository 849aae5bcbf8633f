#!/usr/bin/env bash
# Measures the hot paths over real HTTP with wrk, on a network that
# `aftersales seed-volume` fills, each workload at 1, 8 and 32 connections, and
# interleaved with it its ceilings (crates/api/src/bench): the same request at a
# bare endpoint (the same statements without token check, validation or error
# shaping), the same use case called in a loop without HTTP, and the server's own
# HTTP ceiling (GET /healthz). Issuing a part is checked for exact stock
# arithmetic under contention, and for zero oversell when stock runs out.
#   scripts/bench/run.sh                          SQLite, 100,000 tickets, 10 s a run
#   scripts/bench/run.sh --db postgres --scale 1m a million tickets on PostgreSQL
#   scripts/bench/run.sh --smoke                  1 s runs on 2,000 tickets (scripts/test.sh)
# The web app is measured too (scripts/bench/webapp.mjs): its download, and the
# time headless Chromium takes to show the dashboard's counts. A full run builds
# it for release first; the smoke run uses the build in frontend/dist, if any.
# Options: --db sqlite|postgres, --tickets N (or --scale 1m), --duration SECONDS,
# --connections "1 8 32", --workloads "ticket_list dashboard" (only those; all by
# default), --no-webapp (neither build nor measure the web app). Builds the server with the feature `bench` (never in a
# normal build). Prints a table and writes the run as JSON to
# $CARGO_TARGET_DIR/bench/<db>-<tickets>-<time>.json. Fails when any request failed.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
export BENCH_DIR="$ROOT/scripts/bench"

db=sqlite tickets=100000 duration=10 connections="1 8 32" profile=release rounds=5 only="" webapp=1
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --tickets) tickets="$2"; shift 2 ;;
    --scale) [ "$2" = 1m ] && tickets=1000000 || tickets="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --workloads) only="$2"; shift 2 ;;
    --no-webapp) webapp=0; shift ;;
    # The debug build scripts/test.sh has just made: it checks the harness, not speed.
    --smoke) tickets=2000 duration=1 connections="1 8" profile=debug rounds=1; shift ;;
    *) die "unknown argument '$1' (see the top of $0)" ;;
  esac
done
case "$db" in sqlite | postgres) ;; *) die "--db is sqlite or postgres" ;; esac

"$ROOT/scripts/setup.sh" bench "$db"

if [ "$profile" = release ]; then
  log "cargo build --release -p aftersales-api --features bench"
  cargo build -q --release -p aftersales-api --features bench
else
  cargo build -q -p aftersales-api --features bench
fi
BIN="$CARGO_TARGET_DIR/$profile/aftersales"
DIST="$ROOT/frontend/dist"
[ "$profile" = debug ] || [ "$webapp" = 0 ] || "$ROOT/scripts/build-frontend.sh"

WORK="$(mktemp -d /tmp/aftersales-bench.XXXXXX)"
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  [ -n "${DELIVERER_PID:-}" ] && kill "$DELIVERER_PID" 2>/dev/null && wait "$DELIVERER_PID" 2>/dev/null
  [ -n "${RECEIVER_PID:-}" ] && kill "$RECEIVER_PID" 2>/dev/null
  [ -n "${PG_DIR:-}" ] && "$ROOT/scripts/pg.sh" stop "$PG_DIR"
  [ -n "${BENCH_KEEP:-}" ] && echo "kept $WORK" >&2 || rm -rf "$WORK"
}
trap cleanup EXIT

if [ "$db" = postgres ]; then
  eval "$("$ROOT/scripts/pg.sh" start)"
  export AFTERSALES_DATABASE_URL="$TEST_DATABASE_URL"
else
  export AFTERSALES_DATABASE_URL="sqlite://$WORK/bench.db"
fi
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
URL="http://127.0.0.1:$port"
export AFTERSALES_BIND="127.0.0.1:$port"
export AFTERSALES_JWT_SECRET="$(head -c 48 /dev/urandom | base64 -w0)"
export AFTERSALES_ACCESS_TOKEN_TTL_SECS=86400
# The public tracking page is limited per address; every request here comes from one.
export AFTERSALES_TRACK_PER_IP_PER_MINUTE=1000000000
# One partner key sends every partner_intake request.
export AFTERSALES_API_KEY_PER_MINUTE=1000000000
# The server under test keeps its webhook events in the outbox: a second process
# delivers them at the end, timed alone (webhook_delivery).
export AFTERSALES_WEBHOOK_DELIVERY=false
export AFTERSALES_LOG_FILTER=warn
export AFTERSALES_STATIC_DIR="$DIST"

# `json EXPR`: evaluates EXPR on the JSON read from stdin (node is always here).
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);console.log(eval(process.argv[1]))})' "$1"; }

log "seed-volume --tickets $tickets ($db)"
landmarks="$("$BIN" seed-volume --tickets "$tickets" | tail -n 1)"
seed_seconds="$(echo "$landmarks" | json j.seconds)"
log "seeded in ${seed_seconds}s"

started="$(date +%s%N)"
"$BIN" serve >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
until curl -fsS "$URL/healthz" >/dev/null 2>&1; do
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; die "the server did not start"; }
  sleep 0.01
done
startup_ms=$(( ($(date +%s%N) - started) / 1000000 ))
# The server's own memory at its peak (RssAnon, sampled): its RSS also counts the
# pages of a SQLite file mapped in to be read, which the kernel may drop at will.
(
  peak=0
  while v="$(awk '/RssAnon/ {print $2}' "/proc/$SERVER_PID/status" 2>/dev/null)" && [ -n "$v" ]; do
    [ "$v" -le "$peak" ] || { peak="$v"; echo "$peak" >"$WORK/peak_anon_kb"; }
    sleep 0.25
  done
) &

api() { curl -fsS -H "Authorization: Bearer $token" "$URL$1"; }
token="$(curl -fsS -X POST "$URL/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"demo-password"}' | json j.access_token)"
serial="$(echo "$landmarks" | json j.serial)"
serial_id="$(api "/api/v1/serials?serial=$serial&limit=1" | json 'j.items[0].id')"
ticket_id="$(api "/api/v1/tickets?serial_id=$serial_id&limit=1" | json 'j.items[0].id')"
detail="$(api "/api/v1/tickets/$ticket_id")"
branch_id="$(echo "$detail" | json j.branch_id)"
customer_id="$(echo "$detail" | json j.customer_id)"
tracking_code="$(echo "$landmarks" | json j.tracking_code)"
# Two filters and a text search, as a clerk narrows the list.
list="/api/v1/tickets?kind=repair&stage_category=closed&q=nguyen&limit=50"
# The cursor of a page 40 pages down (or the last there is).
cursor=""
for _ in $(seq 40); do
  next="$(api "$list${cursor:+&cursor=$cursor}" | json 'j.next_cursor || ""')"
  [ -n "$next" ] || break
  cursor="$next"
done
# One customer's tickets by their phone number, typed as a clerk types it: a rare
# term, where the search cannot stop early on a page of common matches.
phone="$(api "/api/v1/customers/$customer_id" | json 'j.phones[0].number')"
search="/api/v1/tickets?q=$(node -p 'encodeURIComponent(process.argv[1])' "$phone")&limit=50"
today="$(date -u +%F)"
# The branch/month report over every ticket of the network for the past year.
volume="/api/v1/reports/ticket-volume?from=$(date -u -d '364 days ago' +%F)&to=$today"
ticket_body="{\"branch_id\":\"$branch_id\",\"kind\":\"repair\",\"channel\":\"counter\",\"customer_id\":\"$customer_id\",\"unit\":{\"serial_id\":\"$serial_id\"},\"fault_description\":\"bench\"}"

# Issuing a part: a shelf of the ticket's outlet, two parts, and tickets of that
# outlet to issue to (taken in here, as a clerk would).
post() { curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$URL$1" -d "$2"; }
warehouse_id="$(api "/api/v1/warehouses?branch_id=$branch_id&kind=outlet&limit=1" | json 'j.items.length ? j.items[0].id : ""')"
[ -n "$warehouse_id" ] || warehouse_id="$(post /api/v1/warehouses \
  "{\"branch_id\":\"$branch_id\",\"code\":\"BENCH\",\"name\":\"Bench shelf\",\"kind\":\"outlet\"}" | json j.id)"
read -r part_id probe_part_id < <(api "/api/v1/parts?active=true&limit=2" | json 'j.items.map(p => p.id).join(" ")')
[ -n "$probe_part_id" ] || die "the network has fewer than two parts"
issue_tickets="$(for _ in $(seq 32); do post /api/v1/tickets "$ticket_body" | json j.id; done | paste -sd,)"
export BENCH_TICKETS="$issue_tickets"
# on_hand PART: what the shelf holds now.
on_hand() { api "/api/v1/stock?warehouse_id=$warehouse_id&part_id=$1" | json 'j.items.length ? j.items[0].on_hand : 0'; }
# issued PART: units of PART issued to the bench's tickets (their part lines).
issued() {
  local total=0 id
  for id in ${issue_tickets//,/ }; do
    total=$(( total + $(api "/api/v1/tickets/$id/parts" | json "j.lines.filter(l => l.part_id === '$1').reduce((s, l) => s + l.issued, 0)") ))
  done
  echo "$total"
}
receive() { post /api/v1/stock/receipts "{\"warehouse_id\":\"$warehouse_id\",\"part_id\":\"$1\",\"quantity\":$2,\"unit_cost\":\"1\"}" >/dev/null; }
shelf_before="$(on_hand "$part_id")"
receive "$part_id" 1000000

# A partner's system: a repair shop of the ticket's outlet with a key, and an
# endpoint subscribed to its new tickets at a receiver that answers at once.
partner_id="$(post /api/v1/partners "{\"branch_id\":\"$branch_id\",\"code\":\"BENCH-SHOP\",\"name\":\"Bench shop\",\"kind\":\"repair_shop\"}" | json j.id)"
export BENCH_KEY="$(post "/api/v1/partners/$partner_id/api-keys" '{"name":"bench","scopes":["tickets:write","webhooks:manage"]}' | json j.secret)"
node "$BENCH_DIR/receiver.mjs" >"$WORK/receiver.port" &
RECEIVER_PID=$!
until [ -s "$WORK/receiver.port" ]; do sleep 0.05; done
RECEIVER="http://127.0.0.1:$(cat "$WORK/receiver.port")"
endpoint_id="$(post /api/v1/webhooks "{\"partner_id\":\"$partner_id\",\"url\":\"$RECEIVER/hooks\",\"events\":[\"ticket.created\"]}" | json j.endpoint.id)"

# name|method|path|body: the workloads, the HTTP ceiling first.
workloads=(
  "http_ceiling|GET|/healthz|"
  "warranty_check|POST|/api/v1/warranty/evaluate|{\"serial_id\":\"$serial_id\",\"claim\":{\"date\":\"$today\"}}"
  "ticket_intake|POST|/api/v1/tickets|$ticket_body"
  "partner_intake|POST|/api/v1/tickets|$ticket_body"
  "ticket_list|GET|$list|"
  "ticket_list_deep|GET|$list${cursor:+&cursor=$cursor}|"
  "ticket_search_phone|GET|$search|"
  "ticket_detail|GET|/api/v1/tickets/$ticket_id|"
  "ticket_timeline|GET|/api/v1/tickets/$ticket_id/timeline|"
  "dashboard|GET|/api/v1/dashboard|"
  "public_tracking|GET|/api/v1/public/track/$tracking_code|"
  "ticket_volume|GET|$volume|"
  "issue_part|POST|/api/v1/tickets/TICKET/parts/issue|{\"warehouse_id\":\"$warehouse_id\",\"part_id\":\"$part_id\",\"quantity\":1}"
)

# On PostgreSQL, the SQL ceiling of a read: the statements one bare request runs,
# captured from the server's log, replayed by pgbench with prepared statements.
if [ "$db" = postgres ]; then
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  pg_sql() { "$PG_BIN/psql" -qX "$AFTERSALES_DATABASE_URL" -c "$1" >/dev/null; }
  pg_sql "ALTER SYSTEM SET log_line_prefix = '%a|'"
fi
# capture NAME METHOD PATH BODY: writes $WORK/NAME.sql, the request's statements
# as a pgbench script; none for a request that writes (pgbench_script.js).
capture() {
  local log="$PG_DIR/server.log" from
  bare_once() { curl -fsS -o /dev/null -X "$1" -H 'Content-Type: application/json' ${3:+-d "$3"} "$URL/bench/bare$2"; }
  # Once before logging: the bare endpoint looks the administrator up on its first call.
  bare_once "$2" "$3" "$4"
  pg_sql "ALTER SYSTEM SET log_statement = 'all'"
  pg_sql "SELECT pg_reload_conf()"
  sleep 0.3
  from=$(( $(stat -c %s "$log") + 1 ))
  bare_once "$2" "$3" "$4"
  sleep 0.3
  pg_sql "ALTER SYSTEM RESET log_statement"
  pg_sql "SELECT pg_reload_conf()"
  # The server's connections have no application name; psql's lines are left out.
  tail -c +"$from" "$log" | node "$BENCH_DIR/pgbench_script.js" "[unknown]" >"$WORK/$1.sql" || rm -f "$WORK/$1.sql"
}
# pgbench_run NAME CONNECTIONS: the captured script for the run's duration, as a
# JSON line like wrk's (pgbench gives the mean latency, not percentiles).
pgbench_run() {
  # Its output is kept beside the script; a failing run counts as failed requests.
  { "$PG_BIN/pgbench" -n -M prepared -f "$WORK/$1.sql" -c "$2" -j "$(( $2 < 2 ? 1 : 2 ))" -T "$duration" \
    "$AFTERSALES_DATABASE_URL" 2>&1 || echo "number of failed transactions: 1"; } | tee "$WORK/$1-$2.pgbench" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{
      const n = (re) => { const m = s.match(re); return m ? +m[1] : null; };
      console.log(JSON.stringify({ rps: n(/tps = ([\d.]+)/), latency_avg_ms: n(/latency average = ([\d.]+) ms/),
        failed: n(/number of failed transactions: (\d+)/) || 0 }))})'
}

RESULTS="$WORK/results.jsonl"
: >"$RESULTS"
# record NAME VARIANT CONNECTIONS LOAD: appends the JSON line on stdin to the results.
record() {
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{
    const [workload, variant, c, load] = process.argv.slice(1);
    console.log(JSON.stringify({workload, variant, connections: +c, load_before: +load, ...JSON.parse(s)}))})' \
    "$@" >>"$RESULTS"
}
# wrk_run CONNECTIONS PATH: one wrk run of the current workload, its JSON line.
wrk_run() {
  local script="$BENCH_DIR/report.lua"
  [ "$method" = POST ] && script="$BENCH_DIR/post.lua"
  [ "$name" = partner_intake ] && script="$BENCH_DIR/partner.lua"
  [[ "$2" == *TICKET* ]] && script="$BENCH_DIR/rotate.lua"
  # A slow request is measured (its latency in p99), not dropped at wrk's 2 s.
  BENCH_BODY="$body" wrk -t"$(( $1 < 2 ? 1 : 2 ))" -c"$1" -d"${duration}s" --timeout 30s -s "$script" \
    -H "Authorization: Bearer $token" "$URL$2" | tail -n 1
}
for entry in "${workloads[@]}"; do
  IFS='|' read -r name method path body <<<"$entry"
  [ -z "$only" ] || [ "$name" = http_ceiling ] || [[ " $only " == *" $name "* ]] || continue
  [ "$db" = postgres ] && [ "$name" != http_ceiling ] && [[ "$path" != *TICKET* ]] \
    && capture "$name" "$method" "$path" "$body"
  for c in $connections; do
    # The workload and its ceilings one after the other, so that they share the
    # machine's state; the load average before each says whether it was quiet.
    load="$(cut -d' ' -f1 /proc/loadavg)"
    line="$(wrk_run "$c" "$path")"
    echo "$line" | record "$name" app "$c" "$load"
    log "$name at $c: $line"
    [ "$name" = http_ceiling ] && continue
    load="$(cut -d' ' -f1 /proc/loadavg)"
    wrk_run "$c" "/bench/bare$path" | record "$name" bare "$c" "$load"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    # Its report is the last line; warnings of the pool may come before it.
    "$BIN" bench-statements --method "$method" --path "$path" --body "$body" --tickets "$BENCH_TICKETS" \
      --connections "$c" --seconds "$duration" | tail -n 1 | record "$name" statements "$c" "$load"
    if [ -f "$WORK/$name.sql" ]; then
      load="$(cut -d' ' -f1 /proc/loadavg)"
      pgbench_run "$name" "$c" | record "$name" pgbench "$c" "$load"
    fi
  done
done
# Intake while two clients keep asking for the year's report: writers must not
# starve behind long reads (compared with intake alone in the summary).
for c in $connections; do
  [ "$c" -gt 1 ] || continue
  BENCH_BODY="" wrk -t1 -c2 -d"$(( duration + 2 ))s" -s "$BENCH_DIR/report.lua" \
    -H "Authorization: Bearer $token" "$URL$volume" >/dev/null &
  reports_pid=$!
  sleep 1
  load="$(cut -d' ' -f1 /proc/loadavg)"
  method=POST body="$ticket_body" wrk_run "$c" /api/v1/tickets | record intake_beside_two_reports app "$c" "$load"
  wait "$reports_pid"
done
# Webhook delivery: the events partner_intake left in the outbox, delivered by a
# second server process on the same database (as a deployment with a delivery
# worker runs), timed from its start until none waits. Its ceiling ("bare") is
# the receiver taking the same message straight from wrk at as many connections
# as a dispatcher sends at once.
pending() { api "/api/v1/webhooks/$endpoint_id/deliveries?status=pending&limit=1" | json 'j.items.length'; }
if [ "$(pending)" -gt 0 ]; then
  first_delivery="$(api "/api/v1/webhooks/$endpoint_id/deliveries?limit=1" | json 'j.items[0].id')"
  api "/api/v1/webhook-deliveries/$first_delivery" | json j.payload >"$WORK/message.json"
  load="$(cut -d' ' -f1 /proc/loadavg)"
  before="$(curl -fsS "$RECEIVER/count")"
  started="$(date +%s%N)"
  AFTERSALES_WEBHOOK_DELIVERY=true AFTERSALES_WEBHOOK_POLL_MILLIS=50 \
    AFTERSALES_BIND="127.0.0.1:$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')" \
    "$BIN" serve >"$WORK/deliverer.log" 2>&1 &
  DELIVERER_PID=$!
  while [ "$(pending)" -gt 0 ]; do sleep 0.1; done
  seconds="$(node -p "($(date +%s%N) - $started) / 1e9")"
  kill "$DELIVERER_PID"; wait "$DELIVERER_PID" 2>/dev/null || true; DELIVERER_PID=""
  delivered=$(( $(curl -fsS "$RECEIVER/count") - before ))
  failed="$(api "/api/v1/webhooks/$endpoint_id/deliveries?status=failed&limit=200" | json 'j.items.length')"
  echo "{\"requests\":$delivered,\"seconds\":$seconds,\"rps\":$(node -p "$delivered / $seconds"),\"failed\":$failed}" \
    | record webhook_delivery app 32 "$load"
  log "webhook_delivery: $delivered messages in ${seconds}s"
  load="$(cut -d' ' -f1 /proc/loadavg)"
  BENCH_BODY="$(cat "$WORK/message.json")" wrk -t2 -c32 -d"${duration}s" -s "$BENCH_DIR/post.lua" "$RECEIVER/hooks" \
    | tail -n 1 | record webhook_delivery bare 32 "$load"
fi

# The web app over the same server and network, as the admin signs in.
if [ "$webapp" = 1 ] && [ -f "$DIST/index.html" ]; then
  log "web app in headless Chromium ($rounds rounds)"
  BASE_URL="$URL" NODE_TOOLS="$NODE_TOOLS" node "$BENCH_DIR/webapp.mjs" "$DIST" "$rounds" >"$WORK/webapp.json"
else
  log "no web app in $DIST (scripts/build-frontend.sh makes it): not measured"
fi
peak_rss_kb="$(awk '/VmHWM/ {print $2}' "/proc/$SERVER_PID/status")"
peak_anon_kb="$(cat "$WORK/peak_anon_kb" 2>/dev/null || echo 0)"

# Every unit that left the shelf is on a bench ticket's line, and no other did:
# 32 clients on one part lose no update and issue nothing twice.
shelf_after="$(on_hand "$part_id")" issued_total="$(issued "$part_id")"
[ $(( shelf_before + 1000000 - shelf_after )) -eq "$issued_total" ] \
  || die "issue_part: the shelf went from $shelf_before + 1000000 to $shelf_after, but $issued_total were issued"
log "issue_part: $issued_total issued, the shelf agrees"
# Zero oversell: 32 clients ask for more than the shelf holds; exactly what it
# held is issued, the rest is refused (409), and it ends empty, not below.
probe_before="$(on_hand "$probe_part_id")"
receive "$probe_part_id" 50
BENCH_BODY="{\"warehouse_id\":\"$warehouse_id\",\"part_id\":\"$probe_part_id\",\"quantity\":1}" \
  wrk -t2 -c32 -d2s -s "$BENCH_DIR/rotate.lua" -H "Authorization: Bearer $token" \
  "$URL/api/v1/tickets/TICKET/parts/issue" >/dev/null
probe_after="$(on_hand "$probe_part_id")" probe_issued="$(issued "$probe_part_id")"
[ "$probe_after" -eq 0 ] && [ "$probe_issued" -eq $(( probe_before + 50 )) ] \
  || die "oversell probe: $(( probe_before + 50 )) on the shelf, $probe_issued issued, $probe_after left"
log "oversell probe: $probe_issued issued of $(( probe_before + 50 )), none beyond"

mkdir -p "$CARGO_TARGET_DIR/bench"
OUT="$CARGO_TARGET_DIR/bench/$db-$tickets-$(date -u +%Y%m%dT%H%M%SZ).json"
node "$BENCH_DIR/summarise.js" "$RESULTS" "$OUT" "$db" "$tickets" "$seed_seconds" "$startup_ms" "$peak_rss_kb" \
  "$peak_anon_kb" "$profile" \
  "$WORK/webapp.json"
