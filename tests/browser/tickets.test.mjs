// The ticket list /tickets in headless Chromium: two repair tickets made through the
// API as clerk.hn01, then the list found from the navigation, a text search that
// keeps only one of them, the filter kept in the URL across a reload, clearing it,
// a filter by kind, Persian (right to left, Jalali dates) and a 360 px screen.
//
//   BASE_URL=http://127.0.0.1:8099 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/tickets.test.mjs

import {
  TIMEOUT, api, assert, jalaliYear, overflow, persianDigits, run, signIn, switchTo, tokenFor,
} from './harness.mjs';

const USER = 'clerk.hn01';

// Letters only, so the names are unique per run and searched as names, not phones.
const stamp = Date.now().toString(26).replace(/[0-9]/g, (d) => 'klmnopqrst'[Number(d)]);
const NAMES = [`Listalpha ${stamp}`, `Listbeta ${stamp}`];
const numbers = [];

/// Two repair tickets for two new customers, each with an unregistered unit.
async function createTickets() {
  const token = await tokenFor(USER);
  const me = await api('GET', '/auth/me', token);
  const models = await api('GET', '/product-models?limit=1', token);
  assert(models.items.length > 0, 'no product model in the demo data');
  for (const [i, name] of NAMES.entries()) {
    const phone = `+84 9${String(Date.now() + i).slice(-8)}`;
    const ticket = await api('POST', '/tickets', token, {
      branch_id: me.branch_id,
      kind: 'repair',
      channel: 'counter',
      new_customer: { kind: 'individual', name, phones: [{ number: phone }], allow_duplicate: true },
      model_id: models.items[0].id,
      fault_description: 'browser test of the ticket list',
    });
    numbers.push(ticket.number);
  }
}

/// The ticket numbers the list shows.
async function shown(page) {
  return page.locator('#ticket-list tr[data-number]').evaluateAll((rows) => rows.map((r) => r.dataset.number));
}

/// Waits until the list shows exactly `want` among `numbers` (and, if `only`, nothing else).
async function waitForList(page, want, only) {
  await page.waitForFunction(
    ([want, all, only]) => {
      const rows = [...document.querySelectorAll('#ticket-list tr[data-number]')].map((r) => r.dataset.number);
      const ours = rows.filter((n) => all.includes(n));
      return want.every((n) => ours.includes(n)) && ours.length === want.length && (!only || rows.length === want.length);
    },
    [want, numbers, only],
    { timeout: TIMEOUT },
  );
}

