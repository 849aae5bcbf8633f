// The parts section of the ticket page /tickets/:id in headless Chromium. Through
// the API: a repair ticket made as clerk.hn01 and dispatched to tech.hn01, and
// compressors received into HN01-MAIN. On the page, warehouse.hn01 reserves and
// issues 2 (each movement sent with an Idempotency-Key); asking for more than is on
// hand shows the shortage under the quantity and moves nothing. tech.hn01 then
// records 1 used and 1 returned unused; the section shows the numbers and who pays,
// and the timeline follows without a reload. Then vi, fa (rtl, Persian digits), zh,
// and 360 px (only the table scrolls sideways).
//
//   BASE_URL=http://127.0.0.1:8099 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/ticket_parts.test.mjs

import {
  BASE_URL, TIMEOUT, api, assert, chooseBy, overflow, persianDigits, run, signIn, signOut, switchTo, textOf, toast,
  tokenFor,
} from './harness.mjs';

const stamp = Date.now().toString(26).replace(/[0-9]/g, (d) => 'klmnopqrst'[Number(d)]);
const NAME = `Parts ${stamp}`;
const SKU = 'DK-CMP-FTKB';
const WAREHOUSE = 'HN01-MAIN';
// A day of its own, years ahead, so the technician's load on it does not matter.
const DAY = (() => {
  const d = new Date(Date.UTC(2033, 0, 1) + (Date.now() % 3000) * 86_400_000);
  return d.toISOString().slice(0, 10);
})();
const state = { keys: [] };
const ROW = `#parts-table tr[data-sku="${SKU}"][data-warehouse="${WAREHOUSE}"]`;

