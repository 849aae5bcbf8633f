// The intake wizard in headless Chromium: a clerk opens /tickets/new from the
// ticket list, finds a unit sold 40 days ago (under a warranty policy made here) by
// its serial, sees it in warranty with the reasons, keeps the owner, picks a fault,
// notes accessories and condition, creates the ticket and gets the receipt with the
// ticket number, tracking code and a QR image that loaded. A refused create shows the
// field's error and keeps what was typed. The wizard in vi, fa (right to left,
// Jalali dates, Persian digits) and zh, and at 360 px nothing scrolls sideways.
//
//   BASE_URL=http://127.0.0.1:8099 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/intake.test.mjs
//
// Screenshots land in tests/browser/screenshots/intake-*.png.

import {
  run, assert, api, chooseBy, tokenFor, signIn, switchTo, textOf, overflow, persianDigits, jalaliYear, TIMEOUT,
} from './harness.mjs';

const USER = 'clerk.hn01';
const MODEL_SKU = 'FTKB25WVMV';
const DIGITS = String(Date.now()).slice(-6);
const SERIAL = `IW7-${DIGITS}`;
const SOLD_DAYS_AGO = 40;
const ACCESSORIES = 'remote control, power cable';
const CONDITION = `scratch on the left side ${DIGITS}`;
const DESCRIPTION = `Blows warm air since Monday ${DIGITS}`;

let prepared = null;

/// A model-wide policy (24 months of every leg from the sale), a symptom code of the
/// model's category, and a unit of that model sold SOLD_DAYS_AGO days ago to a new
/// customer of the clerk's branch.
async function prepare() {
  const admin = await tokenFor('admin');
  const login = await api('POST', '/auth/login', null, { username: USER, password: 'demo-password' });
  const clerk = login.access_token;
  const models = await api('GET', `/product-models?q=${MODEL_SKU}`, clerk);
  const model = models.items.find((m) => m.sku === MODEL_SKU);
  assert(model, `no model ${MODEL_SKU}`);
  await api('POST', '/warranty-policies', admin, {
    name: `Intake test ${DIGITS}`,
    scope: { kind: 'model', id: model.id },
    terms: {
      effective_from: '2020-01-01', start_basis: 'sale', manufacture_grace_days: 90,
      legs: [{ leg: 'parts', months: 24 }, { leg: 'labour', months: 24 }, { leg: 'travel', months: 24 }],
      component_overrides: [], exclusions: ['liquid_damage'], repair_warranty_days: 90,
    },
  });
  const codes = await api('GET', `/fault-codes?kind=symptom&active=true&category_id=${model.category_id}`, clerk);
  let code = codes.items[0]?.code;
  if (!code) {
    const made = await api('POST', '/fault-codes', admin, {
      kind: 'symptom', category_id: model.category_id, code: `NO_COOL_${DIGITS}`,
      names: { en: 'Not cooling', vi: 'Không lạnh', fa: 'خنک نمی‌کند', zh: '不制冷' },
    });
    code = made.code;
  }
  const owner = await api('POST', '/customers', clerk, {
    branch_id: login.user.branch_id, kind: 'individual', name: `Owner of ${SERIAL}`,
    phones: [{ number: `0913 ${DIGITS.slice(0, 3)} ${DIGITS.slice(3)}` }],
  });
  const sold = new Date(Date.now() - SOLD_DAYS_AGO * 86_400_000).toISOString().slice(0, 10);
  await api('POST', '/serials', clerk, {
    model_id: model.id, serial: SERIAL, sale_date: sold, sale_document: `INV-${DIGITS}`, owner_customer_id: owner.id,
  });
  // A second unit of the same owner: a search by the owner's phone finds both.
  await api('POST', '/serials', clerk, {
    model_id: model.id, serial: `IW8-${DIGITS}`, sale_date: sold, owner_customer_id: owner.id,
  });
  return { owner, code, sold, model };
}

