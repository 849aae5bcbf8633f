// The purchase order screens in headless Chromium: a warehouse keeper writes a draft
// with two lines on the page, changes a quantity, orders it, receives part of one
// line, is refused an over-receipt by the other line, receives the rest, and finds
// the stock grown; then the order page in Vietnamese, Persian (right to left, Jalali
// dates, Persian digits) and Chinese, and the list at 360 px.
// Plain Node with the shared tests/browser/harness.mjs:
//
//   BASE_URL=http://127.0.0.1:8099 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/purchasing.test.mjs
//
// Prints `ok - name` / `not ok - name: reason` per test, then `N passed, N failed`.
// Screenshots land in tests/browser/screenshots/purchasing-*.png.

import { run, assert, api, signIn, switchTo, chooseBy, textOf, overflow, persianDigits, jalaliYear, tokenFor, TIMEOUT } from './harness.mjs';

const USER = 'warehouse.hn01';
const WAREHOUSE = 'HN01-MAIN';
const FIRST = 'DK-CMP-FTKB';
const SECOND = 'DK-FAN-FTKB25';
const SUPPLIER = `Daikin Vietnam ${Date.now()}`;

let orderUrl = '';
let onHandBefore = 0;

/// On hand of a part in HN01-MAIN, read through the API.
async function onHandNow(sku) {
  const token = await tokenFor(USER);
  const warehouses = await api('GET', '/warehouses?limit=200', token);
  const warehouse = warehouses.items.find((w) => w.code === WAREHOUSE);
  const parts = await api('GET', `/parts?q=${sku}`, token);
  const part = parts.items.find((p) => p.sku === sku);
  const stock = await api('GET', `/stock?warehouse_id=${warehouse.id}&part_id=${part.id}`, token);
  return stock.items.find((s) => s.part_id === part.id)?.on_hand ?? 0;
}

const line = (sku) => `#po-lines-view tr[data-sku="${sku}"]`;
const status = async (page) => page.locator('#po-status [data-status]').getAttribute('data-status');

