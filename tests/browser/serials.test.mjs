// The serial lookup page in headless Chromium: a unit registered and sold through
// the API is found by its serial typed in lower case with spaces, shows its facts,
// warranty and history, stays after a reload (the serial is in the address), an
// unknown serial shows the not-found state, and Persian is right to left with
// Jalali dates.
//
//   BASE_URL=http://127.0.0.1:8099 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/serials.test.mjs

import {
  BASE_URL, PASSWORD, TIMEOUT, api, assert, jalaliYear, overflow, persianDigits, run, signIn, switchTo,
} from './harness.mjs';

const USER = 'clerk.hn01';
const MODEL_SKU = 'FTKB25WVMV';
// A fresh serial per run: "SB7-" and six digits, typed as "sb7 123 456".
const DIGITS = String(Date.now()).slice(-6);
const SERIAL = `SB7-${DIGITS}`;
const TYPED = `sb7 ${DIGITS.slice(0, 3)} ${DIGITS.slice(3)}`;
const SOLD_DAYS_AGO = 40;

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
    async run(page, shot) {
      await signIn(page, USER);
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
      await shot('en');
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
    async run(page, shot) {
      await lookUp(page, `zz9 ${DIGITS} 000`);
      const empty = page.locator('#serials-not-found');
      await empty.waitFor({ state: 'visible', timeout: TIMEOUT });
      const text = (await empty.innerText()).trim();
      assert(text.includes('No unit with this serial'), `not found reads ${JSON.stringify(text)}`);
      assert((await page.locator('#serial-number').count()) === 0, 'a unit is still shown');
      await shot('not-found');
    },
  },
  {
    name: 'Persian: right to left, the history and sale date in Jalali with Persian digits',
    async run(page, shot) {
      await page.goto(`${BASE_URL}/serials?serial=${encodeURIComponent(TYPED)}`);
      await unitShown(page);
      await switchTo(page, 'fa');
      const title = (await page.locator('#serials-title').innerText()).trim();
      assert(title === 'جستجوی شماره سریال', `title reads ${JSON.stringify(title)}`);
      const sale = (await page.locator('#serial-sale-date').innerText()).trim();
      assert(persianDigits(sale), `sale date reads ${JSON.stringify(sale)}`);
      const year = await jalaliYear(page, `${registered.sold}T12:00:00Z`);
      assert(sale.includes(year), `sale date ${JSON.stringify(sale)} is not in Jalali year ${year}`);
      const when = (await page.locator('#serial-history time').first().innerText()).trim();
      assert(persianDigits(when), `history date reads ${JSON.stringify(when)}`);
      const event = (await page.locator('#serial-history li[data-kind="registered"]').first().innerText()).trim();
      assert(event.includes('ثبت شد'), `the registered event reads ${JSON.stringify(event)}`);
      await shot('fa');
    },
  },
  {
    name: 'at 360 px the page does not scroll sideways',
    async run(page, shot) {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.waitForTimeout(200);
      const extra = await overflow(page);
      assert(extra <= 1, `the page is ${extra}px wider than the screen`);
      await shot('fa-360');
      await switchTo(page, 'en');
    },
  },
];

await run('serials', tests);
