// Prints a run of scripts/bench/run.sh (its JSON file) as the short table the
// README's Performance section shows: per workload, req/s at each connection
// count, p99 at the most, and the ratios to the ceilings at 8 connections.
//
//   node scripts/bench/readme_table.js $CARGO_TARGET_DIR/bench/sqlite-100000-….json
const fs = require("fs");
const report = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const apps = report.runs.filter((r) => r.variant === "app");
const conns = [...new Set(apps.map((r) => r.connections))].sort((a, b) => a - b);
const most = conns[conns.length - 1];
const at = conns.includes(8) ? 8 : most;
const pgbench = report.runs.some((r) => r.variant === "pgbench");
const fmt = (v, digits = 0) =>
  v === null || v === undefined ? "" : (+v).toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const rps = (v) => (v < 10 ? fmt(v, 1) : fmt(v));
const head = ["workload", `req/s at ${conns.join(" / ")}`, `p99 ms at ${most}`, `÷ bare at ${at}`, `÷ loop at ${at}`];
if (pgbench) head.push(`÷ pgbench at ${at}`);
console.log(`| ${head.join(" | ")} |`);
console.log(`|${head.map(() => "---").join("|")}|`);
for (const name of [...new Set(apps.map((r) => r.workload))]) {
  if (name === "intake_beside_two_reports" || name === "webhook_delivery") continue;
  const run = (c) => apps.find((r) => r.workload === name && r.connections === c);
  const top = run(most) || {};
  const mid = run(at) || {};
  const row = [name, conns.map((c) => rps((run(c) || {}).rps)).join(" / "), top.failed ? "timeouts" : top.rps === 0 ? "none finished" : fmt(top.p99_ms, 1),
    fmt(mid.ratio_to_bare, 2), fmt(mid.ratio_to_statements, 2)];
  if (pgbench) row.push(fmt(mid.ratio_to_pgbench, 2));
  console.log(`| ${row.join(" | ")} |`);
}
for (const r of apps.filter((r) => r.workload === "intake_beside_two_reports")) {
  console.log(`\nIntake beside two clients running the year's report, ${r.connections} connections: ` +
    `${fmt(r.rps)} req/s, ${fmt(r.ratio_to_alone, 2)} of intake alone.`);
}
for (const r of apps.filter((r) => r.workload === "webhook_delivery")) {
  const receiver = report.runs.find((x) => x.workload === "webhook_delivery" && x.variant === "bare") || {};
  console.log(`\nWebhook delivery: ${fmt(r.requests)} messages of partner_intake's tickets delivered from the outbox ` +
    `by a second server process in ${fmt(r.seconds, 1)} s, ${fmt(r.rps)} a second, signed, each recorded; ` +
    `the receiver alone takes ${fmt(receiver.rps)} a second from wrk at ${r.connections} connections (${fmt(r.ratio_to_bare, 2)} of it).`);
}
const w = report.webapp;
if (w) {
  console.log(`\nWeb app: first screen ${fmt(w.first_screen_brotli_bytes / 1024)} KiB as sent (brotli); ` +
    `main wasm module ${fmt(w.wasm_bytes / 1024)} KiB raw, ${fmt(w.wasm_gzip_bytes / 1024)} gzip, ` +
    `${fmt(w.wasm_brotli_bytes / 1024)} brotli; the pages split off it ${fmt((w.all_wasm_brotli_bytes - w.wasm_brotli_bytes) / 1024)} KiB more. ` +
    `Headless Chromium over loopback (median of ${w.rounds}): sign-in form ${w.login_form_ms} ms after a cold load, ` +
    `the dashboard's counts ${w.dashboard_ms} ms after signing in, ${w.dashboard_reload_ms} ms on a reload.`);
}
console.log(`\nSeeded in ${fmt(report.seed_seconds, 1)} s; server ready in ${report.startup_ms} ms; peak RSS ${report.peak_rss_mib} MiB` +
  (report.peak_anon_mib ? ` (${report.peak_anon_mib} MiB of it the server's own memory, the rest pages of the database file mapped in to be read).` : "."));
