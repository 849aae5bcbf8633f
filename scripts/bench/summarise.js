// Turns the runs of scripts/bench/run.sh into a table (stdout) and one JSON file,
// each workload beside the HTTP ceiling measured at the same connections.
// Exits 1 when any request failed: a benchmark that hides errors measures nothing.
const fs = require("fs");
const os = require("os");
const [results, out, db, tickets, seedSeconds, startupMs, peakRssKb, profile] = process.argv.slice(2);
const runs = fs.readFileSync(results, "utf8").trim().split("\n").map((l) => JSON.parse(l));
const ceiling = (c) => runs.find((r) => r.workload === "http_ceiling" && r.connections === c);
for (const r of runs) {
  const top = ceiling(r.connections);
  r.ratio_to_http_ceiling = top && top.rps > 0 ? +(r.rps / top.rps).toFixed(4) : null;
}
const report = {
  machine: { cpus: os.cpus().length, model: os.cpus()[0].model, memory_gib: +(os.totalmem() / 2 ** 30).toFixed(1) },
  db, tickets: +tickets, profile, seed_seconds: +seedSeconds, startup_ms: +startupMs,
  peak_rss_mib: +(peakRssKb / 1024).toFixed(1), runs,
};
fs.writeFileSync(out, JSON.stringify(report, null, 2) + "\n");
const rows = runs.map((r) => [r.workload, r.connections, r.rps.toFixed(0), r.p50_ms.toFixed(2), r.p99_ms.toFixed(2),
  r.ratio_to_http_ceiling === null ? "" : r.ratio_to_http_ceiling.toFixed(3), r.failed, r.load_before.toFixed(2)]);
const head = ["workload", "conns", "req/s", "p50 ms", "p99 ms", "÷ /healthz", "failed", "load before"];
console.log(`\n${db}, ${tickets} tickets, ${profile} build; ${report.machine.cpus} × ${report.machine.model}`);
console.log(`seeded in ${(+seedSeconds).toFixed(1)} s; server ready in ${startupMs} ms; peak RSS ${report.peak_rss_mib} MiB\n`);
console.log(`| ${head.join(" | ")} |`);
console.log(`|${head.map(() => "---").join("|")}|`);
for (const row of rows) console.log(`| ${row.join(" | ")} |`);
console.log(`\nwritten to ${out}`);
const failed = runs.filter((r) => r.failed > 0);
if (failed.length) {
  console.error(`failed requests in: ${failed.map((r) => `${r.workload} at ${r.connections}`).join(", ")}`);
  process.exit(1);
}
