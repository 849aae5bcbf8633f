// The ticket list /tickets in headless Chromium: two repair tickets made through the
// API as clerk.hn01, then the list found from the navigation, a text search that
// keeps only one of them, the filter kept in the URL across a reload, clearing it,
// a filter by kind, Persian (right to left, Jalali dates) and a 360 px screen.
// Plain Node (no test framework), like login.test.mjs:
//
//   BASE_URL=http://127.0.0.1:8099 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/tickets.test.mjs
//
// Prints `ok - name` / `not ok - name: reason` per test, then `N passed, N failed`;
// exits 1 if any test failed. Screenshots land in tests/browser/screenshots/tickets-*.png.

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
const USER = 'clerk.hn01';
const PASSWORD = process.env.DEMO_PASSWORD || 'demo-password';
const SHOTS = join(here, 'screenshots');
const TIMEOUT = 15_000;

mkdirSync(SHOTS, { recursive: true });

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function shot(page, name) {
  try {
    await page.screenshot({ path: join(SHOTS, `tickets-${name}.png`), fullPage: true });
  } catch {
    // A screenshot is a help, not a result.
  }
}

async function api(method, path, token, body) {
  const response = await fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

// Letters only, so the names are unique per run and searched as names, not phones.
const stamp = Date.now().toString(26).replace(/[0-9]/g, (d) => 'klmnopqrst'[Number(d)]);
const NAMES = [`Listalpha ${stamp}`, `Listbeta ${stamp}`];
const numbers = [];

/// Two repair tickets for two new customers, each with an unregistered unit.
async function createTickets() {
  const { access_token: token } = await api('POST', '/auth/login', null, { username: USER, password: PASSWORD });
  const me = await api('GET', '/auth/me', token);
  const models = await api('GET', '/product-models?limit=1', token);
  assert(models.items.length > 0, 'no product model in the demo data');
  for (const [i, name] of NAMES.entries()) {
    const phone = `+84 9${String(Date.now() + i).slice(-8)}`;
    const ticket = await api('POST', '/tickets', token, {
      branch_id: me.branch_id,
      kind: 'repair',
      channel: 'counter',
      new_customer: { kind: 'individual', name, phones: [{ number: phone }], allow_duplicate: true },
      model_id: models.items[0].id,
      fault_description: 'browser test of the ticket list',
    });
    numbers.push(ticket.number);
  }
}

/// The ticket numbers the list shows.
async function shown(page) {
  return page.locator('#ticket-list tr[data-number]').evaluateAll((rows) => rows.map((r) => r.dataset.number));
}

/// Waits until the list shows exactly `want` among `numbers` (and, if `only`, nothing else).
async function waitForList(page, want, only) {
  await page.waitForFunction(
    ([want, all, only]) => {
      const rows = [...document.querySelectorAll('#ticket-list tr[data-number]')].map((r) => r.dataset.number);
      const ours = rows.filter((n) => all.includes(n));
      return want.every((n) => ours.includes(n)) && ours.length === want.length && (!only || rows.length === want.length);
    },
    [want, numbers, only],
    { timeout: TIMEOUT },
  );
}

const tests = [
  {
    name: 'two repair tickets are made through the API as clerk.hn01',
    async run() {
      await createTickets();
      assert(numbers.length === 2 && numbers[0] !== numbers[1], `numbers ${JSON.stringify(numbers)}`);
    },
  },
  {
    name: 'the clerk reaches /tickets from the navigation and sees both, with names and labels',
    async run(page) {
      await page.goto(`${BASE_URL}/login`);
      await page.locator('#username').fill(USER);
      await page.locator('#password').fill(PASSWORD);
      await page.locator('#login-submit').click();
      await page.locator('#current-user').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.locator('nav a[href="/tickets"]').click();
      await page.waitForURL(/\/tickets$/, { timeout: TIMEOUT });
      await waitForList(page, numbers, false);
      const headers = (await page.locator('#ticket-list thead').innerText()).trim();
      for (const h of ['Number', 'Kind', 'Stage', 'Customer', 'Warranty', 'Technician', 'Created']) {
        assert(headers.includes(h), `headers lack ${h}: ${JSON.stringify(headers)}`);
      }
      const row = page.locator(`#ticket-list tr[data-number="${numbers[1]}"]`);
      await row.locator('td.customer', { hasText: NAMES[1] }).waitFor({ timeout: TIMEOUT });
      const text = await row.innerText();
      assert(text.includes('Repair'), `row reads ${JSON.stringify(text)}`);
      await shot(page, 'en');
    },
  },
  {
    name: 'searching the second customer\'s name keeps only that ticket, in the URL',
    async run(page) {
      await page.locator('#ticket-q').fill(NAMES[1]);
      await page.locator('#ticket-q').press('Enter');
      await page.waitForURL(/[?&]q=/, { timeout: TIMEOUT });
      await waitForList(page, [numbers[1]], true);
      await shot(page, 'en-search');
    },
  },
  {
    name: 'a reload shows the same filtered list',
    async run(page) {
      const before = page.url();
      await page.reload();
      await waitForList(page, [numbers[1]], true);
      assert(page.url() === before, `the URL changed to ${page.url()}`);
      const value = await page.locator('#ticket-q').inputValue();
      assert(value === NAMES[1], `the search field reads ${JSON.stringify(value)}`);
    },
  },
  {
    name: 'clearing the filters shows both tickets again without a reload',
    async run(page) {
      await page.evaluate(() => { window.__noReload = true; });
      await page.locator('#ticket-clear').click();
      await page.waitForURL(/\/tickets$/, { timeout: TIMEOUT });
      await waitForList(page, numbers, false);
      assert(await page.evaluate(() => window.__noReload === true), 'the page was reloaded');
      assert((await page.locator('#ticket-q').inputValue()) === '', 'the search field was not emptied');
    },
  },
  {
    name: 'a kind filter goes into the URL and filters the list',
    async run(page) {
      await page.locator('#ticket-kind').selectOption('installation');
      await page.waitForURL(/kind=installation/, { timeout: TIMEOUT });
      await waitForList(page, [], false);
      await page.locator('#ticket-kind').selectOption('repair');
      await page.waitForURL(/kind=repair/, { timeout: TIMEOUT });
      await waitForList(page, numbers, false);
    },
  },
  {
    name: 'Persian: right to left, labels translated, created dates in Jalali with Persian digits',
    async run(page) {
      await page.locator('#locale-select').selectOption('fa');
      await page.waitForFunction(() => document.documentElement.dir === 'rtl', null, { timeout: TIMEOUT });
      const row = page.locator(`#ticket-list tr[data-number="${numbers[1]}"]`);
      const kind = (await row.locator('td').nth(1).innerText()).trim();
      assert(kind === 'تعمیر', `kind reads ${JSON.stringify(kind)}`);
      const when = (await row.locator('td.created time').innerText()).trim();
      assert(/[۰-۹]/.test(when) && !/[0-9]/.test(when), `created date reads ${JSON.stringify(when)}`);
      const year = await row.locator('td.created time').evaluate((t) =>
        new Intl.DateTimeFormat('fa-IR-u-ca-persian-nu-arabext', { year: 'numeric' })
          .format(new Date(t.getAttribute('datetime')))
          .replace(/[\u200e\u200f]/g, ''),
      );
      assert(when.includes(year), `created date ${JSON.stringify(when)} is not in Jalali year ${year}`);
      await shot(page, 'fa');
    },
  },
  {
    name: 'Persian: created-from dates are typed in Jalali, kept in the URL as ISO days',
    async run(page) {
      // Today and tomorrow in the Jalali calendar, as the field's hint asks (yyyy/mm/dd).
      const [today, tomorrow] = await page.evaluate(() => {
        const jalali = (d) => {
          const parts = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', { year: 'numeric', month: '2-digit', day: '2-digit' })
            .formatToParts(d);
          const get = (t) => parts.find((p) => p.type === t).value;
          return `${get('year').replace(/\D/g, '')}/${get('month')}/${get('day')}`;
        };
        const now = new Date();
        return [jalali(now), jalali(new Date(now.getTime() + 86_400_000))];
      });
      const iso = await page.evaluate(() => {
        const d = new Date();
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      });
      await page.locator('#ticket-from').fill(today);
      await page.locator('#ticket-from').press('Enter');
      await page.waitForURL(new RegExp(`from=${iso}`), { timeout: TIMEOUT });
      await waitForList(page, numbers, false);
      await page.locator('#ticket-from').fill(tomorrow);
      await page.locator('#ticket-from').press('Enter');
      await page.waitForURL((url) => !url.toString().includes(`from=${iso}`), { timeout: TIMEOUT });
      await page.locator('#ticket-list td.muted').first().waitFor({ timeout: TIMEOUT });
      await waitForList(page, [], false);
      await page.locator('#ticket-from').fill('not a date');
      await page.locator('#ticket-from').press('Enter');
      await page.locator('#ticket-filters .field-error').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.locator('#ticket-clear').click();
      await page.waitForURL(/\/tickets$/, { timeout: TIMEOUT });
      await waitForList(page, numbers, false);
    },
  },
  {
    name: 'at 360 px only the table scrolls sideways',
    async run(page) {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.waitForTimeout(200);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 1, `the page is ${overflow}px wider than the screen`);
      await shot(page, 'fa-360');
      await page.locator('#locale-select').selectOption('en');
    },
  },
];

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
const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, locale: 'en-US' });
// One page for every test: the later ones go on where the earlier left off.
const page = await context.newPage();
page.setDefaultTimeout(TIMEOUT);
const pageErrors = [];
page.on('pageerror', (err) => pageErrors.push(String(err && err.message ? err.message : err)));
try {
  for (const test of tests) {
    let failure = null;
    pageErrors.length = 0;
    try {
      await test.run(page);
      if (pageErrors.length > 0) failure = `page error: ${pageErrors.join(' | ')}`;
    } catch (err) {
      failure = String(err && err.message ? err.message : err).split('\n')[0];
      if (pageErrors.length > 0) failure += ` (page error: ${pageErrors.join(' | ')})`;
    }
    if (failure) {
      failed += 1;
      console.log(`not ok - ${test.name}: ${failure}`);
      await shot(page, 'failure');
    } else {
      passed += 1;
      console.log(`ok - ${test.name}`);
    }
  }
} finally {
  await context.close();
  await browser.close();
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
