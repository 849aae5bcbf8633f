// The transfer and stocktake screens in headless Chromium, as the warehouse keeper
// of HN01: create a transfer from HN01-MAIN to a second warehouse of the branch on
// the page, ship it, receive part of it, see what is in transit, close the rest with
// a discrepancy; then count HN01-MAIN (one line off by one, a refused posting shown
// by the uncounted lines, the rest counted, posted); the pages in Vietnamese,
// Persian (right to left, Jalali dates, Persian digits) and Chinese, and at 360 px.
// Plain Node with the shared tests/browser/harness.mjs:
//
//   BASE_URL=http://127.0.0.1:8099 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/transfers.test.mjs
//
// Screenshots land in tests/browser/screenshots/transfers-*.png.

import { randomUUID } from 'node:crypto';
import {
  run, assert, signIn, api, tokenFor, switchTo, chooseBy, textOf, overflow, persianDigits, jalaliYear, TIMEOUT,
} from './harness.mjs';

const USER = 'warehouse.hn01';
const SOURCE = 'HN01-MAIN';
const SKU = 'DK-CMP-FTKB';
const SKU2 = 'DK-FAN-FTKB25';
const stamp = Date.now().toString(36).toUpperCase();
const TARGET = `HN01-TR${stamp}`;
const REASON = `box crushed ${stamp}`;
let transferUrl = null;
let sheetUrl = null;

/// Every item of a paged list.
async function all(path, token) {
  const items = [];
  let cursor = null;
  for (let i = 0; i < 20; i += 1) {
    const sep = path.includes('?') ? '&' : '?';
    const page = await api('GET', `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token);
    items.push(...page.items);
    cursor = page.next_cursor;
    if (!cursor) break;
  }
  return items;
}

/// Stock in HN01-MAIN, a second warehouse of the branch, no open count sheet there.
async function prepare() {
  const token = await tokenFor(USER);
  const warehouses = await all('/warehouses', token);
  const main = warehouses.find((w) => w.code === SOURCE);
  assert(main, `${SOURCE} is not in the warehouse keeper's scope`);
  await api('POST', '/warehouses', token, { branch_id: main.branch_id, code: TARGET, name: `Transfer test ${stamp}`, kind: 'outlet' });
  const parts = await all('/parts', token);
  for (const sku of [SKU, SKU2]) {
    const part = parts.find((p) => p.sku === sku);
    assert(part, `part ${sku} missing`);
    await api('POST', '/stock/receipts', token,
      { warehouse_id: main.id, part_id: part.id, quantity: 10, unit_cost: '150000', reason: `transfer test ${stamp}` },
      { 'Idempotency-Key': randomUUID() });
  }
  const open = await all(`/stocktakes?warehouse_id=${main.id}&status=counting`, token);
  for (const sheet of open) await api('POST', `/stocktakes/${sheet.id}/cancel`, token);
}

/// The number in a cell, whatever the digits.
function digits(text) {
  const latin = text.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d)));
  return Number(latin.replace(/[^0-9-]/g, ''));
}

async function cell(page, table, sku, klass) {
  return digits(await textOf(page, `${table} tr[data-sku="${sku}"] td.${klass}`));
}

