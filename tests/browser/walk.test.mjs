// One repair from the counter to the callback, through the screens only, in headless
// Chromium: the clerk takes a unit under warranty in and sees why it is covered, the
// dispatcher sends a technician, the keeper issues the part, the technician records
// the work and completes it, the clerk makes the callback and closes it; the customer
// follows it on the public tracking page, also in Persian (right to left, Jalali).
// Only the data a company has before the walk (a policy, a sold unit, stock) is made
// through the API.
//
//   BASE_URL=http://127.0.0.1:8099 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/walk.test.mjs

import {
  BASE_URL, TIMEOUT, api, assert, chooseBy, jalaliYear, persianDigits, run, signIn, signOut, switchTo, takeStep,
  textOf, tokenFor,
} from './harness.mjs';

const MODEL_SKU = 'FTKB25WVMV';
const PART_SKU = 'DK-CMP-FTKB';
const WAREHOUSE = 'HN01-MAIN';
const DIGITS = String(Date.now()).slice(-6);
const SERIAL = `WALK-${DIGITS}`;
const state = {};

async function openTicket(page, user) {
  await signIn(page, user);
  await page.goto(`${BASE_URL}/tickets/${state.ticketId}`);
  await page.locator('#ticket-stage').waitFor({ timeout: TIMEOUT });
}