/// A number cell of the part's row, read in any digits.
async function cell(page, name) {
  const text = await textOf(page, `${ROW} td.${name}`);
  return Number(text.replace(/[۰-۹]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'.indexOf(d)).replace(/[^0-9]/g, ''));
}

/// Waits until a number cell of the part's row reads `want`.
async function cellIs(page, name, want) {
  await page.waitForFunction(
    ([selector, n]) => {
      const td = document.querySelector(selector);
      return td && Number(td.textContent.replace(/[^0-9]/g, '')) === n;
    },
    [`${ROW} td.${name}`, want],
    { timeout: TIMEOUT },
  );
}

/// On hand and reserved of the compressor in HN01-MAIN, through the API.
async function stock() {
  const rows = await api('GET', `/stock?warehouse_id=${state.main.id}&part_id=${state.part.id}`, state.keeper);
  return rows.items[0] ?? { on_hand: 0, reserved: 0, available: 0 };
}

await run('ticket_parts', [
  {
    name: 'a ticket dispatched to tech.hn01 and compressors in HN01-MAIN are prepared through the API',
    async run() {
      const clerk = await tokenFor('clerk.hn01');
      const dispatcher = await tokenFor('dispatcher.hn01');
      state.keeper = await tokenFor('warehouse.hn01');
      const me = await api('GET', '/auth/me', clerk);
      const model = (await api('GET', '/product-models?limit=1', clerk)).items[0];
      assert(model, 'no product model in the demo data');
      const phone = `+84 9${String(Date.now()).slice(-8)}`;
      state.ticket = await api('POST', '/tickets', clerk, {
        branch_id: me.branch_id,
        kind: 'repair',
        channel: 'counter',
        new_customer: { kind: 'individual', name: NAME, phones: [{ number: phone }], allow_duplicate: true },
        model_id: model.id,
        fault_description: 'browser test of the parts section',
      });
      const techs = await api('GET', `/users?role=technician&branch_id=${me.branch_id}`, dispatcher);
      const tech = techs.items.find((u) => u.username === 'tech.hn01');
      assert(tech, 'tech.hn01 is not a technician of the branch');
      await api('POST', `/tickets/${state.ticket.id}/dispatch`, dispatcher, {
        technician_id: tech.id,
        appointment_from: `${DAY}T02:00:00Z`,
        appointment_to: `${DAY}T03:00:00Z`,
        override: true,
        override_reason: 'browser test of the parts section',
      }, { 'if-match': `"${state.ticket.version}"` });
      const parts = await api('GET', `/parts?q=${SKU}`, state.keeper);
      state.part = parts.items.find((p) => p.sku === SKU);
      assert(state.part, `${SKU} is not in the catalogue`);
      const warehouses = await api('GET', '/warehouses?limit=200', state.keeper);
      state.main = warehouses.items.find((w) => w.code === WAREHOUSE);
      assert(state.main, `${WAREHOUSE} is not in the keeper's scope`);
      await api('POST', '/stock/receipts', state.keeper, {
        warehouse_id: state.main.id, part_id: state.part.id, quantity: 3, unit_cost: '3200000',
      }, { 'idempotency-key': crypto.randomUUID() });
    },
  },
  {
    name: 'warehouse.hn01 reserves 2 on the page; the line, a toast and the timeline follow without a reload',
    async run(page, shot) {
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().includes('/parts/')) state.keys.push(r.headers()['idempotency-key']);
      });
      await signIn(page, 'warehouse.hn01');
      await page.goto(`${BASE_URL}/tickets/${state.ticket.id}`);
      await page.locator('#parts-empty').waitFor({ timeout: TIMEOUT });
      await page.evaluate(() => { window.__noReload = true; });
      await page.locator('#parts-reserve-search').fill('cmp-ftkb');
      await chooseBy(page, '#parts-reserve-part', 'data-sku', SKU);
      await chooseBy(page, '#parts-reserve-warehouse', 'data-code', WAREHOUSE);
      await page.locator('#parts-reserve-quantity').fill('2');
      await page.locator('#parts-reserve-submit').click();
      await cellIs(page, 'reserved', 2);
      await toast(page, `Reserved 2 × ${SKU}`);
      await page.locator('#ticket-timeline li[data-kind="parts_reserved"]').waitFor({ timeout: TIMEOUT });
      await page.locator('#parts-release').waitFor({ timeout: TIMEOUT });
      assert((await stock()).reserved >= 2, 'the API has no reservation');
      assert(await page.evaluate(() => window.__noReload === true), 'the page was reloaded');
    },
  },
  {
    name: 'issuing the 2 from HN01-MAIN turns the reservation into parts issued, still to be recorded',
    async run(page, shot) {
      await page.locator('#parts-issue-search').fill(SKU);
      await chooseBy(page, '#parts-issue-part', 'data-sku', SKU);
      await chooseBy(page, '#parts-issue-warehouse', 'data-code', WAREHOUSE);
      await page.locator('#parts-issue-quantity').fill('2');
      await page.locator('#parts-issue-submit').click();
      await cellIs(page, 'issued', 2);
      await cellIs(page, 'reserved', 0);
      assert((await cell(page, 'outstanding')) === 2, 'the outstanding count is not 2');
      await toast(page, `Issued 2 × ${SKU}`);
      const note = await textOf(page, '#parts-outstanding');
      assert(note.startsWith('2 issued parts'), `the outstanding note reads ${JSON.stringify(note)}`);
      await page.locator('#ticket-timeline li[data-kind="parts_issued"]').waitFor({ timeout: TIMEOUT });
      assert(state.keys.length === 2 && state.keys.every((k) => k && k.length >= 32), `keys sent: ${state.keys}`);
      assert(state.keys[0] !== state.keys[1], 'two submits shared one Idempotency-Key');
      await shot('en-issued');
    },
  },
  {
    name: 'asking for more than is on hand shows the shortage by the quantity field and changes nothing',
    async run(page, shot) {
      const before = await stock();
      await page.locator('#parts-issue-quantity').fill(String(before.on_hand + 1));
      await page.locator('#parts-issue-submit').click();
      const error = await textOf(page, '#parts-issue-quantity-error');
      assert(error.startsWith('Not enough stock: only'), `the quantity error reads ${JSON.stringify(error)}`);
      assert(error.includes(String(before.available)), `${JSON.stringify(error)} does not say ${before.available}`);
      assert(await page.locator('#parts-issue-quantity').getAttribute('aria-invalid') === 'true', 'not marked invalid');
      const after = await stock();
      assert(after.on_hand === before.on_hand && after.reserved === before.reserved, 'the stock moved');
      assert((await cell(page, 'issued')) === 2, 'the line changed');
      await shot('en-shortage');
    },
  },
  {
    name: 'tech.hn01 records 1 used and 1 returned unused; the numbers and who pays show, nothing is left to record',
    async run(page, shot) {
      await signOut(page);
      await signIn(page, 'tech.hn01');
      await page.goto(`${BASE_URL}/tickets/${state.ticket.id}`);
      await cellIs(page, 'issued', 2);
      await page.evaluate(() => { window.__noReload = true; });
      await chooseBy(page, '#parts-outcome-line', 'data-sku', SKU);
      await page.locator('#parts-outcome-used').fill('1');
      await page.locator('#parts-outcome-returned').fill('1');
      await page.locator('#parts-outcome-submit').click();
      await cellIs(page, 'used', 1);
      await cellIs(page, 'returned', 1);
      await cellIs(page, 'outstanding', 0);
      await toast(page, `${SKU}: recorded 1 used, 1 returned, 0 defective.`);
      assert((await page.locator('#parts-outstanding').count()) === 0, 'parts are still shown as to be recorded');
      await page.locator('#ticket-timeline li[data-kind="parts_used"]').waitFor({ timeout: TIMEOUT });
      const lines = await api('GET', `/tickets/${state.ticket.id}/parts`, state.keeper);
      const line = lines.lines.find((l) => l.sku === SKU);
      const payer = line.charge_to === 'manufacturer' ? 'Manufacturer claim' : 'Customer';
      assert((await textOf(page, `${ROW} td.payer`)) === payer, `the payer is not ${payer}`);
      const [mine, other] = line.charge_to === 'manufacturer'
        ? ['#parts-claim-total', '#parts-customer-total'] : ['#parts-customer-total', '#parts-claim-total'];
      const total = await textOf(page, mine);
      assert(/[1-9]/.test(total) && total !== 'Nothing', `the ${line.charge_to} total reads ${JSON.stringify(total)}`);
      assert((await textOf(page, other)) === 'Nothing', 'the other payer has a total');
      assert(await page.evaluate(() => window.__noReload === true), 'the page was reloaded');
      await shot('en');
    },
  },
  {
    name: 'Vietnamese and Chinese: the section in words',
    async run(page, shot) {
      await switchTo(page, 'vi');
      assert((await textOf(page, '#ticket-parts-title')) === 'Linh kiện', 'the title is not in Vietnamese');
      assert((await page.locator('#parts-table thead').innerText()).includes('Đã xuất'), 'headings not in Vietnamese');
      await shot('vi');
      await switchTo(page, 'zh');
      assert((await textOf(page, '#ticket-parts-title')) === '配件', 'the title is not in Chinese');
      assert((await page.locator('#parts-table thead').innerText()).includes('已领用'), 'headings not in Chinese');
      await shot('zh');
    },
  },
  {
    name: 'Persian: right to left, the numbers and money in Persian digits',
    async run(page, shot) {
      await switchTo(page, 'fa');
      assert((await textOf(page, '#ticket-parts-title')) === 'قطعات', 'the title is not in Persian');
      assert(persianDigits(await textOf(page, `${ROW} td.issued`)), 'the issued count is not in Persian digits');
      const total = await textOf(page, `${ROW} td.used-total`);
      assert(persianDigits(total), `the used total reads ${JSON.stringify(total)}`);
      await shot('fa');
    },
  },
  {
    name: 'at 360 px nothing but the table scrolls sideways',
    async run(page, shot) {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.waitForTimeout(300);
      const extra = await overflow(page);
      assert(extra <= 1, `the page is ${extra}px wider than the screen`);
      const outside = await page.evaluate(() => {
        const width = window.innerWidth;
        return [...document.querySelectorAll('#ticket-parts *')]
          .filter((el) => !el.closest('.table-wrap') && el.getClientRects().length > 0)
          .filter((el) => {
            const r = el.getBoundingClientRect();
            return r.left < -1 || r.right > width + 1;
          })
          .map((el) => el.id || el.tagName);
      });
      assert(outside.length === 0, `outside the screen: ${outside.slice(0, 5).join(', ')}`);
      const wrap = await page.evaluate(() => {
        const w = document.querySelector('#ticket-parts .table-wrap');
        return w && w.scrollWidth > w.clientWidth;
      });
      assert(wrap, 'the parts table does not scroll in its own box');
      await shot('fa-360');
      await switchTo(page, 'en');
    },
  },
]);