async function statusIs(page, status) {
  await page.locator(`#transfer-status[data-status="${status}"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
}

const tests = [
  {
    name: 'the warehouse keeper creates a transfer draft on the page',
    async run(page, shot) {
      await prepare();
      await signIn(page, USER);
      await page.locator('nav a[href="/transfers"]').click();
      await page.waitForURL((url) => url.pathname === '/transfers', { timeout: TIMEOUT });
      await page.evaluate(() => { window.__sameDocument = true; });
      await chooseBy(page, '#transfer-from', 'data-code', SOURCE);
      await chooseBy(page, '#transfer-to', 'data-code', TARGET);
      await chooseBy(page, '#transfer-line-part-0', 'data-sku', SKU);
      await page.locator('#transfer-line-quantity-0').fill('3');
      await page.locator('#transfer-add-line').click();
      await chooseBy(page, '#transfer-line-part-1', 'data-sku', SKU2);
      await page.locator('#transfer-line-quantity-1').fill('2');
      await page.locator('#transfer-create-submit').click();
      await page.waitForURL((url) => /^\/transfers\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: TIMEOUT });
      transferUrl = page.url();
      const number = await textOf(page, '#transfer-number');
      assert(/^TR-HN01-\d{4}-\d+$/.test(number), `number reads ${JSON.stringify(number)}`);
      await statusIs(page, 'draft');
      assert((await textOf(page, '#transfer-status')) === 'Draft', 'status is not shown as Draft');
      assert((await textOf(page, '#transfer-to-code')) === TARGET, 'the destination is not shown');
      assert((await cell(page, '#transfer-lines', SKU, 'quantity')) === 3, 'line 1 quantity');
      assert((await cell(page, '#transfer-lines', SKU2, 'quantity')) === 2, 'line 2 quantity');
      assert(await page.evaluate(() => window.__sameDocument === true), 'the page was reloaded');
    },
  },
  {
    name: 'shipping takes every line out; receiving part of it leaves the rest in transit',
    async run(page, shot) {
      await page.evaluate(() => { window.__sameDocument = true; });
      await page.locator('#transfer-ship').click();
      await statusIs(page, 'shipped');
      assert((await cell(page, '#transfer-lines', SKU, 'shipped')) === 3, 'shipped of line 1');
      assert((await cell(page, '#transfer-lines', SKU2, 'in-transit')) === 2, 'in transit of line 2');
      // Nothing typed: the problem is shown, nothing received.
      await page.locator('#transfer-receive').click();
      await page.locator('#transfer-lines-error').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.locator(`#receive-${SKU}`).fill('2');
      await page.locator('#transfer-receive').click();
      await statusIs(page, 'partially_received');
      assert((await cell(page, '#transfer-lines', SKU, 'received')) === 2, 'received of line 1');
      assert((await cell(page, '#transfer-lines', SKU, 'in-transit')) === 1, 'in transit of line 1 (3 − 2)');
      assert((await cell(page, '#transfer-lines', SKU2, 'in-transit')) === 2, 'in transit of line 2');
      assert(await page.evaluate(() => window.__sameDocument === true), 'the page was reloaded');
      await shot('en-in-transit');
    },
  },
  {
    name: 'closing with a discrepancy needs a reason and writes the rest down as missing',
    async run(page, shot) {
      await page.locator('#transfer-close-submit').click();
      await page.locator('#transfer-close-reason-error').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.locator('#transfer-close-reason').fill(REASON);
      await page.locator('#transfer-close-submit').click();
      await statusIs(page, 'closed');
      assert((await cell(page, '#transfer-lines', SKU, 'missing')) === 1, 'missing of line 1');
      assert((await cell(page, '#transfer-lines', SKU2, 'missing')) === 2, 'missing of line 2');
      assert((await cell(page, '#transfer-lines', SKU, 'in-transit')) === 0, 'still in transit after closing');
      assert((await textOf(page, `#transfer-lines tr[data-sku="${SKU}"] .discrepancy`)) === REASON, 'the reason is not shown');
      assert((await page.locator('#transfer-close').count()) === 0, 'the close form stays after closing');
      await shot('en');
    },
  },
  {
    name: 'the list filters by status, kept in the URL',
    async run(page) {
      const number = await textOf(page, '#transfer-number');
      await page.goto(`${new URL(transferUrl).origin}/transfers`);
      await page.locator('#transfer-filter-status').selectOption('closed');
      await page.waitForURL((url) => url.searchParams.get('status') === 'closed', { timeout: TIMEOUT });
      const row = page.locator(`#transfer-list tr[data-number="${number}"]`);
      await row.waitFor({ state: 'visible', timeout: TIMEOUT });
      const statuses = await page.locator('#transfer-list tr[data-status]').evaluateAll((rows) => rows.map((r) => r.dataset.status));
      assert(statuses.every((s) => s === 'closed'), `the filtered list holds ${statuses.join(', ')}`);
      await page.reload();
      await row.waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await page.locator('#transfer-filter-status').inputValue()) === 'closed', 'the filter is lost on reload');
    },
  },
  {
    name: 'a stocktake of HN01-MAIN: one line off by one shows its variance',
    async run(page, shot) {
      await page.locator('nav a[href="/stocktakes"]').click();
      await page.waitForURL((url) => url.pathname === '/stocktakes', { timeout: TIMEOUT });
      await chooseBy(page, '#stocktake-warehouse', 'data-code', SOURCE);
      await page.locator('#stocktake-open-submit').click();
      await page.waitForURL((url) => /^\/stocktakes\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: TIMEOUT });
      sheetUrl = page.url();
      await page.evaluate(() => { window.__sameDocument = true; });
      await page.locator('#stocktake-status[data-status="counting"]').waitFor({ state: 'visible', timeout: TIMEOUT });
      const rows = await page.locator('#stocktake-lines tbody tr[data-sku]').count();
      assert(rows >= 2, `the sheet has ${rows} lines`);
      const onHand = await cell(page, '#stocktake-lines', SKU, 'on-hand');
      await page.locator(`#count-${SKU}`).fill(String(onHand + 1));
      await page.locator('#stocktake-save').click();
      await page.locator(`#stocktake-lines tr[data-sku="${SKU}"][data-counted="true"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
      const variance = await textOf(page, `#stocktake-lines tr[data-sku="${SKU}"] td.variance`);
      assert(variance === '+1', `variance reads ${JSON.stringify(variance)}`);
      const value = await textOf(page, `#stocktake-lines tr[data-sku="${SKU}"] td.variance-value`);
      assert(/\d/.test(value) && digits(value) > 0, `variance value reads ${JSON.stringify(value)}`);
      assert(await page.evaluate(() => window.__sameDocument === true), 'the page was reloaded');
    },
  },
  {
    name: 'posting with uncounted lines is refused by those lines; counting the rest posts',
    async run(page, shot) {
      await page.locator('#stocktake-post').click();
      await page.locator('#stocktake-problem').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.locator(`#stocktake-lines tr[data-sku="${SKU2}"] .line-error`).waitFor({ state: 'visible', timeout: TIMEOUT });
      const message = await textOf(page, `#stocktake-lines tr[data-sku="${SKU2}"] .line-error`);
      assert(message.startsWith('Not counted yet'), `line message reads ${JSON.stringify(message)}`);
      assert((await page.locator(`#stocktake-lines tr[data-sku="${SKU}"] .line-error`).count()) === 0, 'the counted line is flagged');
      assert((await page.locator('#stocktake-status').getAttribute('data-status')) === 'counting', 'the sheet closed anyway');
      await shot('en-refused');
      const uncounted = await page.locator('#stocktake-lines tr[data-counted="false"]').evaluateAll((rows) => rows.map((r) => r.dataset.sku));
      for (const sku of uncounted) {
        const onHand = await cell(page, '#stocktake-lines', sku, 'on-hand');
        await page.locator(`#count-${sku}`).fill(String(onHand));
      }
      await page.locator('#stocktake-save').click();
      await page.waitForFunction(() => document.querySelectorAll('#stocktake-lines tr[data-counted="false"]').length === 0, null, { timeout: TIMEOUT });
      assert((await page.locator('.line-error').count()) === 0, 'line errors stay after counting');
      await page.locator('#stocktake-post').click();
      await page.locator('#stocktake-status[data-status="posted"]').waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await page.locator('#stocktake-post').count()) === 0, 'the post button stays after posting');
      assert((await textOf(page, `#stocktake-lines tr[data-sku="${SKU}"] td.variance`)) === '+1', 'the posted variance');
      assert(await page.evaluate(() => window.__sameDocument === true), 'the page was reloaded');
      await shot('en-stocktake');
    },
  },
  {
    name: 'Vietnamese: the transfer and the count sheet are translated',
    async run(page, shot) {
      await switchTo(page, 'vi');
      assert((await textOf(page, '#stocktake-status')) === 'Đã ghi sổ', 'stocktake status in Vietnamese');
      const heads = await textOf(page, '#stocktake-lines thead');
      assert(heads.includes('Chênh lệch') && heads.includes('Số đếm được'), `headers read ${JSON.stringify(heads)}`);
      await shot('vi-stocktake');
      await page.goto(transferUrl);
      await statusIs(page, 'closed');
      assert((await textOf(page, '#transfer-status')) === 'Đã đóng, có chênh lệch', 'transfer status in Vietnamese');
      assert((await textOf(page, '#transfer-lines thead')).includes('Đang vận chuyển'), 'in transit header in Vietnamese');
      await shot('vi');
    },
  },
  {
    name: 'Persian: right to left, Jalali dates and Persian digits',
    async run(page, shot) {
      await switchTo(page, 'fa');
      assert((await textOf(page, '#transfer-status')) === 'بسته با مغایرت', 'transfer status in Persian');
      const missing = await textOf(page, `#transfer-lines tr[data-sku="${SKU2}"] td.missing`);
      assert(persianDigits(missing), `missing reads ${JSON.stringify(missing)}`);
      const created = await textOf(page, '#transfer-created time');
      const iso = await page.locator('#transfer-created time').getAttribute('datetime');
      assert(persianDigits(created) && created.includes(await jalaliYear(page, iso)), `created reads ${JSON.stringify(created)}`);
      await shot('fa');
      await page.goto(sheetUrl);
      await page.locator('#stocktake-status[data-status="posted"]').waitFor({ state: 'visible', timeout: TIMEOUT });
      const variance = await textOf(page, `#stocktake-lines tr[data-sku="${SKU}"] td.variance`);
      assert(variance === '+۱', `variance reads ${JSON.stringify(variance)}`);
      assert(persianDigits(await textOf(page, `#stocktake-lines tr[data-sku="${SKU}"] td.variance-value`)), 'variance value digits');
      await shot('fa-stocktake');
    },
  },
  {
    name: 'Chinese at 360 px: translated, and only the tables scroll sideways',
    async run(page, shot) {
      await switchTo(page, 'zh');
      assert((await textOf(page, '#stocktake-status')) === '已过账', 'stocktake status in Chinese');
      await page.setViewportSize({ width: 360, height: 740 });
      await page.waitForTimeout(200);
      assert((await overflow(page)) <= 1, `the sheet is ${await overflow(page)}px wider than the screen`);
      await shot('zh-360-stocktake');
      await page.goto(transferUrl);
      await statusIs(page, 'closed');
      assert((await textOf(page, '#transfer-status')) === '差异关闭', 'transfer status in Chinese');
      await page.waitForTimeout(200);
      assert((await overflow(page)) <= 1, `the transfer is ${await overflow(page)}px wider than the screen`);
      await shot('zh-360');
      await page.goto(`${new URL(transferUrl).origin}/transfers`);
      await page.locator('#transfer-create').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.waitForTimeout(300);
      assert((await overflow(page)) <= 1, `the list is ${await overflow(page)}px wider than the screen`);
      await shot('zh-360-list');
    },
  },
];

await run('transfers', tests);
