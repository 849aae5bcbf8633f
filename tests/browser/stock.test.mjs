// The warehouse keeper's stock screens in headless Chromium: pick a warehouse, see
// the stock per part, receive parts (the table and the ledger follow without a page
// reload), mistakes shown next to their fields, and the page in other languages.
// Plain Node with the shared tests/browser/harness.mjs:
//
//   BASE_URL=http://127.0.0.1:8099 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/stock.test.mjs
//
// Prints `ok - name` / `not ok - name: reason` per test, then `N passed, N failed`;
// exits 1 if any test failed. Screenshots (one per language) land in
// tests/browser/screenshots/stock-*.png.

import { run, assert, signIn, switchTo, chooseBy, TIMEOUT } from './harness.mjs';

const USER = 'warehouse.hn01';
const WAREHOUSE = 'HN01-MAIN';
const SKU = 'DK-CMP-FTKB';

/// The on-hand count of the part's row (0 when the part has no row yet).
async function onHand(page, sku) {
  const cell = page.locator(`#stock-table tr[data-sku="${sku}"] td.on-hand`);
  if ((await cell.count()) === 0) return 0;
  return Number((await cell.innerText()).replace(/[^0-9]/g, ''));
}

/// Waits until the stock table shows rows (or says it is empty).
async function tableLoaded(page) {
  await page.locator('#stock-table tr[data-sku], #stock-empty').first().waitFor({ state: 'visible', timeout: TIMEOUT });
}

