// The audit log on /audit, in headless Chromium. The warehouse keeper of HN01
// hands in an old part a technician owed (through the API); the admin finds that
// change in the log by who, what, which record and today's date, and opens it: the
// status field is marked changed, "owed" before and "received" after, side by side,
// and the keeper is named, not numbered. A period that ends before today finds
// nothing. Then the screen in Persian and Chinese at 360 px.
//
//   BASE_URL=http://127.0.0.1:8103 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/audit.test.mjs

import { BASE_URL, TIMEOUT, api, assert, chooseBy, overflow, run, signIn, switchTo, textOf, tokenFor } from './harness.mjs';

const state = {};
const localDay = (offset = 0) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const entry = () => `.audit-entry[data-entity-id="${state.part.id}"][data-action="defective_part.receive"]`;

await run('audit', [
  {
    name: 'the warehouse keeper hands in an old part a technician owed (through the API)',
    async run() {
      const keeper = await tokenFor('warehouse.hn01');
      const warehouses = await api('GET', '/warehouses?limit=200', keeper);
      const shelf = warehouses.items.find((w) => w.code === 'HN01-DEF');
      assert(shelf, 'HN01 has no defective-parts warehouse');
      const owed = (await api('GET', '/defective-parts?status=owed&limit=200', keeper)).items;
      assert(owed.length > 0, 'no old part is owed at HN01');
      // Another test file may hand in a part too: start at a different one each run
      // and take the first still owed.
      const start = Date.now() % owed.length;
      for (const part of [...owed.slice(start), ...owed.slice(0, start)]) {
        try {
          await api('POST', `/defective-parts/${part.id}/receive`, keeper, { warehouse_id: shelf.id });
          state.part = part;
          break;
        } catch (err) {
          if (!String(err.message).includes(': 409')) throw err;
        }
      }
      assert(state.part, 'every owed old part was handed in meanwhile');
      state.keeper = await api('GET', '/auth/me', keeper);
    },
  },
  {
    name: 'the change is found by who, what, record and today, with its before and after side by side',
    async run(page, shot) {
      await signIn(page, 'admin');
      await page.goto(`${BASE_URL}/audit`);
      await page.locator('.audit-entry').first().waitFor({ timeout: TIMEOUT });
      await chooseBy(page, '#audit-actor', 'data-username', 'warehouse.hn01');
      await page.locator('#audit-action').selectOption('defective_part.receive');
      await page.locator('#audit-entity').selectOption('defective_part');
      await page.locator('#audit-entity-id').fill(state.part.id);
      await page.locator('#audit-from').fill(localDay(0));
      await page.locator('#audit-to').fill(localDay(0));
      await page.locator('#audit-show').click();
      await page.waitForURL((url) => url.searchParams.get('action') === 'defective_part.receive', { timeout: TIMEOUT });
      await page.locator(entry()).waitFor({ timeout: TIMEOUT });
      assert((await page.locator('.audit-entry').count()) === 1, 'more than the one change is listed');
      const who = await textOf(page, `${entry()} .audit-actor`);
      assert(who.includes(state.keeper.display_name), `the change is by ${JSON.stringify(who)}`);
      const what = await textOf(page, `${entry()} .audit-what`);
      assert(what.startsWith('Old part: received'), `the change reads ${JSON.stringify(what)}`);
      assert(what.includes(state.part.part_name), `the old part is not named: ${what}`);
      await page.locator(`${entry()} summary`).click();
      const status = page.locator(`${entry()} .audit-diff tr[data-field="status"]`);
      await status.waitFor({ timeout: TIMEOUT });
      assert((await status.getAttribute('data-changed')) === 'true', 'the status is not marked changed');
      assert((await status.locator('td.before').innerText()).trim() === 'owed', 'the status was not "owed" before');
      assert((await status.locator('td.after').innerText()).trim() === 'received', 'the status is not "received" after');
      const same = page.locator(`${entry()} .audit-diff tr[data-field="part_id"]`);
      assert((await same.getAttribute('data-changed')) === 'false', 'an unchanged field is marked changed');
      const summary = await textOf(page, `${entry()} summary`);
      assert(summary.includes('status'), `the summary names ${JSON.stringify(summary)}`);
      await shot('en');
    },
  },
  {
    name: 'a period that ends yesterday finds nothing; clearing the filters lists the log again',
    async run(page) {
      await page.locator('#audit-from').fill(localDay(-7));
      await page.locator('#audit-to').fill(localDay(-1));
      await page.locator('#audit-show').click();
      await page.locator('#audit-empty').waitFor({ timeout: TIMEOUT });
      await page.locator('#audit-to').fill('2026-02-30');
      await page.locator('#audit-show').click();
      await page.locator('#audit-to-error').waitFor({ timeout: TIMEOUT });
      await page.locator('#audit-clear').click();
      await page.waitForURL((url) => url.search === '', { timeout: TIMEOUT });
      await page.locator('.audit-entry').first().waitFor({ timeout: TIMEOUT });
      assert((await page.locator('#audit-more').count()) === 1, 'the whole log fits one page: no "More"');
      const before = await page.locator('.audit-entry').count();
      await page.locator('#audit-more').click();
      await page.waitForFunction((n) => document.querySelectorAll('.audit-entry').length > n, before, { timeout: TIMEOUT });
    },
  },
  {
    name: 'in Persian and Chinese the change reads in the language and nothing spills at 360 px',
    async run(page, shot) {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(`${BASE_URL}/audit?entity=defective_part&entity_id=${state.part.id}`);
      await page.locator(entry()).waitFor({ timeout: TIMEOUT });
      await page.locator(`${entry()} summary`).click();
      await switchTo(page, 'fa');
      const what = await textOf(page, `${entry()} .audit-action`);
      assert(what.includes('قطعه معیوب'), `the action reads ${JSON.stringify(what)} in Persian`);
      assert((await overflow(page)) <= 0, 'the page scrolls sideways at 360 px in Persian');
      await shot('fa');
      await switchTo(page, 'zh');
      assert((await textOf(page, `${entry()} .audit-action`)).includes('旧件'), 'the action is not in Chinese');
      assert((await overflow(page)) <= 0, 'the page scrolls sideways at 360 px in Chinese');
      await shot('zh');
      await switchTo(page, 'en');
    },
  },
]);