async function waitStatus(page, code) {
  await page.locator(`#po-status [data-status="${code}"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
}

async function addPart(page, sku) {
  await page.locator('#po-part-search').fill(sku);
  await page.locator('#po-part-search-button').click();
  await page.locator(`#po-part-results button[data-sku="${sku}"]`).click();
  await page.locator(`#po-lines-table tr[data-sku="${sku}"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
}

const tests = [
  {
    name: 'the keeper reaches /purchase-orders from the navigation and sees the parts to order',
    async run(page, shot) {
      onHandBefore = await onHandNow(FIRST);
      await signIn(page, USER);
      await page.locator('nav a[href="/purchase-orders"]').click();
      await page.waitForURL((url) => url.pathname === '/purchase-orders', { timeout: TIMEOUT });
      assert((await textOf(page, '#po-title')) === 'Purchase orders', 'title');
      await page.locator('#to-order-table tr[data-sku], #to-order-empty').first().waitFor({ state: 'visible', timeout: TIMEOUT });
      // The demo stock is below most reorder points: the list names parts and their shortfall.
      const rows = await page.locator('#to-order-table tbody tr').count();
      assert(rows > 0, 'no part to order');
      assert((await page.locator('#to-order-start').count()) === 1, 'no button to start a draft with them');
      // Filters live in the URL.
      await page.locator('#po-status-filter').selectOption('draft');
      await page.waitForURL((url) => url.search.includes('status=draft'), { timeout: TIMEOUT });
      await page.locator('#po-status-filter').selectOption('');
      await page.waitForURL((url) => !url.search.includes('status='), { timeout: TIMEOUT });
    },
  },
  {
    name: 'a draft with two lines is written on the page and gets its PO- number',
    async run(page, shot) {
      await page.locator('#po-new').click();
      await page.locator('#po-supplier').fill(SUPPLIER);
      await chooseBy(page, '#po-warehouse', 'data-code', WAREHOUSE);
      await addPart(page, FIRST);
      await addPart(page, SECOND);
      await page.locator(`#po-lines-table tr[data-sku="${FIRST}"] input.line-quantity`).fill('4');
      await page.locator(`#po-lines-table tr[data-sku="${SECOND}"] input.line-quantity`).fill('3');
      // An empty supplier is refused next to its field before anything is sent.
      await page.locator('#po-supplier').fill('');
      await page.locator('#po-save').click();
      await page.locator('#po-supplier-error').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.locator('#po-supplier').fill(SUPPLIER);
      await page.locator('#po-save').click();
      await page.waitForURL((url) => /^\/purchase-orders\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: TIMEOUT });
      orderUrl = page.url();
      await waitStatus(page, 'draft');
      const number = await textOf(page, '#po-number');
      assert(/^PO-HN01-\d{4}-\d+$/.test(number), `number reads ${JSON.stringify(number)}`);
      assert((await textOf(page, '#po-status')) === 'Draft', 'status is not in words');
      assert((await textOf(page, `${line(FIRST)} td.ordered`)) === '4', 'first line not ordered 4');
      assert((await textOf(page, `${line(SECOND)} td.ordered`)) === '3', 'second line not ordered 3');
      const total = await textOf(page, '#po-total');
      assert(/₫|VND/.test(total), `total reads ${JSON.stringify(total)}`);
    },
  },
  {
    name: 'editing a quantity of the draft shows without a reload',
    async run(page, shot) {
      await page.evaluate(() => { window.__sameDocument = true; });
      await page.locator('#po-edit').click();
      await page.locator(`#po-lines-table tr[data-sku="${SECOND}"] input.line-quantity`).fill('2');
      await page.locator('#po-save').click();
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.trim() === '2', `${line(SECOND)} td.ordered`, { timeout: TIMEOUT });
      assert((await page.locator('#po-form').count()) === 0, 'the form stayed open');
      await page.locator('#po-order').click();
      await waitStatus(page, 'ordered');
      assert((await textOf(page, '#po-status')) === 'Ordered', 'status after ordering');
      assert((await page.locator('#po-edit').count()) === 0, 'an ordered order can still be edited');
      assert(await page.evaluate(() => window.__sameDocument === true), 'the page was reloaded');
    },
  },
  {
    name: 'part of one line arrives; over-receiving the other is refused by that line',
    async run(page, shot) {
      await page.locator(`${line(FIRST)} input.receive-quantity`).fill('1');
      await page.locator('#po-receive-submit').click();
      await waitStatus(page, 'partially_received');
      assert((await textOf(page, `${line(FIRST)} td.received`)) === '1', 'received not 1');
      assert((await textOf(page, `${line(FIRST)} td.outstanding`)) === '3', 'outstanding not 3');
      assert((await textOf(page, '#po-status')) === 'Partly received', 'status in words');
      await page.locator(`${line(SECOND)} input.receive-quantity`).fill('5');
      await page.locator('#po-receive-submit').click();
      const error = page.locator(`${line(SECOND)} .line-error`);
      await error.waitFor({ state: 'visible', timeout: TIMEOUT });
      const text = (await error.innerText()).trim();
      assert(text.includes('at most 2'), `the line's error reads ${JSON.stringify(text)}`);
      assert((await page.locator(`${line(FIRST)} .line-error`).count()) === 0, 'the other line was blamed');
      assert((await page.locator(`${line(SECOND)} input.receive-quantity`).getAttribute('aria-invalid')) === 'true', 'not marked invalid');
      assert((await status(page)) === 'partially_received', 'status changed after a refusal');
      assert((await textOf(page, `${line(SECOND)} td.received`)) === '0', 'something was received');
      await shot('en-over-receipt');
    },
  },
  {
    name: 'the rest arrives: the order is received and the stock page shows more on hand',
    async run(page, shot) {
      await page.locator('#po-fill').click();
      assert((await page.locator(`${line(FIRST)} input.receive-quantity`).inputValue()) === '3', 'fill did not type 3');
      await page.locator('#po-receive-submit').click();
      await waitStatus(page, 'received');
      assert((await textOf(page, '#po-status')) === 'Received', 'status in words');
      assert((await textOf(page, `${line(FIRST)} td.outstanding`)) === '0', 'first line outstanding');
      assert((await textOf(page, `${line(SECOND)} td.received`)) === '2', 'second line received');
      assert((await page.locator('#po-cancel').count()) === 0, 'a received order can be cancelled');
      assert((await page.locator('#po-received-at time').count()) === 1, 'no received date');
      await shot('en');
      await page.locator(`${line(FIRST)} td.code a`).click();
      await page.waitForURL((url) => url.pathname === '/stock', { timeout: TIMEOUT });
      await chooseBy(page, '#warehouse-select', 'data-code', WAREHOUSE);
      const cell = page.locator(`#stock-table tr[data-sku="${FIRST}"] td.on-hand`);
      await cell.waitFor({ state: 'visible', timeout: TIMEOUT });
      const now = Number((await cell.innerText()).replace(/[^0-9]/g, ''));
      assert(now === onHandBefore + 4, `on hand ${now}, expected ${onHandBefore + 4}`);
    },
  },
  {
    name: 'the list shows the order with its status in words and its total',
    async run(page, shot) {
      await page.goto(`${new URL(orderUrl).origin}/purchase-orders?status=received`);
      const row = page.locator('#po-list tr', { hasText: SUPPLIER });
      await row.waitFor({ state: 'visible', timeout: TIMEOUT });
      const text = (await row.innerText()).trim();
      assert(text.includes('Received') && text.includes('PO-HN01-'), `row reads ${JSON.stringify(text)}`);
      assert((await page.locator('#po-status-filter').inputValue()) === 'received', 'filter not kept from the URL');
    },
  },
  {
    name: 'Vietnamese: the order page is translated',
    async run(page, shot) {
      await page.goto(orderUrl);
      await waitStatus(page, 'received');
      await switchTo(page, 'vi');
      assert((await textOf(page, '#po-status')) === 'Đã nhận đủ', 'status in Vietnamese');
      assert((await textOf(page, '#po-lines-title')) === 'Các dòng hàng', 'lines title');
      const heads = await textOf(page, '#po-lines-view thead');
      assert(heads.includes('Còn chờ') && heads.includes('Đơn giá'), `heads read ${JSON.stringify(heads)}`);
      await shot('vi');
    },
  },
  {
    name: 'Persian: right to left, Jalali dates and Persian digits',
    async run(page, shot) {
      await switchTo(page, 'fa');
      assert((await textOf(page, '#po-status')) === 'دریافت شده', 'status in Persian');
      const ordered = await textOf(page, `${line(FIRST)} td.ordered`);
      assert(ordered === '۴', `ordered reads ${JSON.stringify(ordered)}`);
      const when = await textOf(page, '#po-received-at time');
      assert(persianDigits(when.replace(/[^0-9۰-۹]/g, '')), `date reads ${JSON.stringify(when)}`);
      const iso = await page.locator('#po-received-at time').getAttribute('datetime');
      const year = await jalaliYear(page, iso);
      assert(when.includes(year), `date ${JSON.stringify(when)} is not in Jalali year ${year}`);
      const total = await textOf(page, '#po-total');
      assert(!/[0-9]/.test(total), `total reads ${JSON.stringify(total)}`);
      await shot('fa');
    },
  },
  {
    name: 'Chinese at 360 px: translated, and only the tables scroll sideways',
    async run(page, shot) {
      await switchTo(page, 'zh');
      assert((await textOf(page, '#po-status')) === '已到货', 'status in Chinese');
      await page.setViewportSize({ width: 360, height: 740 });
      await page.waitForTimeout(200);
      assert((await overflow(page)) <= 1, `the order page is ${await overflow(page)}px too wide`);
      await shot('zh-360');
      await page.locator('#po-back').click();
      await page.waitForURL((url) => url.pathname === '/purchase-orders', { timeout: TIMEOUT });
      await page.locator('#po-list tbody tr').first().waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.locator('#po-new').click();
      await page.locator('#po-form').waitFor({ state: 'visible', timeout: TIMEOUT });
      await addPart(page, FIRST);
      await page.waitForTimeout(200);
      assert((await overflow(page)) <= 1, `the list page is ${await overflow(page)}px too wide`);
      assert((await textOf(page, '#po-title')) === '采购单', 'title in Chinese');
      await shot('zh-list-360');
    },
  },
];

await run('purchasing', tests);