const tests = [
  {
    name: 'the warehouse keeper reaches /stock from the navigation and picks HN01-MAIN',
    async run(page, shot) {
      await signIn(page, USER);
      await page.locator('nav a[href="/stock"]').click();
      await page.waitForURL((url) => url.pathname === '/stock', { timeout: TIMEOUT });
      await page.locator('#stock-pick-hint').waitFor({ state: 'visible', timeout: TIMEOUT });
      await chooseBy(page, '#warehouse-select', 'data-code', WAREHOUSE);
      await tableLoaded(page);
      const headers = (await page.locator('#stock-table thead').innerText()).trim();
      for (const h of ['SKU', 'On hand', 'Reserved', 'Available', 'Value', 'Average cost']) {
        assert(headers.includes(h), `headers lack ${h}: ${JSON.stringify(headers)}`);
      }
      await page.locator('#receive-form').waitFor({ state: 'visible', timeout: TIMEOUT });
    },
  },
  {
    name: 'receiving 3 units raises on hand without a reload and lands in the ledger',
    async run(page, shot) {
      await page.evaluate(() => { window.__sameDocument = true; });
      const before = await onHand(page, SKU);
      const reason = `browser test ${Date.now()}`;
      await chooseBy(page, '#receive-part', 'data-sku', SKU);
      await page.locator('#receive-quantity').fill('3');
      await page.locator('#receive-cost').fill('1250000');
      await page.locator('#receive-reason').fill(reason);
      await page.locator('#receive-submit').click();
      const success = page.locator('#receive-success');
      await success.waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await success.innerText()).includes(SKU), `success reads ${JSON.stringify(await success.innerText())}`);
      await page.waitForFunction(
        ([sku, want]) => {
          const cell = document.querySelector(`#stock-table tr[data-sku="${sku}"] td.on-hand`);
          return cell && Number(cell.textContent.replace(/[^0-9]/g, '')) === want;
        },
        [SKU, before + 3],
        { timeout: TIMEOUT },
      );
      assert(await page.evaluate(() => window.__sameDocument === true), 'the page was reloaded');
      // The part's ledger opens with the receipt (oldest first: page on if needed).
      const ledger = page.locator(`#ledger[data-sku="${SKU}"]`);
      await ledger.waitFor({ state: 'visible', timeout: TIMEOUT });
      const row = ledger.locator('tr', { hasText: reason });
      for (let i = 0; i < 20; i += 1) {
        await ledger.locator('tbody tr').first().waitFor({ state: 'visible', timeout: TIMEOUT });
        await page.waitForFunction(() => !document.querySelector('#ledger')?.textContent.includes('Loading…'), null, { timeout: TIMEOUT });
        if ((await row.count()) > 0) break;
        const more = ledger.locator('button.more');
        if ((await more.count()) === 0) break;
        await more.first().click();
      }
      await row.waitFor({ state: 'visible', timeout: TIMEOUT });
      const text = (await row.innerText()).trim();
      assert(text.includes('Receipt') && text.includes('+3'), `ledger row reads ${JSON.stringify(text)}`);
      assert(text.includes(String(before + 3)), `ledger row lacks on hand after ${before + 3}: ${JSON.stringify(text)}`);
      await shot('en');
    },
  },
  {
    name: 'quantity 0 and an empty cost are shown next to their fields',
    async run(page, shot) {
      const before = await onHand(page, SKU);
      await chooseBy(page, '#receive-part', 'data-sku', SKU);
      await page.locator('#receive-quantity').fill('0');
      await page.locator('#receive-cost').fill('');
      await page.locator('#receive-submit').click();
      for (const [input, error] of [['#receive-quantity', '#receive-quantity-error'], ['#receive-cost', '#receive-cost-error']]) {
        await page.locator(error).waitFor({ state: 'visible', timeout: TIMEOUT });
        const beside = await page.evaluate(
          ([i, e]) => document.querySelector(i).closest('.field') === document.querySelector(e).closest('.field'),
          [input, error],
        );
        assert(beside, `${error} is not in the field of ${input}`);
        assert((await page.locator(input).getAttribute('aria-invalid')) === 'true', `${input} is not marked invalid`);
      }
      assert((await page.locator('#receive-part-error').count()) === 0, 'the part was flagged although chosen');
      assert((await onHand(page, SKU)) === before, 'stock changed after a refused receipt');
      await shot('en-errors');
    },
  },
  {
    name: 'Vietnamese: the stock page is translated',
    async run(page, shot) {
      await switchTo(page, 'vi');
      const expect = {
        '#stock-title': 'Tồn kho',
        '#stock-balances-title': 'Phụ tùng trong kho này',
        '#receive-title': 'Nhập kho',
        'label[for="receive-quantity"]': 'Số lượng',
      };
      for (const [selector, text] of Object.entries(expect)) {
        const got = (await page.locator(selector).innerText()).trim();
        assert(got === text, `${selector} reads ${JSON.stringify(got)}, not ${JSON.stringify(text)}`);
      }
      const headers = (await page.locator('#stock-table thead').innerText()).trim();
      assert(headers.includes('Tồn thực tế') && headers.includes('Giá vốn bình quân'), `headers read ${JSON.stringify(headers)}`);
      const kind = (await page.locator('#ledger tr[data-kind="receipt"] td.kind').first().innerText()).trim();
      assert(kind === 'Nhập kho', `the receipt kind reads ${JSON.stringify(kind)}`);
      // The field errors found in the browser follow the language without a new submit.
      const error = (await page.locator('#receive-quantity-error').innerText()).trim();
      assert(error.startsWith('Nhập số nguyên'), `quantity error reads ${JSON.stringify(error)}`);
      await shot('vi');
    },
  },
  {
    name: 'Persian: right to left, ledger dates in Jalali with Persian digits',
    async run(page, shot) {
      await switchTo(page, 'fa');
      const title = (await page.locator('#stock-title').innerText()).trim();
      assert(title === 'موجودی انبار', `title reads ${JSON.stringify(title)}`);
      const error = (await page.locator('#receive-quantity-error').innerText()).trim();
      assert(error.startsWith('عددی صحیح'), `quantity error reads ${JSON.stringify(error)}`);
      const when = (await page.locator('#ledger tbody tr time').first().innerText()).trim();
      assert(/[۰-۹]/.test(when) && !/[0-9]/.test(when), `ledger date reads ${JSON.stringify(when)}`);
      const year = await page.evaluate(() => {
        const at = new Date(document.querySelector('#ledger tbody tr time').getAttribute('datetime'));
        return new Intl.DateTimeFormat('fa-IR-u-ca-persian-nu-arabext', { year: 'numeric' }).format(at).replace(/[\u200e\u200f]/g, '');
      });
      assert(when.includes(year), `ledger date ${JSON.stringify(when)} is not in Jalali year ${year}`);
      await shot('fa');
    },
  },
  {
    name: 'Chinese at 360 px: translated, and only the tables scroll sideways',
    async run(page, shot) {
      await switchTo(page, 'zh');
      const title = (await page.locator('#receive-title').innerText()).trim();
      assert(title === '入库', `receive title reads ${JSON.stringify(title)}`);
      await page.setViewportSize({ width: 360, height: 740 });
      await page.waitForTimeout(200);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 1, `the page is ${overflow}px wider than the screen`);
      await shot('zh-360');
    },
  },
];

await run('stock', tests);
