// The reports screen in headless Chromium: tickets per branch and month follow
// what is taken in, narrow to one branch, download as XLSX, and in Persian count
// Jalali months in Persian digits, right to left, without spilling at 360 px. Each
// stock report (stock on hand, movements, parts used, overdue old parts, below
// reorder point) shows its rows for data made here or in the demo, and downloads
// as an XLSX workbook; in Persian and Chinese too, at 360 px.
//
//   BASE_URL=http://127.0.0.1:8099 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/reports.test.mjs

import { run, assert, api, tokenFor, signIn, switchTo, chooseBy, textOf, overflow, persianDigits, BASE_URL, TIMEOUT } from './harness.mjs';

/// A repair taken in at HN01 by the clerk for a new customer.
async function takeIn() {
  const token = await tokenFor('clerk.hn01');
  const me = await api('GET', '/auth/me', token);
  const models = await api('GET', '/product-models?limit=1', token);
  return api('POST', '/tickets', token, {
    branch_id: me.branch_id,
    kind: 'repair',
    channel: 'counter',
    new_customer: { kind: 'individual', name: 'Báo Cáo', phones: [{ number: `+84 9${String(Date.now()).slice(-8)}` }], allow_duplicate: true },
    model_id: models.items[0].id,
  });
}

const WAREHOUSE = 'HN01-MAIN';
const SKU = `RPT-${String(Date.now()).slice(-7)}`;

/// A new part with reorder point 10, of which 2 are received into HN01-MAIN.
async function stockedPart() {
  const admin = await tokenFor('admin');
  const keeper = await tokenFor('warehouse.hn01');
  const brands = await api('GET', '/brands?limit=200', admin);
  const part = await api('POST', '/parts', admin, {
    brand_id: brands.items[0].id, sku: SKU, name: 'Report part', unit: 'pcs', reorder_point: 10,
    standard_cost: { amount: '100000', currency: 'VND' }, price: { amount: '150000', currency: 'VND' },
  });
  const warehouses = await api('GET', '/warehouses?limit=200', keeper);
  const warehouse = warehouses.items.find((w) => w.code === WAREHOUSE);
  await api('POST', '/stock/receipts', keeper, { warehouse_id: warehouse.id, part_id: part.id, quantity: 2, unit_cost: '100000' });
}

