// The serial lookup page in headless Chromium: a unit registered and sold through
// the API is found by its serial typed in lower case with spaces, shows its facts,
// warranty and history, stays after a reload (the serial is in the address), an
// unknown serial shows the not-found state, and Persian is right to left with
// Jalali dates. Plain Node (no test framework), like login.test.mjs:
//
//   BASE_URL=http://127.0.0.1:8099 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/serials.test.mjs
//
// Prints `ok - name` / `not ok - name: reason` per test, then `N passed, N failed`;
// exits 1 if any test failed. Screenshots land in tests/browser/screenshots/serials-*.png.

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
const MODEL_SKU = 'FTKB25WVMV';
const SHOTS = join(here, 'screenshots');
const TIMEOUT = 15_000;
// A fresh serial per run: "SB7-" and six digits, typed as "sb7 123 456".
const DIGITS = String(Date.now()).slice(-6);
const SERIAL = `SB7-${DIGITS}`;
const TYPED = `sb7 ${DIGITS.slice(0, 3)} ${DIGITS.slice(3)}`;
const SOLD_DAYS_AGO = 40;

mkdirSync(SHOTS, { recursive: true });

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function shot(page, name) {
  try {
    await page.screenshot({ path: join(SHOTS, `serials-${name}.png`), fullPage: true });
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
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/// Registers a unit sold SOLD_DAYS_AGO days ago to a new customer of the clerk's branch.
async function soldUnit() {
  const login = await api('POST', '/auth/login', null, { username: USER, password: PASSWORD });
  const token = login.access_token;
  const owner = await api('POST', '/customers', token, {
    branch_id: login.user.branch_id,
    kind: 'individual',
    name: `Owner of ${SERIAL}`,
    phones: [{ number: `0912 ${DIGITS.slice(0, 3)} ${DIGITS.slice(3)}` }],
  });
  const models = await api('GET', `/product-models?q=${MODEL_SKU}`, token);
  const model = models.items.find((m) => m.sku === MODEL_SKU);
  assert(model, `no model ${MODEL_SKU}`);
  const sold = new Date(Date.now() - SOLD_DAYS_AGO * 86_400_000).toISOString().slice(0, 10);
  const unit = await api('POST', '/serials', token, {
    model_id: model.id,
    serial: SERIAL,
    sale_date: sold,
    sale_document: `INV-${DIGITS}`,
    owner_customer_id: owner.id,
  });
  return { unit, owner, sold };
}

let registered = null;

async function lookUp(page, typed) {
  const input = page.locator('#serials-serial');
  await input.fill(typed);
  await page.locator('#serials-submit').click();
}

async function unitShown(page) {
  await page.locator('#serial-number').waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.locator('#serial-history li').first().waitFor({ state: 'visible', timeout: TIMEOUT });
  const number = (await page.locator('#serial-number').innerText()).trim();
  assert(number === SERIAL, `the unit reads ${JSON.stringify(number)}`);
}

const tests = [
  {
    name: 'a clerk registers a sold unit through the API',
    async run() {
      registered = await soldUnit();
      assert(registered.unit.serial === SERIAL, `registered ${JSON.stringify(registered.unit)}`);
    },
  },
  {
    name: 'the clerk opens Serials from the navigation and finds the unit by its serial in lower case with spaces',
    async run(page) {
      await page.goto(`${BASE_URL}/login`);
      await page.locator('#username').fill(USER);
      await page.locator('#password').fill(PASSWORD);
      await page.locator('#login-submit').click();
      await page.locator('#current-user').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.locator('nav a[href="/serials"]').click();
      await page.waitForURL((url) => url.pathname === '/serials', { timeout: TIMEOUT });
      await page.locator('#serials-hint').waitFor({ state: 'visible', timeout: TIMEOUT });
      await lookUp(page, TYPED);
      await page.waitForURL((url) => url.searchParams.get('serial') === TYPED, { timeout: TIMEOUT });
      await unitShown(page);
      const model = page.locator('#serial-model');
      await page.waitForFunction(() => document.querySelector('#serial-model')?.textContent.includes(`FTKB25WVMV`), null, { timeout: TIMEOUT });
      const modelText = (await model.innerText()).trim();
      assert(/daikin/i.test(modelText), `brand and model read ${JSON.stringify(modelText)}`);
      const sale = await page.locator('#serial-sale-date').getAttribute('datetime');
      assert(sale === registered.sold, `sale date is ${sale}, not ${registered.sold}`);
      await page.waitForFunction((name) => document.querySelector('#serial-owner')?.textContent.includes(name), `Owner of ${SERIAL}`, { timeout: TIMEOUT });
      const kinds = await page.locator('#serial-history li').evaluateAll((lis) => lis.map((li) => li.dataset.kind));
      assert(kinds.includes('registered'), `history kinds ${JSON.stringify(kinds)}`);
      const history = (await page.locator('#serial-history').innerText()).trim();
      assert(history.includes('Registered'), `history reads ${JSON.stringify(history)}`);
      const warranty = page.locator('#serial-warranty');
      await warranty.waitFor({ state: 'visible', timeout: TIMEOUT });
      const state = await warranty.getAttribute('data-state');
      assert(['covered', 'partial', 'none'].includes(state || ''), `warranty state ${state}`);
      const headline = (await page.locator('#serial-warranty-headline').innerText()).trim();
      assert(/warranty/i.test(headline), `warranty headline reads ${JSON.stringify(headline)}`);
      await shot(page, 'en');
    },
  },
  {
    name: 'a reload shows the same unit (the serial is in the address)',
    async run(page) {
      await page.reload();
      await unitShown(page);
      const value = await page.locator('#serials-serial').inputValue();
      assert(value === TYPED, `the field holds ${JSON.stringify(value)}`);
    },
  },
  {
    name: 'an unknown serial shows the not-found state',
    async run(page) {
      await lookUp(page, `zz9 ${DIGITS} 000`);
      const empty = page.locator('#serials-not-found');
      await empty.waitFor({ state: 'visible', timeout: TIMEOUT });
      const text = (await empty.innerText()).trim();
      assert(text.includes('No unit with this serial'), `not found reads ${JSON.stringify(text)}`);
      assert((await page.locator('#serial-number').count()) === 0, 'a unit is still shown');
      await shot(page, 'not-found');
    },
  },
  {
    name: 'Persian: right to left, the history and sale date in Jalali with Persian digits',
    async run(page) {
      await page.goto(`${BASE_URL}/serials?serial=${encodeURIComponent(TYPED)}`);
      await unitShown(page);
      await page.locator('#locale-select').selectOption('fa');
      await page.waitForFunction(() => document.documentElement.dir === 'rtl', null, { timeout: TIMEOUT });
      const title = (await page.locator('#serials-title').innerText()).trim();
      assert(title === 'جستجوی شماره سریال', `title reads ${JSON.stringify(title)}`);
      const sale = (await page.locator('#serial-sale-date').innerText()).trim();
      assert(/[۰-۹]/.test(sale) && !/[0-9]/.test(sale), `sale date reads ${JSON.stringify(sale)}`);
      const year = await page.evaluate((iso) => {
        const at = new Date(`${iso}T12:00:00Z`);
        return new Intl.DateTimeFormat('fa-IR-u-ca-persian-nu-arabext', { year: 'numeric' }).format(at).replace(/[\u200e\u200f]/g, '');
      }, registered.sold);
      assert(sale.includes(year), `sale date ${JSON.stringify(sale)} is not in Jalali year ${year}`);
      const when = (await page.locator('#serial-history time').first().innerText()).trim();
      assert(/[۰-۹]/.test(when) && !/[0-9]/.test(when), `history date reads ${JSON.stringify(when)}`);
      const event = (await page.locator('#serial-history li[data-kind="registered"]').first().innerText()).trim();
      assert(event.includes('ثبت شد'), `the registered event reads ${JSON.stringify(event)}`);
      await shot(page, 'fa');
    },
  },
  {
    name: 'at 360 px the page does not scroll sideways',
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
