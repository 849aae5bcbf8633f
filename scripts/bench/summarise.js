// Turns the runs of scripts/bench/run.sh into a table (stdout) and one JSON file:
// each workload (variant "app") beside its ceilings measured at the same
// connections in the same minutes: the bare endpoint ("bare"), the use case in a
// loop without HTTP ("statements"), and GET /healthz (the HTTP ceiling).
// Exits 1 when any request failed: a benchmark that hides errors measures nothing.
const fs = require("fs");
const os = require("os");
const [results, out, db, tickets, seedSeconds, startupMs, peakRssKb, profile] = process.argv.slice(2);
const runs = fs.readFileSync(results, "utf8").trim().split("\n").map((l) => JSON.parse(l));
const find = (workload, variant, c) => runs.find((r) => r.workload === workload && r.variant === variant && r.connections === c);
const ratio = (r, top) => (top && top.rps > 0 ? +(r.rps / top.rps).toFixed(4) : null);
const apps = runs.filter((r) => r.variant === "app");
for (const r of apps) {
  r.ratio_to_bare = ratio(r, find(r.workload, "bare", r.connections));
  r.ratio_to_statements = ratio(r, find(r.workload, "statements", r.connections));
  r.ratio_to_http_ceiling = ratio(r, find("http_ceiling", "app", r.connections));
}
const report = {
  machine: { cpus: os.cpus().length, model: os.cpus()[0].model, memory_gib: +(os.totalmem() / 2 ** 30).toFixed(1) },
  db, tickets: +tickets, profile, seed_seconds: +seedSeconds, startup_ms: +startupMs,
  peak_rss_mib: +(peakRssKb / 1024).toFixed(1), runs,
};
const num = (v, digits = 0) => (v === undefined || v === null ? "" : (+v).toFixed(digits));
const rows = apps.map((r) => {
  const bare = find(r.workload, "bare", r.connections) || {};
  const loop = find(r.workload, "statements", r.connections) || {};
  const failed = r.failed + (bare.failed || 0) + (loop.failed || 0);
  return [r.workload, r.connections, num(r.rps), num(r.p50_ms, 2), num(r.p99_ms, 2),
    num(bare.rps), num(r.ratio_to_bare, 2), num(loop.rps), num(r.ratio_to_statements, 2),
    num(r.ratio_to_http_ceiling, 3), failed, num(r.load_before, 2)];
});
const head = ["workload", "conns", "req/s", "p50 ms", "p99 ms", "bare req/s", "÷ bare", "loop req/s", "÷ loop",
  "÷ /healthz", "failed", "load before"];
console.log(`\n${db}, ${tickets} tickets, ${profile} build; ${report.machine.cpus} × ${report.machine.model}`);
console.log(`seeded in ${(+seedSeconds).toFixed(1)} s; server ready in ${startupMs} ms; peak RSS ${report.peak_rss_mib} MiB\n`);
console.log(`| ${head.join(" | ")} |`);
console.log(`|${head.map(() => "---").join("|")}|`);
for (const row of rows) console.log(`| ${row.join(" | ")} |`);
for (const r of apps.filter((r) => r.workload === "intake_beside_two_reports")) {
  const alone = find("ticket_intake", "app", r.connections);
  r.ratio_to_alone = alone ? +(r.rps / alone.rps).toFixed(4) : null;
  console.log(`\nintake at ${r.connections} beside two clients running ticket_volume: ${num(r.rps)} req/s, ` +
    `p99 ${num(r.p99_ms, 1)} ms, ${num(r.ratio_to_alone, 2)} of intake alone`);
}
fs.writeFileSync(out, JSON.stringify(report, null, 2) + "\n");
console.log(`\nwritten to ${out}`);
const failed = runs.filter((r) => r.failed > 0);
if (failed.length) {
  console.error(`failed requests in: ${failed.map((r) => `${r.workload} (${r.variant}) at ${r.connections}`).join(", ")}`);
  process.exit(1);
}