/// Opens a stock report by its link in the report picker.
async function openReport(page, slug) {
  await page.locator(`#report-link-${slug}`).click();
  await page.waitForURL((url) => url.search === `?report=${slug}`, { timeout: TIMEOUT });
  await page.locator(`#stock-report-title[data-report="${slug}"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
}

/// Downloads the report shown; it must be an XLSX (zip) workbook of that name.
async function workbook(page, name) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), page.locator('#stock-download').click()]);
  assert(download.suggestedFilename() === name, `saved as ${download.suggestedFilename()}`);
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(await download.path());
  assert(bytes.length > 500 && bytes.subarray(0, 2).toString() === 'PK', `${name} is not an XLSX (zip) file`);
}

// The clerk sits in Hà Nội (UTC+7, the browser's zone below), where the reports'
// days and the page's default period are: from 17:00 UTC that is already tomorrow.
const month = new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 7);
const row = (branch) => `#volume-table tr[data-branch="${branch}"][data-month="${month}"]`;
const received = async (page, branch) => Number(await textOf(page, `${row(branch)} td.received`));

const tests = [
  {
    name: 'this month\'s row of HN01 counts a ticket taken in since',
    async run(page, shot) {
      await takeIn();
      await signIn(page, 'admin');
      await page.goto(`${BASE_URL}/reports`);
      const before = await received(page, 'HN01');
      assert(before >= 1, `HN01 shows ${before} tickets this month`);
      await takeIn();
      await page.locator('#report-show').click();
      await page.waitForFunction(
        ([selector, n]) => Number(document.querySelector(selector)?.innerText) === n,
        [`${row('HN01')} td.received`, before + 1],
        { timeout: TIMEOUT },
      );
      await shot('en');
    },
  },
  {
    name: 'one branch chosen, only its rows remain',
    async run(page) {
      await chooseBy(page, '#report-branch', 'value', await page.locator('#report-branch option', { hasText: 'HN01' }).first().getAttribute('value'));
      await page.locator('#report-show').click();
      await page.waitForFunction(
        () => [...document.querySelectorAll('#volume-table tbody tr[data-branch]')].every((tr) => tr.dataset.branch === 'HN01'),
        null,
        { timeout: TIMEOUT },
      );
    },
  },
  {
    name: 'the download is the report as a workbook',
    async run(page) {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), page.locator('#report-download').click()]);
      assert(download.suggestedFilename() === 'ticket-volume.xlsx', `saved as ${download.suggestedFilename()}`);
      const path = await download.path();
      const { statSync, readFileSync } = await import('node:fs');
      assert(statSync(path).size > 1000, 'the workbook is empty');
      assert(readFileSync(path).subarray(0, 2).toString() === 'PK', 'not an XLSX (zip) file');
    },
  },
  {
    name: 'stock on hand shows a part just received, per warehouse, and downloads as a workbook',
    async run(page) {
      await stockedPart();
      await openReport(page, 'stock-on-hand');
      await chooseBy(page, '#stock-warehouse', 'data-code', WAREHOUSE);
      await page.locator('#stock-show').click();
      // The whole network's stock may still be shown until the chosen warehouse's
      // answer replaces it: wait for a table of that warehouse alone.
      await page.waitForFunction((code) => {
        const rows = [...document.querySelectorAll('#on-hand-table tbody tr[data-warehouse]')];
        return rows.length > 0 && rows.every((r) => r.dataset.warehouse === code);
      }, WAREHOUSE, { timeout: TIMEOUT }).catch(() => { throw new Error('another warehouse is listed'); });
      const line = `#on-hand-table tr[data-warehouse="${WAREHOUSE}"][data-sku="${SKU}"]`;
      await page.locator(line).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await textOf(page, `${line} td.on-hand`)) === '2', 'on hand of the part received');
      await page.locator(`#on-hand-totals tr[data-warehouse="${WAREHOUSE}"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
      await workbook(page, 'stock-on-hand.xlsx');
    },
  },
  {
    name: 'stock movements show the receipt of the period and the stock before and after',
    async run(page) {
      await openReport(page, 'stock-movements');
      await page.locator('#stock-show').click();
      const position = `#positions-table tr[data-warehouse="${WAREHOUSE}"][data-sku="${SKU}"]`;
      await page.locator(position).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await textOf(page, `${position} td.closing`)) === '2', 'closing stock');
      await page.locator(`#movements-table tr[data-sku="${SKU}"][data-kind="receipt"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
      await workbook(page, 'stock-movements.xlsx');
    },
  },
  {
    name: 'parts used are listed per ticket and per technician',
    async run(page) {
      await openReport(page, 'parts-used');
      await page.locator('#parts-used-table tbody tr[data-ticket]').first().waitFor({ state: 'visible', timeout: TIMEOUT });
      const tickets = await page.locator('#parts-used-table tbody tr[data-ticket]').evaluateAll((rows) => rows.map((r) => r.dataset.ticket));
      assert(tickets.length > 0 && tickets.every((n) => /^[A-Z]{2}-[A-Z0-9]+-\d{4}-\d{6}$/.test(n)), `tickets ${tickets.slice(0, 3)}`);
      await page.locator('#stock-group').selectOption('technician');
      await page.locator('#stock-show').click();
      await page.waitForFunction(
        () => [...document.querySelectorAll('#parts-used-table tbody tr[data-ticket]')].every((r) => r.dataset.ticket === '')
          && document.querySelectorAll('#parts-used-table tbody tr[data-technician]').length > 0,
        null,
        { timeout: TIMEOUT },
      );
      await workbook(page, 'parts-used.xlsx');
    },
  },
  {
    name: 'old parts overdue are listed with their ticket and days overdue',
    async run(page) {
      await openReport(page, 'overdue-defective-returns');
      const first = '#overdue-table tbody tr[data-ticket]';
      await page.locator(first).first().waitFor({ state: 'visible', timeout: TIMEOUT });
      assert(Number(await textOf(page, `${first} td.days-overdue`)) >= 0, 'days overdue');
      assert((await page.locator('#stock-warehouse').count()) === 0, 'this report takes no warehouse');
      await workbook(page, 'overdue-defective-returns.xlsx');
    },
  },
  {
    name: 'a part below its reorder point is listed with its shortfall',
    async run(page, shot) {
      await openReport(page, 'below-reorder-point');
      const line = `#reorder-table tr[data-sku="${SKU}"]`;
      await page.locator(line).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await textOf(page, `${line} td.shortfall`)) === '8', 'reorder point 10 less 2 on hand');
      await shot('reorder');
      await workbook(page, 'below-reorder-point.xlsx');
    },
  },
  {
    name: 'the stock reports in Persian and Chinese, and nothing spills at 360 px',
    async run(page, shot) {
      await page.setViewportSize({ width: 360, height: 740 });
      await switchTo(page, 'fa');
      await openReport(page, 'stock-on-hand');
      await page.locator(`#on-hand-table tr[data-sku="${SKU}"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert(persianDigits(await textOf(page, `#on-hand-table tr[data-sku="${SKU}"] td.on-hand`)), 'on hand in Persian digits');
      assert((await overflow(page)) <= 0, 'stock on hand scrolls sideways at 360 px');
      await shot('stock-fa');
      await openReport(page, 'stock-movements');
      await page.locator('#positions-table tbody tr').first().waitFor({ state: 'visible', timeout: TIMEOUT });
      assert(persianDigits(await page.locator('#stock-from').inputValue()), 'the period in Persian digits');
      assert((await overflow(page)) <= 0, 'stock movements scroll sideways at 360 px');
      await shot('movements-fa');
      await switchTo(page, 'zh');
      await openReport(page, 'parts-used');
      await page.locator('#parts-used-table tbody tr').first().waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await textOf(page, '#stock-report-title')) === '工单用料', 'the title in Chinese');
      await shot('stock-zh');
      await switchTo(page, 'en');
      await page.setViewportSize({ width: 1200, height: 800 });
      // Back to tickets per branch and month for the test after this one.
      await page.locator('#report-link-ticket-volume').click();
      await page.locator('#volume-table tbody tr[data-branch]').first().waitFor({ state: 'visible', timeout: TIMEOUT });
    },
  },
  {
    name: 'in Persian the months are Jalali, in Persian digits, and nothing spills at 360 px',
    async run(page, shot) {
      await page.setViewportSize({ width: 360, height: 740 });
      await switchTo(page, 'fa');
      const first = page.locator('#volume-table tbody tr[data-branch] td.month').first();
      await page.waitForFunction(
        () => /^14\d\d-\d\d$/.test(document.querySelector('#volume-table tbody tr[data-branch]')?.dataset.month || ''),
        null,
        { timeout: TIMEOUT },
      );
      const label = (await first.innerText()).trim();
      assert(persianDigits(label), `the month reads ${JSON.stringify(label)}`);
      const from = await page.locator('#report-from').inputValue();
      assert(persianDigits(from) && from.startsWith('۱۴'), `the period starts ${JSON.stringify(from)}, not a Jalali day`);
      assert((await overflow(page)) <= 0, 'the page scrolls sideways at 360 px');
      await shot('fa');
      await switchTo(page, 'zh');
      await page.locator(`#volume-table tbody tr[data-month="${month}"]`).first().waitFor({ timeout: TIMEOUT });
      await shot('zh');
      await switchTo(page, 'en');
    },
  },
];

await run('reports', tests, { timezoneId: 'Asia/Ho_Chi_Minh' });
