// Turns PostgreSQL's log of one request (log_statement = 'all', log_line_prefix
// '%a|') into a pgbench script that replays the same statements with the same
// values: the SQL ceiling of a workload on PostgreSQL (`pgbench -M prepared`).
//
//   node pgbench_script.js APPLICATION < server.log-tail > workload.sql
//
// Only lines of APPLICATION (the server's connections) are kept, not psql's. Exits
// 3, printing nothing, when the request wrote (INSERT, UPDATE, DELETE): replaying
// a write with the same keys measures only the errors; writes are compared with
// the use case's own loop instead.
const application = process.argv[2];
let input = "";
process.stdin.on("data", (d) => (input += d)).on("end", () => {
  // Log entries: "APP|LOG:  execute name: SQL" or "APP|LOG:  statement: SQL",
  // continued on lines that begin with a tab, then "APP|DETAIL:  parameters: …".
  const entries = [];
  for (const line of input.split("\n")) {
    if (line.startsWith("\t") && entries.length) {
      entries[entries.length - 1].text += ` ${line.trim()}`;
      continue;
    }
    const bar = line.indexOf("|");
    if (bar < 0) continue;
    const app = line.slice(0, bar);
    const rest = line.slice(bar + 1);
    const level = rest.slice(0, rest.indexOf(":"));
    entries.push({ app, level, text: rest.slice(level.length + 1).trim() });
  }
  const statements = [];
  for (const [i, e] of entries.entries()) {
    if (e.app !== application || e.level !== "LOG") continue;
    const m = e.text.match(/^(?:execute [^:]+|statement): (.*)$/s);
    if (!m) continue;
    let sql = m[1];
    const detail = entries[i + 1];
    if (detail && detail.app === application && detail.level === "DETAIL" && detail.text.startsWith("parameters:")) {
      const values = parameters(detail.text.slice("parameters:".length));
      // From the highest number down, so that $1 does not eat the front of $10.
      for (const n of Object.keys(values).map(Number).sort((a, b) => b - a)) {
        sql = sql.split(`$${n}`).join(values[n]);
      }
    }
    statements.push(sql.replace(/\s+/g, " ").trim().replace(/;$/, ""));
  }
  if (statements.some((s) => /^\s*(INSERT|UPDATE|DELETE)\b/i.test(s))) process.exit(3);
  if (!statements.length) {
    console.error("no statements of the server in the log");
    process.exit(2);
  }
  console.log(statements.map((s) => `${s};`).join("\n"));
});

/// `$1 = 'a', $2 = NULL, $3 = 'it''s'` → { 1: "'a'", 2: "NULL", 3: "'it''s'" }.
function parameters(text) {
  const values = {};
  const re = /\$(\d+) = (NULL|'(?:[^']|'')*')/g;
  let m;
  while ((m = re.exec(text))) values[Number(m[1])] = m[2];
  // The log quotes every value; small whole numbers go back unquoted, as the server
  // sent them typed (`SUM(CASE … THEN '1' …)` would be a sum of text). Longer runs
  // of digits stay quoted: they are text such as phone numbers.
  for (const [n, v] of Object.entries(values)) if (/^'-?\d{1,6}'$/.test(v)) values[n] = v.slice(1, -1);
  return values;
}
