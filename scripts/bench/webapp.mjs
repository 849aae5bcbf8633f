// The web app's side of the benchmark: what the first screen downloads, and how
// long headless Chromium over loopback takes to show the dashboard's numbers.
//
//   BASE_URL=http://127.0.0.1:8080 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node scripts/bench/webapp.mjs frontend/dist [rounds]
//
// Each round opens a new browser context (an empty cache, as on a first visit)
// and times, from the start of each navigation:
//   login_form_ms          the sign-in form is on screen after a cold load;
//   dashboard_ms           from pressing "sign in" to the dashboard's counts;
//   dashboard_reload_ms    a reload of the dashboard with the app in the cache.
// Prints one JSON line: the medians and the download sizes.

import { createRequire } from 'node:module';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const [dist, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg || 5);
const base = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const password = process.env.DEMO_PASSWORD || 'demo-password';
const require = createRequire(join(process.env.NODE_TOOLS, 'package.json'));
const { chromium } = require(join(process.env.NODE_TOOLS, 'node_modules', 'playwright-core'));

/// Bytes of what the first screen loads (index.html, the stylesheet, the js glue,
/// the loader of split-off modules and the main wasm module; the pages split off
/// load later), raw and as the server sends them: its brotli copy where the build
/// made one.
function sizes() {
  const files = readdirSync(dist);
  const size = (f) => (files.includes(f) ? statSync(join(dist, f)).size : null);
  const main = files.find((f) => f.startsWith('aftersales_frontend_bg') && f.endsWith('.wasm'));
  const firstScreen = files.filter((f) => /\.(html|js|css)$/.test(f) || f === main);
  const allWasm = files.filter((f) => f.endsWith('.wasm'));
  return {
    wasm_modules: allWasm.length,
    wasm_bytes: size(main),
    wasm_gzip_bytes: size(`${main}.gz`),
    wasm_brotli_bytes: size(`${main}.br`),
    all_wasm_brotli_bytes: allWasm.reduce((t, f) => t + (size(`${f}.br`) ?? size(f)), 0),
    first_screen_bytes: firstScreen.reduce((t, f) => t + size(f), 0),
    first_screen_brotli_bytes: firstScreen.reduce((t, f) => t + (size(`${f}.br`) ?? size(f)), 0),
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : null;
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
});
const counts = '#tile-open .tile-count';
const timings = { login_form_ms: [], dashboard_ms: [], dashboard_reload_ms: [] };
try {
  for (let i = 0; i < rounds; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    let start = Date.now();
    await page.goto(`${base}/login`);
    await page.locator('#username').waitFor({ state: 'visible' });
    timings.login_form_ms.push(Date.now() - start);
    await page.locator('#username').fill('admin');
    await page.locator('#password').fill(password);
    start = Date.now();
    await page.locator('#login-submit').click();
    await page.locator(counts).waitFor({ state: 'visible' });
    timings.dashboard_ms.push(Date.now() - start);
    start = Date.now();
    await page.reload();
    await page.locator(counts).waitFor({ state: 'visible' });
    timings.dashboard_reload_ms.push(Date.now() - start);
    await context.close();
  }
} finally {
  await browser.close();
}
const result = { rounds, ...sizes() };
for (const [name, xs] of Object.entries(timings)) result[name] = median(xs);
console.log(JSON.stringify(result));
