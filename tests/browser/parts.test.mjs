// The parts catalogue and warehouses screens in headless Chromium: a warehouse keeper
// creates a part through the form, finds it by search (the URL keeps the search),
// edits its price and sees it formatted, without a page reload; a refused part shows
// its field errors and keeps what was typed; a manager creates a technician's van
// (only managers may list technicians) and closes it; the pages in vi, fa, zh and at
// 360 px. Plain Node with the shared tests/browser/harness.mjs:
//
//   BASE_URL=http://127.0.0.1:8099 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/parts.test.mjs
//
// Screenshots land in tests/browser/screenshots/parts-*.png.

import { run, assert, api, signIn, signOut, switchTo, chooseBy, textOf, overflow, persianDigits, tokenFor, BASE_URL, TIMEOUT } from './harness.mjs';

const KEEPER = 'warehouse.hn01';
const MANAGER = 'manager.hn';
const TECH = 'tech.hn01';
const STAMP = Date.now().toString(36).toUpperCase();
const SKU = `BT-${STAMP}`;
const VAN = `VAN-BT-${STAMP}`;
const NAME = `Browser test board ${STAMP}`;

const row = (sku) => `#parts-list tr[data-sku="${sku}"]`;

/// Whether a field's error stands in the same `.field` as its input, which is marked invalid.
async function besideItsField(page, input, error) {
  await page.locator(error).waitFor({ state: 'visible', timeout: TIMEOUT });
  const beside = await page.evaluate(
    ([i, e]) => document.querySelector(i).closest('.field') === document.querySelector(e).closest('.field'),
    [input, error],
  );
  assert(beside, `${error} is not in the field of ${input}`);
  assert((await page.locator(input).getAttribute('aria-invalid')) === 'true', `${input} is not marked invalid`);
}

async function fillPart(page, { sku, name, cost, price }) {
  await page.locator('#part-sku').fill(sku);
  await page.locator('#part-name').fill(name);
  await page.locator('#part-component').fill('pcb');
  await page.locator('#part-unit').fill('pcs');
  await page.locator('#part-currency').fill('VND');
  await page.locator('#part-cost').fill(cost);
  await page.locator('#part-price').fill(price);
  await page.locator('#part-reorder').fill('2');
}