/// Finds the unit by its serial (typed in lower case) and waits for its decision.
async function findUnit(page) {
  await page.locator('#intake-by').selectOption('serial');
  await page.locator('#intake-search').fill(SERIAL.toLowerCase());
  await page.locator('#intake-find-submit').click();
  await page.locator(`#intake-unit[data-serial="${SERIAL}"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.locator('#serial-warranty[data-state]').waitFor({ state: 'visible', timeout: TIMEOUT });
}

const tests = [
  {
    name: 'a warranty policy, a symptom code and a unit sold 40 days ago are prepared through the API',
    async run() {
      prepared = await prepare();
    },
  },
  {
    name: 'the clerk opens the wizard from the ticket list and finds the unit by its serial: in warranty, with reasons',
    async run(page, shot) {
      await signIn(page, USER);
      await page.locator('nav a[href="/tickets"]').click();
      await page.waitForURL((url) => url.pathname === '/tickets', { timeout: TIMEOUT });
      await page.locator('#new-ticket').click();
      await page.waitForURL((url) => url.pathname === '/tickets/new', { timeout: TIMEOUT });
      for (const step of ['#intake-step1', '#intake-step2', '#intake-step3', '#intake-step4', '#intake-step5', '#intake-step6']) {
        await page.locator(step).waitFor({ state: 'visible', timeout: TIMEOUT });
      }
      await findUnit(page);
      const state = await page.locator('#serial-warranty').getAttribute('data-state');
      assert(state === 'covered', `the warranty reads ${state}`);
      const headline = await textOf(page, '#serial-warranty-headline');
      assert(/under warranty/i.test(headline), `headline ${JSON.stringify(headline)}`);
      const reasons = await page.locator('#serial-warranty .warranty-reasons li').allInnerTexts();
      assert(reasons.length > 0 && reasons.every((r) => r.trim().length > 5), `reasons ${JSON.stringify(reasons)}`);
      await page.waitForFunction(
        (name) => document.querySelector('#intake-customer-name')?.textContent.includes(name),
        prepared.owner.name, { timeout: TIMEOUT },
      );
      await page.locator(`.intake-fault[data-code="${prepared.code}"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
      await shot('wizard-en');
    },
  },
  {
    name: 'a create without a customer is refused: the error stands at the customer step and nothing typed is lost',
    async run(page) {
      await page.locator('#intake-customer-change').click();
      await page.locator(`.intake-fault[data-code="${prepared.code}"]`).check();
      await page.locator('#intake-description').fill(DESCRIPTION);
      await page.locator('#intake-accessories').fill(ACCESSORIES);
      await page.locator('#intake-condition').fill(CONDITION);
      await page.locator('#intake-create').click();
      const error = await textOf(page, '#intake-customer_id-error');
      assert(error.length > 0, 'no customer error');
      assert(page.url().endsWith('/tickets/new'), `left the wizard: ${page.url()}`);
      assert((await page.locator('#intake-description').inputValue()) === DESCRIPTION, 'the description was lost');
      assert((await page.locator('#intake-condition').inputValue()) === CONDITION, 'the condition was lost');
      assert(await page.locator(`.intake-fault[data-code="${prepared.code}"]`).isChecked(), 'the fault was lost');
    },
  },
  {
    name: 'the clerk takes the owner back by a search, says how the request came, creates the ticket and sees the receipt',
    async run(page, shot) {
      await page.locator('#intake-customer-q').fill(prepared.owner.name);
      await page.locator('#intake-customer-find').click();
      await page.locator(`.intake-customer-choice[data-id="${prepared.owner.id}"]`).click();
      await page.locator('#intake-customer-name').waitFor({ state: 'visible', timeout: TIMEOUT });
      // By phone, sent down by the manufacturer, urgent, with the partner's reference
      // and the visit asked for; a visit typed by half is refused first.
      await page.locator('#intake-channel').selectOption('1');
      await page.locator('#intake-origin').selectOption('1');
      await page.locator('#intake-priority').selectOption('3');
      await page.locator('#intake-external-reference').fill(`EXT-${DIGITS}`);
      await page.locator('#intake-requested-day').fill('2031-05-06');
      await page.locator('#intake-create').click();
      const half = await textOf(page, '#intake-requested-to-error');
      assert(half === 'Give the day and both times, the end after the start.', `window error ${JSON.stringify(half)}`);
      await page.locator('#intake-requested-from').fill('09:00');
      await page.locator('#intake-requested-to').fill('11:30');
      await page.locator('#intake-create').click();
      await page.waitForURL((url) => /^\/tickets\/[0-9a-f-]{36}\/receipt$/.test(url.pathname), { timeout: TIMEOUT });
      const saved = await api('GET', `/tickets/${new URL(page.url()).pathname.split('/')[2]}`, await tokenFor(USER));
      const request = [saved.channel, saved.origin, saved.priority, saved.external_reference].join(' ');
      assert(request === `phone dispatched urgent EXT-${DIGITS}`, `the ticket came as ${request}`);
      const minutes = (new Date(saved.requested_to) - new Date(saved.requested_from)) / 60_000;
      assert(minutes === 150, `the visit asked for lasts ${minutes} minutes`);
      const number = await textOf(page, '#receipt-number');
      assert(/^RO-HN01-\d{4}-\d+$/.test(number), `ticket number ${JSON.stringify(number)}`);
      const code = await page.locator('#receipt-tracking').getAttribute('data-code');
      assert(code && code.length === 12, `tracking code ${code}`);
      const shown = await textOf(page, '#receipt-tracking');
      assert(shown.replace(/\s/g, '') === code, `tracking shown ${JSON.stringify(shown)}`);
      await page.waitForFunction(() => {
        const img = document.querySelector('#receipt-qr');
        return img && img.complete && img.naturalWidth > 0;
      }, null, { timeout: TIMEOUT });
      assert((await textOf(page, '#receipt-customer')).includes(prepared.owner.name), 'customer missing');
      assert((await textOf(page, '#receipt-unit')).includes(SERIAL), 'serial missing');
      assert((await textOf(page, '#receipt-faults')).includes(prepared.code), 'fault missing');
      const accessories = await textOf(page, '#receipt-accessories');
      assert(accessories.includes('remote control') && accessories.includes('power cable'), `accessories ${accessories}`);
      assert((await textOf(page, '#receipt-condition')).includes(CONDITION), 'condition missing');
      assert((await page.locator('#receipt-warranty').getAttribute('data-status')) === 'Covered', 'warranty status');
      await page.locator('#receipt-print').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.emulateMedia({ media: 'print' });
      const hidden = await page.evaluate(() => getComputedStyle(document.querySelector('.header')).display === 'none'
        && getComputedStyle(document.querySelector('#receipt-print').closest('.no-print')).display === 'none');
      await page.emulateMedia({ media: 'screen' });
      assert(hidden, 'the app shell prints');
      await shot('receipt-en');
      await page.locator('#receipt-new').click();
      await page.waitForURL((url) => url.pathname === '/tickets/new', { timeout: TIMEOUT });
    },
  },
  {
    name: 'a unit not in the registry: the clerk picks its brand and model, is offered its symptoms, and creates the ticket',
    async run(page) {
      await page.locator('#intake-no-unit').click();
      await page.locator(`#intake-brand option[value="${prepared.model.brand_id}"]`).waitFor({ state: 'attached', timeout: TIMEOUT });
      await page.locator('#intake-brand').selectOption(prepared.model.brand_id);
      await chooseBy(page, '#intake-model', 'data-code', MODEL_SKU);
      await page.locator(`.intake-fault[data-code="${prepared.code}"]`).check();
      await page.locator('#intake-customer-q').fill(prepared.owner.name);
      await page.locator('#intake-customer-find').click();
      await page.locator(`.intake-customer-choice[data-id="${prepared.owner.id}"]`).click();
      await page.locator('#intake-customer-name').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.locator('#intake-create').click();
      await page.waitForURL((url) => /^\/tickets\/[0-9a-f-]{36}\/receipt$/.test(url.pathname), { timeout: TIMEOUT });
      const saved = await api('GET', `/tickets/${new URL(page.url()).pathname.split('/')[2]}`, await tokenFor(USER));
      assert(saved.model_id === prepared.model.id && saved.serial_id === null, `model ${saved.model_id}, unit ${saved.serial_id}`);
      assert(saved.fault_codes.includes(prepared.code), `faults ${JSON.stringify(saved.fault_codes)}`);
      await page.locator('#receipt-new').click();
      await page.waitForURL((url) => url.pathname === '/tickets/new', { timeout: TIMEOUT });
    },
  },
  {
    name: 'the wizard in Vietnamese: the owner\'s phone finds two units and the clerk picks one',
    async run(page, shot) {
      await switchTo(page, 'vi');
      assert((await textOf(page, '#intake-title')) === 'Phiếu mới', 'title not Vietnamese');
      await page.locator('#intake-by').selectOption('phone');
      await page.locator('#intake-search').fill(prepared.owner.phones[0].number);
      await page.locator('#intake-find-submit').click();
      await page.locator('#intake-matches').waitFor({ state: 'visible', timeout: TIMEOUT });
      const serials = await page.locator('#intake-matches .intake-match').evaluateAll((bs) => bs.map((b) => b.dataset.serial));
      assert(serials.includes(SERIAL) && serials.includes(`IW8-${DIGITS}`), `matches ${JSON.stringify(serials)}`);
      await page.locator(`#intake-matches .intake-match[data-serial="${SERIAL}"]`).click();
      await page.locator(`#intake-unit[data-serial="${SERIAL}"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.locator('#serial-warranty[data-state="covered"]').waitFor({ state: 'visible', timeout: TIMEOUT });
      await shot('wizard-vi');
    },
  },
  {
    name: 'the wizard in Persian: right to left, the sale date in Jalali with Persian digits',
    async run(page, shot) {
      await switchTo(page, 'fa');
      assert((await textOf(page, '#intake-step1')).includes('یافتن دستگاه'), 'step 1 not Persian');
      await findUnit(page);
      const sold = await textOf(page, '#intake-unit time');
      assert(persianDigits(sold), `sale date ${JSON.stringify(sold)}`);
      const year = await jalaliYear(page, `${prepared.sold}T12:00:00Z`);
      assert(sold.includes(year), `sale date ${JSON.stringify(sold)} lacks Jalali year ${year}`);
      await shot('wizard-fa');
    },
  },
  {
    name: 'the wizard in Chinese',
    async run(page, shot) {
      await switchTo(page, 'zh');
      assert((await textOf(page, '#intake-title')) === '新建工单', 'title not Chinese');
      await findUnit(page);
      await shot('wizard-zh');
    },
  },
  {
    name: 'at 360 px neither the wizard nor the receipt scrolls sideways',
    async run(page, shot) {
      await switchTo(page, 'en');
      await page.setViewportSize({ width: 360, height: 800 });
      await findUnit(page);
      const wizard = await overflow(page);
      assert(wizard <= 0, `the wizard is ${wizard}px too wide`);
      await shot('wizard-360');
      await page.goBack();
      await page.waitForURL((url) => url.pathname.endsWith('/receipt'), { timeout: TIMEOUT });
      await page.locator('#receipt-number').waitFor({ state: 'visible', timeout: TIMEOUT });
      const receipt = await overflow(page);
      assert(receipt <= 0, `the receipt is ${receipt}px too wide`);
      await shot('receipt-360');
    },
  },
];

await run('intake', tests);