const tests = [
  {
    name: 'before the walk: a 24-month policy, a unit sold 40 days ago and compressors on the shelf',
    async run() {
      const admin = await tokenFor('admin');
      const clerk = await tokenFor('clerk.hn01');
      const keeper = await tokenFor('warehouse.hn01');
      const model = (await api('GET', `/product-models?q=${MODEL_SKU}`, clerk)).items.find((m) => m.sku === MODEL_SKU);
      assert(model, `no model ${MODEL_SKU}`);
      await api('POST', '/warranty-policies', admin, {
        name: `Walk ${DIGITS}`,
        scope: { kind: 'model', id: model.id },
        terms: {
          effective_from: '2020-01-01', start_basis: 'sale', manufacture_grace_days: 90,
          legs: [{ leg: 'parts', months: 24 }, { leg: 'labour', months: 24 }, { leg: 'travel', months: 24 }],
          component_overrides: [], exclusions: ['liquid_damage'], repair_warranty_days: 90,
        },
      });
      const me = await api('GET', '/auth/me', clerk);
      const owner = await api('POST', '/customers', clerk, {
        branch_id: me.branch_id, kind: 'individual', name: `Walk owner ${DIGITS}`,
        phones: [{ number: `0914 ${DIGITS.slice(0, 3)} ${DIGITS.slice(3)}` }],
      });
      const sold = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
      await api('POST', '/serials', clerk, { model_id: model.id, serial: SERIAL, sale_date: sold, owner_customer_id: owner.id });
      const part = (await api('GET', `/parts?q=${PART_SKU}`, keeper)).items.find((p) => p.sku === PART_SKU);
      const warehouse = (await api('GET', '/warehouses?limit=200', keeper)).items.find((w) => w.code === WAREHOUSE);
      await api('POST', '/stock/receipts', keeper, {
        warehouse_id: warehouse.id, part_id: part.id, quantity: 2, unit_cost: '3200000', reason: `walk ${DIGITS}`,
      }, { 'idempotency-key': crypto.randomUUID() });
      Object.assign(state, { owner, model });
    },
  },
  {
    name: 'the clerk takes the unit in: covered, with the reasons in words, and a receipt with the tracking code',
    async run(page, shot) {
      await signIn(page, 'clerk.hn01');
      await page.goto(`${BASE_URL}/tickets/new`);
      await page.locator('#intake-by').selectOption('serial');
      await page.locator('#intake-search').fill(SERIAL.toLowerCase());
      await page.locator('#intake-find-submit').click();
      await page.locator(`#intake-unit[data-serial="${SERIAL}"]`).waitFor({ timeout: TIMEOUT });
      await page.locator('#serial-warranty[data-state]').waitFor({ timeout: TIMEOUT });
      const decision = await page.locator('#serial-warranty').getAttribute('data-state');
      assert(decision === 'covered', `the decision reads ${decision}`);
      const reasons = await page.locator('#serial-warranty .warranty-reasons li').allInnerTexts();
      assert(reasons.length > 0 && reasons.every((r) => r.trim().length > 5), `reasons ${JSON.stringify(reasons)}`);
      await shot('1-intake-decision');
      // The reasons are worded in the reader's language, not the server's English.
      await switchTo(page, 'fa');
      const persian = await page.locator('#serial-warranty .warranty-reasons li').allInnerTexts();
      assert(
        persian.some((r) => r.includes('ماه')) && !persian.some((r) => /months|covered|nothing/i.test(r)),
        `Persian reasons ${JSON.stringify(persian)}`,
      );
      await shot('1-intake-decision-fa');
      await switchTo(page, 'en');
      await page.waitForFunction(
        (name) => document.querySelector('#intake-customer-name')?.textContent.includes(name),
        state.owner.name, { timeout: TIMEOUT },
      );
      const fault = page.locator('.intake-fault').first();
      if (await fault.count()) await fault.check();
      await page.locator('#intake-description').fill(`Not cooling ${DIGITS}`);
      await page.locator('#intake-accessories').fill('remote control');
      await page.locator('#intake-condition').fill('light scratches');
      await page.locator('#intake-create').click();
      await page.waitForURL((url) => /^\/tickets\/[0-9a-f-]{36}\/receipt$/.test(url.pathname), { timeout: TIMEOUT });
      state.ticketId = new URL(page.url()).pathname.split('/')[2];
      state.number = await textOf(page, '#receipt-number');
      state.code = await page.locator('#receipt-tracking').getAttribute('data-code');
      assert(state.code && state.code.length === 12, `tracking code ${state.code}`);
      await shot('2-receipt');
      await signOut(page);
    },
  },
  {
    name: 'the dispatcher sends tech.hn01 from the ticket page',
    async run(page, shot) {
      await openTicket(page, 'dispatcher.hn01');
      const day = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      await chooseBy(page, '#dispatch-technician', 'data-username', 'tech.hn01');
      await page.locator('#dispatch-day').fill(day);
      await page.locator('#dispatch-from').fill('09:00');
      await page.locator('#dispatch-to').fill('11:00');
      await page.locator('#dispatch-submit').click();
      // Earlier test files may have filled the technician's day: override with a reason.
      await page.locator('#dispatch-done, #dispatch-warnings').first().waitFor({ timeout: TIMEOUT });
      if (await page.locator('#dispatch-warnings').count()) {
        await page.locator('#dispatch-override-reason').fill('The customer asked for this technician');
        await page.locator('#dispatch-override').click();
      }
      await page.locator('#dispatch-done').waitFor({ timeout: TIMEOUT });
      await page.locator('#ticket-timeline li[data-kind="dispatched"]').waitFor({ timeout: TIMEOUT });
      await shot('3-dispatched');
      await signOut(page);
    },
  },
  {
    name: 'the warehouse keeper issues a compressor to the ticket',
    async run(page, shot) {
      await openTicket(page, 'warehouse.hn01');
      await page.locator('#parts-issue-search').fill(PART_SKU);
      await chooseBy(page, '#parts-issue-part', 'data-sku', PART_SKU);
      await chooseBy(page, '#parts-issue-warehouse', 'data-code', WAREHOUSE);
      await page.locator('#parts-issue-quantity').fill('1');
      await page.locator('#parts-issue-submit').click();
      await page.locator('#ticket-timeline li[data-kind="parts_issued"]').waitFor({ timeout: TIMEOUT });
      await shot('4-part-issued');
      await signOut(page);
    },
  },
  {
    name: 'the technician records the diagnosis, the part used, the resolution and labour, and completes it',
    async run(page, shot) {
      await openTicket(page, 'tech.hn01');
      await page.locator('#work-diagnosis option:nth-child(2)').waitFor({ state: 'attached', timeout: TIMEOUT });
      await page.locator('#work-diagnosis').selectOption(await page.locator('#work-diagnosis option:nth-child(2)').getAttribute('value'));
      await page.locator('#work-record-save').click();
      await takeStep(page, 'diagnosed');
      await takeStep(page, 'in_repair');
      await chooseBy(page, '#parts-outcome-line', 'data-sku', PART_SKU);
      await page.locator('#parts-outcome-used').fill('1');
      await page.locator('#parts-outcome-returned').fill('0');
      await page.locator('#parts-outcome-submit').click();
      await page.locator('#ticket-timeline li[data-kind="parts_used"]').waitFor({ timeout: TIMEOUT });
      await page.locator('#work-resolution option:nth-child(2)').waitFor({ state: 'attached', timeout: TIMEOUT });
      await page.locator('#work-resolution').selectOption(await page.locator('#work-resolution option:nth-child(2)').getAttribute('value'));
      await page.locator('#work-record-save').click();
      await page.locator('#work-service option[data-code]').first().waitFor({ state: 'attached', timeout: TIMEOUT });
      const service = await page.locator('#work-service option[data-code]').first().getAttribute('data-code');
      await chooseBy(page, '#work-service', 'data-code', service);
      await page.locator('#work-quantity').fill('1');
      await page.locator('#work-labour-submit').click();
      await page.locator('#ticket-timeline li[data-kind="labour_added"]').waitFor({ timeout: TIMEOUT });
      await takeStep(page, 'completed');
      await shot('5-completed');
      await signOut(page);
    },
  },
  {
    name: 'the clerk makes the callback and closes the ticket',
    async run(page, shot) {
      await openTicket(page, 'clerk.hn01');
      await takeStep(page, 'callback');
      // The step redraws the sections; answer once the callback form has settled.
      await page.locator('#work-callback-form').waitFor({ timeout: TIMEOUT });
      await page.waitForTimeout(500);
      await page.locator('#work-q-unit_working').selectOption('yes');
      await page.locator('#work-q-technician_attitude').selectOption('5');
      await page.locator('#work-q-service_quality').selectOption('5');
      await page.locator('#work-q-was_charged').selectOption('no');
      await page.locator('#work-callback-submit').click();
      await page.locator('#work-callback-status[data-status="done"]').waitFor({ timeout: TIMEOUT });
      await takeStep(page, 'closed');
      await shot('6-closed');
      await signOut(page);
    },
  },
  {
    name: 'the customer follows the ticket on the public tracking page, without signing in',
    async run(page, shot) {
      await page.goto(`${BASE_URL}/track/${state.code}`);
      const number = await textOf(page, '#track-number');
      assert(number.includes(state.number), `the page shows ${JSON.stringify(number)}, not ${state.number}`);
      assert((await page.locator('#logout').count()) === 0, 'the office shell is shown');
      assert((await page.locator('#track-timeline li').count()) >= 2, 'the timeline lacks the steps taken');
      await shot('7-tracking-en');
    },
  },
  {
    name: 'in Persian the tracking page is right to left with Jalali dates in Persian digits',
    async run(page, shot) {
      await switchTo(page, 'fa');
      const when = page.locator('#track-timeline li time').first();
      await when.waitFor({ timeout: TIMEOUT });
      const text = (await when.innerText()).trim();
      assert(persianDigits(text), `the date reads ${JSON.stringify(text)}`);
      const year = await jalaliYear(page, await when.getAttribute('datetime'));
      assert(text.includes(year), `the date ${JSON.stringify(text)} is not in Jalali year ${year}`);
      await shot('8-tracking-fa');
      await switchTo(page, 'en');
    },
  },
];

await run('walk', tests);
