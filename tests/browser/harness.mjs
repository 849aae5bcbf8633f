// What every browser test file shares: where the server is, how to launch headless
// Chromium, how to sign in, call the API, switch language, take screenshots, and run
// a list of tests on one page, printing `ok - name` / `not ok - name: reason` and
// `N passed, N failed` (scripts/test.sh tallies those lines).
//
//   import { run, assert, TIMEOUT } from './harness.mjs';
//   await run('stock', [{ name: '…', async run(page, shot) { … } }]);
//
// Environment: BASE_URL (the server), NODE_TOOLS (the directory holding
// node_modules/playwright-core), DEMO_PASSWORD (default demo-password).

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

export const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
export const PASSWORD = process.env.DEMO_PASSWORD || 'demo-password';
export const TIMEOUT = 15_000;
const SHOTS = join(here, 'screenshots');
mkdirSync(SHOTS, { recursive: true });

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/// Calls the REST API directly (to prepare data); throws on a non-2xx answer.
export async function api(method, path, token, body, headers = {}) {
  const response = await fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/// An access token for a demo user.
export async function tokenFor(username) {
  const answer = await api('POST', '/auth/login', null, { username, password: PASSWORD });
  return answer.access_token;
}

/// Signs in through the login form and waits for the shell.
export async function signIn(page, username) {
  await page.goto(`${BASE_URL}/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#login-submit').click();
  await page.locator('#current-user').waitFor({ state: 'visible', timeout: TIMEOUT });
}

const LANGS = { en: ['en', 'ltr'], vi: ['vi', 'ltr'], fa: ['fa', 'rtl'], zh: ['zh-CN', 'ltr'] };

/// Waits until the page is in a language (`en`, `vi`, `fa`, `zh`): its lang and direction.
export async function waitForLang(page, code) {
  const [lang, dir] = LANGS[code];
  await page.waitForFunction(
    ([l, d]) => document.documentElement.lang === l && document.documentElement.dir === d,
    [lang, dir],
    { timeout: TIMEOUT },
  );
}

/// Switches the app's language with the header's selector and waits until it took.
export async function switchTo(page, code) {
  await page.locator('#locale-select').selectOption(code);
  await waitForLang(page, code);
}

/// Chooses an option of a <select> by a data attribute (the label is localised).
export async function chooseBy(page, select, attr, value) {
  const option = page.locator(`${select} option[${attr}="${value}"]`);
  await option.waitFor({ state: 'attached', timeout: TIMEOUT });
  await page.locator(select).selectOption(await option.getAttribute('value'));
}

/// The trimmed visible text of the first match.
export async function textOf(page, selector) {
  const locator = page.locator(selector).first();
  await locator.waitFor({ state: 'visible', timeout: TIMEOUT });
  return (await locator.innerText()).trim();
}

/// Signs out with the header's button and waits for the login page.
export async function signOut(page) {
  await page.locator('#logout').click();
  await page.waitForURL((url) => url.pathname === '/login', { timeout: TIMEOUT });
}

/// Waits until a toast reads (or contains) `text`.
export async function toast(page, text) {
  await page.locator('#toasts .toast-text', { hasText: text }).first().waitFor({ timeout: TIMEOUT });
}

/// Waits until the ticket page shows the ticket in `stage`.
export async function stageIs(page, stage) {
  await page.locator(`#ticket-stage[data-stage="${stage}"]`).waitFor({ timeout: TIMEOUT });
}

/// Waits until the ticket page's step to `to` is offered and its button can be pressed.
export async function stepEnabled(page, to) {
  await page.waitForFunction((t) => {
    const b = document.querySelector(`#ticket-steps li[data-to="${t}"] button`);
    return b && !b.disabled;
  }, to, { timeout: TIMEOUT });
}

/// Takes the ticket page's step to `to` once it can be taken, and waits for the new stage.
export async function takeStep(page, to) {
  await stepEnabled(page, to);
  await page.locator(`#ticket-steps li[data-to="${to}"] button`).click();
  await stageIs(page, to);
}

/// How many pixels the page is wider than the window (0 when nothing scrolls sideways).
export async function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/// Whether a text is written in Persian digits only (no ASCII digits).
export function persianDigits(text) {
  return /[۰-۹]/.test(text) && !/[0-9]/.test(text);
}

/// The Jalali year of an instant, as the browser writes it in Persian.
export async function jalaliYear(page, iso) {
  return page.evaluate(
    (at) =>
      new Intl.DateTimeFormat('fa-IR-u-ca-persian-nu-arabext', { year: 'numeric' })
        .format(new Date(at))
        .replace(/[\u200e\u200f]/g, ''),
    iso,
  );
}

/// Runs `tests` in order on one page (later tests go on where earlier ones left off).
/// Each test gets `(page, shot)`; `shot(name)` saves screenshots/<prefix>-<name>.png.
/// A test with `fresh: true` starts in a new browser context (signed out), its
/// browser language `locale` if given; `shotEach` shoots every test. A context
/// starts as if its person had picked the browser's language in the switcher, so
/// that the words a test looks for do not depend on the language saved on the
/// account it signs in with; `picked: false` leaves the choice open (the login
/// page then speaks the browser's language, and a signed-in user their own).
export async function run(prefix, tests, { viewport = { width: 1200, height: 800 }, shotEach = false, timezoneId } = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
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
  const pageErrors = [];
  let context = null;
  let page = null;
  const open = async (locale = 'en-US', picked = true) => {
    if (context) await context.close();
    context = await browser.newContext({ viewport, locale, ...(timezoneId ? { timezoneId } : {}) });
    if (picked) {
      // Stored as the app stores it (gloo-storage writes JSON).
      await context.addInitScript((code) => {
        if (!localStorage.getItem('aftersales.locale')) localStorage.setItem('aftersales.locale', JSON.stringify(code));
      }, locale.slice(0, 2));
    }
    page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    page.on('pageerror', (err) => pageErrors.push(String(err && err.message ? err.message : err)));
  };
  const shot = async (name) => {
    try {
      await page.screenshot({ path: join(SHOTS, `${prefix}-${name}.png`), fullPage: true });
    } catch {
      // A screenshot is a help, not a result.
    }
  };
  let passed = 0;
  let failed = 0;
  try {
    for (const test of tests) {
      if (test.fresh || !context) await open(test.locale, test.picked !== false);
      let failure = null;
      pageErrors.length = 0;
      try {
        await test.run(page, shot);
        if (pageErrors.length > 0) failure = `page error: ${pageErrors.join(' | ')}`;
      } catch (err) {
        failure = String(err && err.message ? err.message : err).split('\n')[0];
        if (pageErrors.length > 0) failure += ` (page error: ${pageErrors.join(' | ')})`;
      }
      if (shotEach) await shot(test.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''));
      if (failure) {
        failed += 1;
        console.log(`not ok - ${test.name}: ${failure}`);
        await shot('failure');
      } else {
        passed += 1;
        console.log(`ok - ${test.name}`);
      }
    }
  } finally {
    if (context) await context.close();
    await browser.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}
