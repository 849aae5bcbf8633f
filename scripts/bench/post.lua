-- A POST of the JSON body in $BENCH_BODY, reported like every workload.
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/json"
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
