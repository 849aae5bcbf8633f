// Counter sales in headless Chromium: the warehouse keeper sells two parts from a
// shelf with stock on the page — the line totals and the sale's total follow the
// server's pricing rule (a discount needs a reason), the slip shows the branch,
// number, lines and total by name, and the stock on hand went down by what was
// sold; a sale of more than the shelf holds is refused in words beside the line
// and sells nothing; then the screens in Persian and Chinese, and at 360 px.
//
//   BASE_URL=http://127.0.0.1:8104 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/part_sales.test.mjs

import { run, assert, api, tokenFor, signIn, signOut, switchTo, chooseBy, textOf, overflow, persianDigits, BASE_URL, TIMEOUT } from './harness.mjs';

const USER = 'warehouse.hn01';
const WAREHOUSE = 'HN01-MAIN';
const STAMP = String(Date.now()).slice(-7);
const FIRST = `PS-CMP-${STAMP}`;
const SECOND = `PS-FAN-${STAMP}`;
const BUYER = `Khách lẻ ${STAMP}`;

let warehouseId = '';
const parts = {};
let slipUrl = '';

/// A new VND part at `price`, with `quantity` received into HN01-MAIN.
async function stockedPart(sku, name, price, quantity) {
  const admin = await tokenFor('admin');
  const keeper = await tokenFor(USER);
  const brands = await api('GET', '/brands?limit=200', admin);
  const brand = brands.items.find((b) => b.code === 'DAIKIN') || brands.items[0];
  const part = await api('POST', '/parts', admin, {
    brand_id: brand.id, sku, name, unit: 'pcs',
    standard_cost: { amount: String(price / 2), currency: 'VND' }, price: { amount: String(price), currency: 'VND' },
  });
  await api('POST', '/stock/receipts', keeper, { warehouse_id: warehouseId, part_id: part.id, quantity, unit_cost: String(price / 2) });
  return part;
}

async function onHand(sku) {
  const token = await tokenFor(USER);
  const stock = await api('GET', `/stock?warehouse_id=${warehouseId}&part_id=${parts[sku].id}`, token);
  return stock.items.find((s) => s.part_id === parts[sku].id)?.on_hand ?? 0;
}

