// Bulk imports and exports on /imports, in headless Chromium. An admin checks a
// file of sold units with one bad row: the check names that row and its column in
// words and stores nothing. A good file of new serials is checked, then imported,
// the progress bar following the job to the end; the serials are then registered
// (read back through the API) and the import is listed. The serials export
// downloads a real workbook. Then the screen in Persian and Chinese at 360 px.
//
//   BASE_URL=http://127.0.0.1:8103 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/imports.test.mjs

import { readFileSync, statSync } from 'node:fs';

import { BASE_URL, TIMEOUT, api, assert, overflow, run, signIn, switchTo, textOf, tokenFor } from './harness.mjs';

const HEADER = 'brand_code,sku,serial,lot,manufacture_date,sale_date,sale_document,seller,delivery_date,installation_date,warranty_card_number\n';
const stamp = Date.now();
const serials = [`BT-${stamp}-1`, `BT-${stamp}-2`, `BT-${stamp}-3`];
const csv = (rows) => Buffer.from(HEADER + rows.join('\n') + '\n');
const row = (serial, sale = '2026-02-01') => `DAIKIN,FTKB25WVMV,${serial},L1,2026-01-05,${sale},INV-${stamp},Shop,,,`;
const badFile = csv([row(serials[0]), row(serials[1], '2026-02-30'), row(serials[2])]);
const goodFile = csv(serials.map((s) => row(s)));

async function pick(page, name, buffer) {
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'text/csv', buffer });
}

await run('imports', [
  {
    name: 'a file with a bad row is checked: the row and its column are named in words, nothing is stored',
    async run(page, shot) {
      await signIn(page, 'admin');
      await page.goto(`${BASE_URL}/imports`);
      await page.locator('#import-kind').selectOption('serials');
      await pick(page, `units-bad-${stamp}.csv`, badFile);
      await page.locator('#import-check').click();
      const bad = page.locator('#import-errors tr[data-row="3"][data-column="sale_date"]');
      await bad.waitFor({ timeout: TIMEOUT });
      assert((await bad.locator('td').nth(0).innerText()).trim() === 'Row 3', 'the row is not named "Row 3"');
      const column = (await bad.locator('td.column').innerText()).trim();
      assert(column === 'Sale date', `the column reads ${JSON.stringify(column)}`);
      assert((await page.locator('#import-errors tbody tr').count()) === 1, 'more than the one bad row is listed');
      await page.locator('#import-outcome[data-status="failed"]').waitFor({ timeout: TIMEOUT });
      assert(await page.locator('#import-run').isDisabled(), 'a file that failed its check may be imported');
      const token = await tokenFor('admin');
      const found = await api('GET', `/serials?serial=${encodeURIComponent(serials[0])}`, token);
      assert(found.items.length === 0, 'a check stored a serial');
      await shot('bad-row');
    },
  },
  {
    name: 'a good file is checked, then imported: the progress bar reaches the end and the serials exist',
    async run(page, shot) {
      await pick(page, `units-${stamp}.csv`, goodFile);
      assert(await page.locator('#import-run').isDisabled(), 'a new file may be imported before its check');
      await page.locator('#import-check').click();
      await page.locator('#import-outcome[data-status="succeeded"]').waitFor({ timeout: TIMEOUT });
      const checked = await textOf(page, '#import-outcome');
      assert(checked.includes('3 rows are ready'), `the check says ${JSON.stringify(checked)}`);
      assert((await page.locator('#import-errors').count()) === 0, 'a clean file lists problems');
      await page.waitForFunction(() => !document.querySelector('#import-run').disabled, null, { timeout: TIMEOUT });
      await page.locator('#import-run').click();
      await page.waitForFunction(
        () => (document.querySelector('#import-job-title')?.innerText || '').startsWith('Import of'),
        null,
        { timeout: TIMEOUT },
      );
      await page.locator('#import-outcome[data-status="succeeded"]').waitFor({ timeout: TIMEOUT });
      const bar = await page.locator('#import-progress').evaluate((p) => [p.value, p.max]);
      assert(bar[0] === 3 && bar[1] === 3, `the bar stands at ${bar[0]} of ${bar[1]}`);
      const counts = await textOf(page, '#import-counts');
      assert(counts === '3 of 3 rows read', `the counts read ${JSON.stringify(counts)}`);
      assert((await textOf(page, '#import-outcome')).includes('3 rows imported'), 'the outcome does not say the rows were imported');
      const token = await tokenFor('admin');
      for (const serial of serials) {
        const found = await api('GET', `/serials?serial=${encodeURIComponent(serial)}`, token);
        assert(found.items.length === 1, `${serial} is not registered`);
      }
      // The past imports list the file's check and import, newest first.
      const listed = page.locator('#imports-history tbody tr', { hasText: `units-${stamp}.csv` });
      await page.waitForFunction(
        (name) => [...document.querySelectorAll('#imports-history tbody tr')].filter((tr) => tr.innerText.includes(name)).length === 2,
        `units-${stamp}.csv`,
        { timeout: TIMEOUT },
      );
      assert((await listed.first().getAttribute('data-dry-run')) === 'false', 'the newest row is not the import');
      await shot('en');
    },
  },
  {
    name: 'the serials export downloads a real workbook',
    async run(page) {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: TIMEOUT }),
        page.locator('#export-serials').click(),
      ]);
      assert(download.suggestedFilename() === 'serials.xlsx', `saved as ${download.suggestedFilename()}`);
      const path = await download.path();
      assert(statSync(path).size > 1000, 'the workbook is empty');
      assert(readFileSync(path).subarray(0, 2).toString() === 'PK', 'not an XLSX (zip) file');
    },
  },
  {
    name: 'in Persian and Chinese the screen reads in the language and nothing spills at 360 px',
    async run(page, shot) {
      await page.setViewportSize({ width: 360, height: 740 });
      await pick(page, `units-bad-${stamp}.csv`, badFile);
      await page.locator('#import-check').click();
      await page.locator('#import-errors tr[data-row="3"]').waitFor({ timeout: TIMEOUT });
      await switchTo(page, 'fa');
      const column = await textOf(page, '#import-errors tr[data-row="3"][data-column="sale_date"] td.column');
      assert(column === 'تاریخ فروش', `the column reads ${JSON.stringify(column)} in Persian`);
      assert((await overflow(page)) <= 0, 'the page scrolls sideways at 360 px in Persian');
      await shot('fa');
      await switchTo(page, 'zh');
      assert((await textOf(page, '#import-errors tr[data-row="3"][data-column="sale_date"] td.column')) === '销售日期', 'the column is not in Chinese');
      assert((await overflow(page)) <= 0, 'the page scrolls sideways at 360 px in Chinese');
      await shot('zh');
      await switchTo(page, 'en');
    },
  },
]);
