// End-to-end check of the web app in headless Chromium: sign-in, the shell, the
// branches page, sign-out. Plain Node (no test framework); playwright-core comes from
// the tools cache that scripts/setup.sh fills.
//
//   BASE_URL=http://127.0.0.1:8099 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/login.test.mjs
//
// Prints `ok - name` / `not ok - name: reason` per test, then `N passed, N failed`;
// exits 1 if any test failed. One screenshot per test lands in tests/browser/screenshots/.

import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const nodeTools = process.env.NODE_TOOLS;
if (!nodeTools) {
  console.error('NODE_TOOLS is not set (the directory holding node_modules/playwright-core)');
  process.exit(2);
}
const require = createRequire(join(nodeTools, 'package.json'));
const { chromium } = require(join(nodeTools, 'node_modules', 'playwright-core'));

const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const DEMO_USER = process.env.DEMO_USER || 'admin';
const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'demo-password';
const SHOTS = join(here, 'screenshots');
const TIMEOUT = 15_000;

mkdirSync(SHOTS, { recursive: true });

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function signIn(page, username, password) {
  await page.goto(`${BASE_URL}/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#login-submit').click();
}

// Each test gets a fresh page in the shared context (so the session carries over
// from one test to the next, as it would for a person using the app).
const tests = [
  {
    name: 'a wrong password shows the problem and stays on the login page',
    fresh: true,
    async run(page) {
      await signIn(page, DEMO_USER, `${DEMO_PASSWORD}-wrong`);
      const error = page.locator('#login-error');
      await error.waitFor({ state: 'visible', timeout: TIMEOUT });
      const text = (await error.innerText()).trim();
      assert(text.length > 0, '#login-error is empty');
      assert((await error.getAttribute('role')) === 'alert', '#login-error lacks role="alert"');
      const path = new URL(page.url()).pathname;
      assert(path === '/login', `expected to stay on /login, now on ${path}`);
      assert(await page.locator('#current-user').count() === 0, 'the shell is shown without a session');
    },
  },
  {
    name: 'the demo admin signs in and sees the shell with their name',
    fresh: true,
    async run(page) {
      await signIn(page, DEMO_USER, DEMO_PASSWORD);
      const user = page.locator('#current-user');
      await user.waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.waitForFunction(
        () => (document.querySelector('#current-user')?.textContent || '').trim().length > 0,
        null,
        { timeout: TIMEOUT },
      );
      const path = new URL(page.url()).pathname;
      assert(path === '/', `expected to land on /, now on ${path}`);
      const nav = page.locator('nav a', { hasText: 'Branches' });
      await nav.waitFor({ state: 'visible', timeout: TIMEOUT });
      assert(await page.locator('header').getByText('Aftersales').count() > 0, 'no product name in the header');
    },
  },
  {
    name: 'the branches page lists the head office',
    async run(page) {
      await page.goto(`${BASE_URL}/`);
      await page.locator('nav a', { hasText: 'Branches' }).click();
      await page.waitForURL((url) => url.pathname === '/branches', { timeout: TIMEOUT });
      const row = page.locator('table tbody tr', { hasText: 'HQ' }).first();
      await row.waitFor({ state: 'visible', timeout: TIMEOUT });
    },
  },
  {
    name: 'signing out returns to the login page',
    async run(page) {
      await page.goto(`${BASE_URL}/`);
      const logout = page.locator('#logout');
      await logout.waitFor({ state: 'visible', timeout: TIMEOUT });
      await logout.click();
      await page.waitForURL((url) => url.pathname === '/login', { timeout: TIMEOUT });
      await page.locator('#login-submit').waitFor({ state: 'visible', timeout: TIMEOUT });
      // The session is gone: the shell sends us back to the login page.
      await page.goto(`${BASE_URL}/branches`);
      await page.waitForURL((url) => url.pathname === '/login', { timeout: TIMEOUT });
    },
  },
];

function slug(name) {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

let passed = 0;
let failed = 0;
let context = null;
try {
  for (const test of tests) {
    if (test.fresh || !context) {
      if (context) await context.close();
      context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
    }
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    const consoleErrors = [];
    const pageErrors = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => pageErrors.push(String(err && err.message ? err.message : err)));

    let failure = null;
    try {
      await test.run(page);
      if (pageErrors.length > 0) failure = `page error: ${pageErrors.join(' | ')}`;
    } catch (err) {
      failure = String(err && err.message ? err.message : err).split('\n')[0];
      if (pageErrors.length > 0) failure += ` (page error: ${pageErrors.join(' | ')})`;
    }
    try {
      await page.screenshot({ path: join(SHOTS, `${slug(test.name)}.png`), fullPage: true });
    } catch {
      // A screenshot is a help, not a result.
    }
    // Expected 401s show up as console errors ("Failed to load resource"); report
    // them for context without failing the test.
    if (consoleErrors.length > 0) {
      for (const line of consoleErrors) console.error(`# console error: ${line}`);
    }
    if (failure) {
      failed += 1;
      console.log(`not ok - ${test.name}: ${failure}`);
    } else {
      passed += 1;
      console.log(`ok - ${test.name}`);
    }
    await page.close();
  }
} finally {
  if (context) await context.close();
  await browser.close();
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