const tests = [
  {
    name: 'two repair tickets are made through the API as clerk.hn01',
    async run() {
      await createTickets();
      assert(numbers.length === 2 && numbers[0] !== numbers[1], `numbers ${JSON.stringify(numbers)}`);
    },
  },
  {
    name: 'the clerk reaches /tickets from the navigation and sees both, with names and labels',
    async run(page, shot) {
      await signIn(page, USER);
      await page.locator('nav a[href="/tickets"]').click();
      await page.waitForURL(/\/tickets$/, { timeout: TIMEOUT });
      await waitForList(page, numbers, false);
      const headers = (await page.locator('#ticket-list thead').innerText()).trim();
      for (const h of ['Number', 'Kind', 'Stage', 'Customer', 'Warranty', 'Technician', 'Created']) {
        assert(headers.includes(h), `headers lack ${h}: ${JSON.stringify(headers)}`);
      }
      const row = page.locator(`#ticket-list tr[data-number="${numbers[1]}"]`);
      await row.locator('td.customer', { hasText: NAMES[1] }).waitFor({ timeout: TIMEOUT });
      const text = await row.innerText();
      assert(text.includes('Repair'), `row reads ${JSON.stringify(text)}`);
      await shot('en');
    },
  },
  {
    name: 'searching the second customer\'s name keeps only that ticket, in the URL',
    async run(page, shot) {
      await page.locator('#ticket-q').fill(NAMES[1]);
      await page.locator('#ticket-q').press('Enter');
      await page.waitForURL(/[?&]q=/, { timeout: TIMEOUT });
      await waitForList(page, [numbers[1]], true);
      await shot('en-search');
    },
  },
  {
    name: 'a reload shows the same filtered list',
    async run(page) {
      const before = page.url();
      await page.reload();
      await waitForList(page, [numbers[1]], true);
      assert(page.url() === before, `the URL changed to ${page.url()}`);
      const value = await page.locator('#ticket-q').inputValue();
      assert(value === NAMES[1], `the search field reads ${JSON.stringify(value)}`);
    },
  },
  {
    name: 'clearing the filters shows both tickets again without a reload',
    async run(page) {
      await page.evaluate(() => { window.__noReload = true; });
      await page.locator('#ticket-clear').click();
      await page.waitForURL(/\/tickets$/, { timeout: TIMEOUT });
      await waitForList(page, numbers, false);
      assert(await page.evaluate(() => window.__noReload === true), 'the page was reloaded');
      assert((await page.locator('#ticket-q').inputValue()) === '', 'the search field was not emptied');
    },
  },
  {
    name: 'a kind filter goes into the URL and filters the list',
    async run(page) {
      await page.locator('#ticket-kind').selectOption('installation');
      await page.waitForURL(/kind=installation/, { timeout: TIMEOUT });
      await waitForList(page, [], false);
      await page.locator('#ticket-kind').selectOption('repair');
      await page.waitForURL(/kind=repair/, { timeout: TIMEOUT });
      await waitForList(page, numbers, false);
    },
  },
  {
    name: 'Persian: right to left, labels translated, created dates in Jalali with Persian digits',
    async run(page, shot) {
      await switchTo(page, 'fa');
      const row = page.locator(`#ticket-list tr[data-number="${numbers[1]}"]`);
      const kind = (await row.locator('td').nth(1).innerText()).trim();
      assert(kind === 'تعمیر', `kind reads ${JSON.stringify(kind)}`);
      const when = (await row.locator('td.created time').innerText()).trim();
      assert(persianDigits(when), `created date reads ${JSON.stringify(when)}`);
      const year = await jalaliYear(page, await row.locator('td.created time').getAttribute('datetime'));
      assert(when.includes(year), `created date ${JSON.stringify(when)} is not in Jalali year ${year}`);
      await shot('fa');
    },
  },
  {
    name: 'Persian: created-from dates are typed in Jalali, kept in the URL as ISO days',
    async run(page) {
      // Today and tomorrow in the Jalali calendar, as the field's hint asks (yyyy/mm/dd).
      const [today, tomorrow] = await page.evaluate(() => {
        const jalali = (d) => {
          const parts = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', { year: 'numeric', month: '2-digit', day: '2-digit' })
            .formatToParts(d);
          const get = (t) => parts.find((p) => p.type === t).value;
          return `${get('year').replace(/\D/g, '')}/${get('month')}/${get('day')}`;
        };
        const now = new Date();
        return [jalali(now), jalali(new Date(now.getTime() + 86_400_000))];
      });
      const iso = await page.evaluate(() => {
        const d = new Date();
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      });
      await page.locator('#ticket-from').fill(today);
      await page.locator('#ticket-from').press('Enter');
      await page.waitForURL(new RegExp(`from=${iso}`), { timeout: TIMEOUT });
      await waitForList(page, numbers, false);
      await page.locator('#ticket-from').fill(tomorrow);
      await page.locator('#ticket-from').press('Enter');
      await page.waitForURL((url) => !url.toString().includes(`from=${iso}`), { timeout: TIMEOUT });
      await page.locator('#ticket-list td.muted').first().waitFor({ timeout: TIMEOUT });
      await waitForList(page, [], false);
      await page.locator('#ticket-from').fill('not a date');
      await page.locator('#ticket-from').press('Enter');
      await page.locator('#ticket-filters .field-error').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.locator('#ticket-clear').click();
      await page.waitForURL(/\/tickets$/, { timeout: TIMEOUT });
      await waitForList(page, numbers, false);
    },
  },
  {
    name: 'at 360 px only the table scrolls sideways',
    async run(page, shot) {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.waitForTimeout(200);
      const extra = await overflow(page);
      assert(extra <= 1, `the page is ${extra}px wider than the screen`);
      await shot('fa-360');
      await switchTo(page, 'en');
    },
  },
];

await run('tickets', tests);
