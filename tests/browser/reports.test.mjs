// The reports screen in headless Chromium: tickets per branch and month follow
// what is taken in, narrow to one branch, download as XLSX, and in Persian count
// Jalali months in Persian digits, right to left, without spilling at 360 px.
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

const month = new Date().toISOString().slice(0, 7);
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

await run('reports', tests);