const tests = [
  {
    name: 'the warehouse keeper creates a part through the form; the list follows without a reload',
    async run(page, shot) {
      await signIn(page, KEEPER);
      await page.locator('nav a[href="/parts"]').click();
      await page.waitForURL((url) => url.pathname === '/parts', { timeout: TIMEOUT });
      await page.locator('#parts-list tbody tr').first().waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.evaluate(() => { window.__sameDocument = true; });
      await page.locator('#part-new').click();
      await page.locator('#part-brand option').first().waitFor({ state: 'attached', timeout: TIMEOUT });
      await fillPart(page, { sku: SKU.toLowerCase(), name: NAME, cost: '1000000', price: '1500000' });
      await page.locator('#part-serialised').check();
      await page.locator('#part-submit').click();
      const saved = await textOf(page, '#part-saved');
      assert(saved.includes(SKU), `the notice reads ${JSON.stringify(saved)} (the SKU is stored upper-case)`);
      assert((await page.locator('#part-form').count()) === 0, 'the form stayed open');
      assert(await page.evaluate(() => window.__sameDocument === true), 'the page was reloaded');
    },
  },
  {
    name: 'searching finds the part, the URL keeps the search, and a reload shows the same list',
    async run(page, shot) {
      await page.locator('#part-q').fill(SKU);
      await page.locator('#part-search').click();
      await page.waitForURL((url) => url.searchParams.get('q') === SKU, { timeout: TIMEOUT });
      await page.locator(row(SKU)).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await page.locator('#parts-list tr[data-sku]').count()) === 1, 'the search shows other parts');
      // A second filter joins the first in the URL.
      await page.locator('#part-component-filter').fill('compressor');
      await page.locator('#part-search').click();
      await page.waitForURL((url) => url.searchParams.get('component_code') === 'compressor' && url.searchParams.get('q') === SKU, { timeout: TIMEOUT });
      await page.locator('#parts-list td.muted', { hasText: 'Nothing here yet.' }).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await page.locator(row(SKU)).count()) === 0, 'a pcb part is listed under compressor');
      await page.locator('#part-component-filter').fill('pcb');
      await page.locator('#part-search').click();
      await page.waitForURL((url) => url.searchParams.get('component_code') === 'pcb', { timeout: TIMEOUT });
      await page.reload();
      await page.locator(row(SKU)).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await page.locator('#part-q').inputValue()) === SKU, 'the search box lost the search after a reload');
      const price = (await page.locator(`${row(SKU)} td.price`).innerText()).trim();
      assert(price.includes('1,500,000') && price.includes('₫'), `the price reads ${JSON.stringify(price)}`);
    },
  },
  {
    name: 'editing the price shows the new price formatted, without a reload',
    async run(page, shot) {
      await page.evaluate(() => { window.__sameDocument = true; });
      await page.locator(`${row(SKU)} .part-edit`).click();
      assert((await page.locator('#part-sku').inputValue()) === SKU, 'the form does not show the part');
      assert(await page.locator('#part-serialised').isChecked(), 'the form lost "serialised"');
      await page.locator('#part-price').fill('1750000.00');
      await page.locator('#part-submit').click();
      await page.locator('#part-saved').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.waitForFunction(
        (sel) => document.querySelector(sel)?.textContent.includes('1,750,000'),
        `${row(SKU)} td.price`,
        { timeout: TIMEOUT },
      );
      const price = (await page.locator(`${row(SKU)} td.price`).innerText()).trim();
      assert(price.includes('1,750,000') && price.includes('₫'), `the new price reads ${JSON.stringify(price)}`);
      assert(await page.evaluate(() => window.__sameDocument === true), 'the page was reloaded');
      const stock = page.locator(`${row(SKU)} a.stock-link`);
      assert((await stock.getAttribute('href')) === '/stock', 'the part has no link to its stock');
      await shot('en');
    },
  },
  {
    name: 'a negative price and a taken SKU are refused next to their fields; nothing typed is lost',
    async run(page, shot) {
      await page.locator('#part-new').click();
      const other = `${SKU}-2`;
      await fillPart(page, { sku: other, name: `${NAME} 2`, cost: '1000', price: '-5' });
      await page.locator('#part-submit').click();
      await besideItsField(page, '#part-price', '#part-price-error');
      assert((await page.locator('#part-name').inputValue()) === `${NAME} 2`, 'the name was lost');
      assert((await page.locator('#part-price').inputValue()) === '-5', 'the price was lost');
      await shot('en-errors');
      // Fixed price, but a SKU the brand already has.
      await page.locator('#part-price').fill('2000');
      await page.locator('#part-sku').fill(SKU);
      await page.locator('#part-submit').click();
      await besideItsField(page, '#part-sku', '#part-sku-error');
      const error = (await page.locator('#part-sku-error').innerText()).trim();
      assert(error.includes('already has a part with this SKU'), `the SKU error reads ${JSON.stringify(error)}`);
      assert((await page.locator('#part-price-error').count()) === 0, 'the old price error stayed');
      assert((await page.locator('#part-name').inputValue()) === `${NAME} 2`, 'the name was lost');
      await page.locator('#part-cancel').click();
    },
  },
  {
    name: 'the keeper sees the warehouses of the branch',
    async run(page, shot) {
      await page.locator('nav a[href="/warehouses"]').click();
      await page.locator('#warehouse-table tr[data-code="HN01-MAIN"]').waitFor({ state: 'visible', timeout: TIMEOUT });
      const kind = (await page.locator('#warehouse-table tr[data-code="HN01-MAIN"] td.kind').innerText()).trim();
      assert(kind.length > 0 && kind !== 'warehouses.kind.outlet', `the kind reads ${JSON.stringify(kind)}`);
    },
  },
  {
    name: 'a manager creates a van for tech.hn01, then closes it, without a reload',
    async run(page, shot) {
      const token = await tokenFor(MANAGER);
      const tech = (await api('GET', `/users?q=${TECH}`, token)).items.find((u) => u.username === TECH);
      assert(tech, 'tech.hn01 is not in the demo data');
      await signOut(page);
      await signIn(page, MANAGER);
      await page.locator('nav a[href="/warehouses"]').click();
      await page.locator('#warehouse-table tr[data-code]').first().waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.evaluate(() => { window.__sameDocument = true; });
      await page.locator('#warehouse-new').click();
      await page.locator(`#warehouse-branch option[value="${tech.branch_id}"]`).waitFor({ state: 'attached', timeout: TIMEOUT });
      await page.locator('#warehouse-branch').selectOption(tech.branch_id);
      await page.locator('#warehouse-code').fill(VAN.toLowerCase());
      await page.locator('#warehouse-name').fill(`Van of ${tech.display_name} ${STAMP}`);
      await page.locator('#warehouse-kind').selectOption('van');
      await chooseBy(page, '#warehouse-technician', 'data-username', TECH);
      await page.locator('#warehouse-submit').click();
      const saved = await textOf(page, '#warehouse-saved');
      assert(saved.includes(VAN), `the notice reads ${JSON.stringify(saved)}`);
      const van = `#warehouse-table tr[data-code="${VAN}"]`;
      await page.locator(van).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await page.locator(`${van} td.kind`).innerText()).trim() === 'Technician van', 'the kind is not "Technician van"');
      assert((await page.locator(`${van} td.technician`).innerText()).trim() === tech.display_name, 'the van names another technician');
      await page.locator(`${van} .warehouse-edit`).click();
      assert((await page.locator('#warehouse-technician').inputValue()) === tech.id, 'the form lost the technician');
      await page.locator('#warehouse-closed').check();
      await page.locator('#warehouse-submit').click();
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.trim() === 'Closed', `${van} td.status`, { timeout: TIMEOUT });
      assert(await page.evaluate(() => window.__sameDocument === true), 'the page was reloaded');
      await shot('warehouses-en');
    },
  },
  {
    name: 'Vietnamese: the parts page is translated and prices use Vietnamese grouping',
    async run(page, shot) {
      await page.goto(`${BASE_URL}/parts?q=${SKU}`);
      await page.locator(row(SKU)).waitFor({ state: 'visible', timeout: TIMEOUT });
      await switchTo(page, 'vi');
      assert((await textOf(page, '#parts-title')) === 'Danh mục phụ tùng', 'the title is not Vietnamese');
      const headers = (await page.locator('#parts-list thead').innerText()).trim();
      assert(headers.includes('Giá bán') && headers.includes('Mức đặt hàng lại'), `headers read ${JSON.stringify(headers)}`);
      const price = (await page.locator(`${row(SKU)} td.price`).innerText()).trim();
      assert(price.includes('1.750.000') && price.includes('₫'), `the price reads ${JSON.stringify(price)}`);
      await shot('vi');
    },
  },
  {
    name: 'Persian: right to left, the price in Persian digits',
    async run(page, shot) {
      await switchTo(page, 'fa');
      assert((await textOf(page, '#parts-title')) === 'فهرست قطعات', 'the title is not Persian');
      const price = (await page.locator(`${row(SKU)} td.price`).innerText()).trim();
      assert(persianDigits(price) && price.includes('۱٬۷۵۰٬۰۰۰'), `the price reads ${JSON.stringify(price)}`);
      const sku = (await page.locator(`${row(SKU)} td.code bdi`).first().innerText()).trim();
      assert(sku === SKU, `the SKU reads ${JSON.stringify(sku)}`);
      await shot('fa');
      await page.locator('nav a[href="/warehouses"]').click();
      await page.locator('#warehouse-table tr[data-code]').first().waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await textOf(page, '#warehouses-title')) === 'فهرست انبارها', 'the warehouses title is not Persian');
      await shot('warehouses-fa');
    },
  },
  {
    name: 'Chinese at 360 px: translated, and only the tables scroll sideways',
    async run(page, shot) {
      await switchTo(page, 'zh');
      assert((await textOf(page, '#warehouses-title')) === '仓库列表', 'the warehouses title is not Chinese');
      await page.setViewportSize({ width: 360, height: 740 });
      await page.locator('#warehouse-new').click();
      await page.waitForTimeout(200);
      let wide = await overflow(page);
      assert(wide <= 1, `/warehouses with its form is ${wide}px wider than the screen`);
      await shot('warehouses-zh-360');
      await page.locator('nav a[href="/parts"]').click();
      await page.locator('#parts-list tbody tr').first().waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await textOf(page, '#parts-title')) === '配件目录', 'the title is not Chinese');
      await page.locator('#part-new').click();
      await page.waitForTimeout(200);
      wide = await overflow(page);
      assert(wide <= 1, `/parts with its form is ${wide}px wider than the screen`);
      await shot('zh-360');
    },
  },
];

await run('parts', tests);