async function addPart(page, sku) {
  await page.locator('#sale-part-search').fill(sku);
  await page.locator('#sale-part-search-button').click();
  await page.locator(`#sale-part-results button[data-sku="${sku}"]`).click();
  await page.locator(`#sale-lines-table tr[data-sku="${sku}"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
}

const row = (sku) => `#sale-lines-table tr[data-sku="${sku}"]`;

const tests = [
  {
    name: 'the keeper finds counter sales in the navigation',
    async run(page) {
      const token = await tokenFor(USER);
      const warehouses = await api('GET', '/warehouses?limit=200', token);
      warehouseId = warehouses.items.find((w) => w.code === WAREHOUSE).id;
      parts[FIRST] = await stockedPart(FIRST, 'Máy nén bán lẻ', 1800000, 5);
      parts[SECOND] = await stockedPart(SECOND, 'Quạt bán lẻ', 500000, 10);
      await signIn(page, USER);
      await page.locator('nav a[href="/part-sales"]').click();
      await page.waitForURL((url) => url.pathname === '/part-sales', { timeout: TIMEOUT });
      assert((await textOf(page, '#sales-title')) === 'Counter sales of parts', 'title');
      await page.locator('#sale-new').click();
      await page.waitForURL((url) => url.pathname === '/part-sales/new', { timeout: TIMEOUT });
    },
  },
  {
    name: 'a sale of two lines totals by the pricing rule, a discount asks for a reason',
    async run(page, shot) {
      await chooseBy(page, '#sale-warehouse', 'data-code', WAREHOUSE);
      await page.locator('#sale-customer-name').fill(BUYER);
      await addPart(page, FIRST);
      await addPart(page, SECOND);
      // What the shelf has is shown beside each line.
      await page.waitForFunction((sel) => document.querySelector(sel)?.innerText.trim() === '5', `${row(FIRST)} td.on-shelf`, { timeout: TIMEOUT });
      await page.locator(`${row(FIRST)} input.line-quantity`).fill('2');
      await page.locator(`${row(SECOND)} input.line-quantity`).fill('3');
      await page.locator(`${row(SECOND)} input.line-discount`).fill('100000');
      // 2 × 1 800 000 + (3 × 500 000 − 100 000) = 5 000 000
      await page.waitForFunction(() => document.querySelector('#sale-total')?.innerText.replace(/\D/g, '') === '5000000', null, { timeout: TIMEOUT });
      await page.locator(`${row(SECOND)} input.line-reason`).waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.locator('#sale-save').click();
      const error = await textOf(page, `${row(SECOND)} .line-error`);
      assert(/reason/i.test(error), `the discount without a reason reads ${JSON.stringify(error)}`);
      await page.locator(`${row(SECOND)} input.line-reason`).fill('bought with the compressor');
      await shot('form');
      await page.locator('#sale-save').click();
      await page.waitForURL((url) => /^\/part-sales\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: TIMEOUT });
      slipUrl = page.url();
    },
  },
  {
    name: 'the slip shows the branch, number, lines and total by name, and the stock went down',
    async run(page, shot) {
      const number = await textOf(page, '#slip-number');
      assert(/^PS-HN01-\d{4}-\d{6}$/.test(number), `number ${number}`);
      const branch = await textOf(page, '#slip-branch');
      assert(branch.startsWith('HN01 — '), `branch ${branch}`);
      assert((await textOf(page, '#slip-warehouse')).startsWith(WAREHOUSE), 'warehouse by code and name');
      assert((await textOf(page, '#slip-buyer')) === BUYER, 'buyer');
      const seller = await textOf(page, '#slip-seller');
      assert(seller.length > 0 && !/[0-9a-f]{8}-/.test(seller), `seller ${seller}`);
      assert((await page.locator('#slip-lines tr.slip-line').count()) === 2, 'two lines');
      const first = await textOf(page, `#slip-lines tr[data-sku="${FIRST}"]`);
      assert(first.includes('Máy nén bán lẻ') && first.includes('3,600,000'), `first line ${first}`);
      assert((await textOf(page, `#slip-lines tr[data-sku="${SECOND}"] .price-reason`)) === 'bought with the compressor', 'reason');
      assert((await page.locator('#slip-total').getAttribute('data-amount')) === '5000000', 'total');
      assert((await textOf(page, '#slip-total')).replace(/\D/g, '') === '5000000', 'total shown');
      assert((await page.locator('#slip-print').count()) === 1, 'a print button');
      // Printed, the page is the slip alone: no navigation, no buttons.
      await page.emulateMedia({ media: 'print' });
      assert(!(await page.locator('nav.nav').isVisible()), 'the navigation prints');
      assert(!(await page.locator('#slip-print').isVisible()), 'the print button prints');
      assert(await page.locator('#slip-lines').isVisible(), 'the lines do not print');
      await shot('slip-print');
      await page.emulateMedia({ media: 'screen' });
      await shot('slip');
      assert((await onHand(FIRST)) === 3, 'the compressors on hand did not go down by 2');
      assert((await onHand(SECOND)) === 7, 'the fans on hand did not go down by 3');
      // The list shows the sale.
      await page.goto(`${BASE_URL}/part-sales`);
      await page.locator(`#sales-list tr[data-number="${number}"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
    },
  },
  {
    name: 'a technician reads the sales but is offered no sale',
    async run(page) {
      await signOut(page);
      await signIn(page, 'tech.hn01');
      await page.goto(`${BASE_URL}/part-sales`);
      await page.locator('#sales-list tr[data-number]').first().waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await page.locator('#sale-new').count()) === 0, 'a technician is offered a new sale');
      await page.goto(`${BASE_URL}/part-sales/new`);
      // The page says "Loading…" first: wait for its answer, the sentence or the form.
      await page.locator('.part-sale-new-page p.muted', { hasText: /not sell/ }).or(page.locator('#sale-save'))
        .first().waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await page.locator('#sale-save').count()) === 0, 'the form is offered to a technician');
      assert(/not sell/.test(await textOf(page, '.part-sale-new-page p.muted')), 'no sentence says why');
      await signOut(page);
      await signIn(page, USER);
      await page.goto(`${BASE_URL}/part-sales`);
    },
  },
  {
    name: 'a sale of more than the shelf holds is refused in words beside the line and sells nothing',
    async run(page, shot) {
      await page.locator('#sale-new').click();
      await chooseBy(page, '#sale-warehouse', 'data-code', WAREHOUSE);
      await addPart(page, SECOND);
      await addPart(page, FIRST);
      await page.locator(`${row(FIRST)} input.line-quantity`).fill('4');
      await page.locator('#sale-save').click();
      const error = await textOf(page, `${row(FIRST)} .line-error`);
      assert(error === 'Not enough on the shelf: only 3 available in this warehouse.', `the refusal reads ${JSON.stringify(error)}`);
      assert((await page.locator(`${row(SECOND)} .line-error`).count()) === 0, 'the other line is not blamed');
      assert(/Nothing was sold/.test(await textOf(page, '#sale-problem')), 'no word above the form');
      assert(new URL(page.url()).pathname === '/part-sales/new', 'the form stays');
      await shot('short');
      assert((await onHand(FIRST)) === 3 && (await onHand(SECOND)) === 7, 'something was sold');
    },
  },
  {
    name: 'in Persian and Chinese the form and the slip speak the language, nothing spills at 360 px',
    async run(page, shot) {
      await page.setViewportSize({ width: 360, height: 740 });
      await switchTo(page, 'fa');
      const refusal = await textOf(page, `${row(FIRST)} .line-error`).catch(() => '');
      assert(refusal === '' || persianDigits(refusal.replace(/[^0-9۰-۹]/g, '')), `the refusal in Persian reads ${refusal}`);
      assert((await overflow(page)) <= 0, 'the form scrolls sideways at 360 px');
      await shot('form-fa');
      await page.goto(slipUrl);
      await page.locator('#slip-number').waitFor({ state: 'visible', timeout: TIMEOUT });
      assert(persianDigits((await textOf(page, '#slip-total')).replace(/[^0-9۰-۹]/g, '')), 'the total is in Persian digits');
      assert((await overflow(page)) <= 0, 'the slip scrolls sideways at 360 px');
      await shot('fa');
      await page.goto(`${BASE_URL}/part-sales`);
      await page.locator('#sales-list tr[data-number]').first().waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await overflow(page)) <= 0, 'the list scrolls sideways at 360 px');
      await shot('list-fa');
      await switchTo(page, 'zh');
      await page.goto(slipUrl);
      await page.locator('#slip-number').waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await textOf(page, '#sale-slip h1')) === '销售单', 'the slip title in Chinese');
      await shot('zh');
      await switchTo(page, 'en');
    },
  },
];

await run('part_sales', tests);
