// Turns the runs of scripts/bench/run.sh into a table (stdout) and one JSON file:
// each workload (variant "app") beside its ceilings measured at the same
// connections in the same minutes: the bare endpoint ("bare"), the use case in a
// loop without HTTP ("statements"), on PostgreSQL the captured statements replayed
// by pgbench ("pgbench"), and GET /healthz (the HTTP ceiling).
// With a tenth argument, the web app's measurements (scripts/bench/webapp.mjs).
// Exits 1 when any request failed: a benchmark that hides errors measures nothing.
const fs = require("fs");
const os = require("os");
const [results, out, db, tickets, seedSeconds, startupMs, peakRssKb, peakAnonKb, profile, webappFile] =
  process.argv.slice(2);
const runs = fs.readFileSync(results, "utf8").trim().split("\n").map((l) => JSON.parse(l));
const find = (workload, variant, c) => runs.find((r) => r.workload === workload && r.variant === variant && r.connections === c);
const ratio = (r, top) => (top && top.rps > 0 ? +(r.rps / top.rps).toFixed(4) : null);
const apps = runs.filter((r) => r.variant === "app");
for (const r of apps) {
  r.ratio_to_bare = ratio(r, find(r.workload, "bare", r.connections));
  r.ratio_to_statements = ratio(r, find(r.workload, "statements", r.connections));
  r.ratio_to_pgbench = ratio(r, find(r.workload, "pgbench", r.connections));
  r.ratio_to_http_ceiling = ratio(r, find("http_ceiling", "app", r.connections));
}
const report = {
  machine: { cpus: os.cpus().length, model: os.cpus()[0].model, memory_gib: +(os.totalmem() / 2 ** 30).toFixed(1) },
  db, tickets: +tickets, profile, seed_seconds: +seedSeconds, startup_ms: +startupMs,
  // RSS counts the pages of a SQLite file the server maps to read (mmap); the
  // anonymous part is the memory the server itself holds.
  peak_rss_mib: +(peakRssKb / 1024).toFixed(1), peak_anon_mib: +(peakAnonKb / 1024).toFixed(1), runs,
  webapp: webappFile && fs.existsSync(webappFile) ? JSON.parse(fs.readFileSync(webappFile, "utf8")) : null,
};
const num = (v, digits = 0) => (v === undefined || v === null ? "" : (+v).toFixed(digits));
const withPgbench = runs.some((r) => r.variant === "pgbench");
const rows = apps.map((r) => {
  const bare = find(r.workload, "bare", r.connections) || {};
  const loop = find(r.workload, "statements", r.connections) || {};
  const pgbench = find(r.workload, "pgbench", r.connections) || {};
  const failed = r.failed + (bare.failed || 0) + (loop.failed || 0) + (pgbench.failed || 0);
  return [r.workload, r.connections, num(r.rps), num(r.p50_ms, 2), num(r.p99_ms, 2),
    num(bare.rps), num(r.ratio_to_bare, 2), num(loop.rps), num(r.ratio_to_statements, 2),
    ...(withPgbench ? [num(pgbench.rps), num(r.ratio_to_pgbench, 2)] : []),
    num(r.ratio_to_http_ceiling, 3), failed, num(r.load_before, 2)];
});
const head = ["workload", "conns", "req/s", "p50 ms", "p99 ms", "bare req/s", "÷ bare", "loop req/s", "÷ loop",
  ...(withPgbench ? ["pgbench tx/s", "÷ pgbench"] : []), "÷ /healthz", "failed", "load before"];
console.log(`\n${db}, ${tickets} tickets, ${profile} build; ${report.machine.cpus} × ${report.machine.model}`);
console.log(`seeded in ${(+seedSeconds).toFixed(1)} s; server ready in ${startupMs} ms; peak RSS ${report.peak_rss_mib} MiB, ` +
  `${report.peak_anon_mib} MiB of it anonymous\n`);
console.log(`| ${head.join(" | ")} |`);
console.log(`|${head.map(() => "---").join("|")}|`);
for (const row of rows) console.log(`| ${row.join(" | ")} |`);
for (const r of apps.filter((r) => r.workload === "intake_beside_two_reports")) {
  const alone = find("ticket_intake", "app", r.connections);
  r.ratio_to_alone = alone ? +(r.rps / alone.rps).toFixed(4) : null;
  console.log(`\nintake at ${r.connections} beside two clients running ticket_volume: ${num(r.rps)} req/s, ` +
    `p99 ${num(r.p99_ms, 1)} ms, ${num(r.ratio_to_alone, 2)} of intake alone`);
}
const w = report.webapp;
if (w) {
  const kb = (b) => (b === null || b === undefined ? "?" : `${(b / 1024).toFixed(0)} KB`);
  console.log(`\nweb app: main wasm module ${kb(w.wasm_bytes)} raw, ${kb(w.wasm_gzip_bytes)} gzip, ` +
    `${kb(w.wasm_brotli_bytes)} brotli (all ${w.wasm_modules} modules ${kb(w.all_wasm_brotli_bytes)} brotli); ` +
    `first screen ${kb(w.first_screen_brotli_bytes)} as sent (${kb(w.first_screen_bytes)} raw)`);
  console.log(`headless Chromium over loopback, median of ${w.rounds}: sign-in form after a cold load ${w.login_form_ms} ms, ` +
    `dashboard counts ${w.dashboard_ms} ms after signing in, ${w.dashboard_reload_ms} ms on a reload`);
}
fs.writeFileSync(out, JSON.stringify(report, null, 2) + "\n");
console.log(`\nwritten to ${out}`);
const failed = runs.filter((r) => r.failed > 0);
if (failed.length) {
  console.error(`failed requests in: ${failed.map((r) => `${r.workload} (${r.variant}) at ${r.connections}`).join(", ")}`);
  process.exit(1);
}
