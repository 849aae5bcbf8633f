// The customer screens in headless Chromium, as clerk.hn01: register a customer
// through the form, find them with the search (the filter stays in the URL and
// survives a reload), change a phone (shown without a reload), see a ticket made for
// them through the API on their page, refused input shown next to its field, and the
// screens in Vietnamese, Persian (right to left, Jalali dates, Persian digits) and
// Chinese, at 360 px with only tables scrolling sideways.
//
//   BASE_URL=http://127.0.0.1:8099 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/customers.test.mjs

import { BASE_URL, run, assert, signIn, switchTo, api, tokenFor, textOf, overflow, persianDigits, jalaliYear, TIMEOUT } from './harness.mjs';

const USER = 'clerk.hn01';
// Letters only, so the name is unique per run and searched as a name, not a phone.
const stamp = Date.now().toString(26).replace(/[0-9]/g, (d) => 'klmnopqrst'[Number(d)]);
const NAME = `Custalpha ${stamp}`;
const digits = String(Date.now()).slice(-8);
const PHONE = `+84 91${digits}`;
const NEW_PHONE = `+84 98${digits}`;
let customerId = null;
let ticketNumber = null;

const tests = [
  {
    name: 'a clerk registers a customer through the form and lands on their page',
    async run(page, shot) {
      await signIn(page, USER);
      await page.locator('nav a[href="/customers"]').click();
      await page.waitForURL((url) => url.pathname === '/customers', { timeout: TIMEOUT });
      await page.locator('#customer-new').click();
      await page.locator('#customer-name').fill(NAME);
      await page.locator('#customer-kind').selectOption('individual');
      await page.locator('#customer-source').selectOption('phone');
      await page.locator('#customer-tax-id').fill('0101234567');
      await page.locator('#customer-phones-0-number').fill(PHONE);
      await page.locator('#customer-phones-0-label').fill('mobile');
      await page.locator('#customer-add-emails').click();
      await page.locator('#customer-emails-0-address').fill(`${stamp}@example.vn`);
      await page.locator('#customer-add-addresses').click();
      await page.locator('#customer-addresses-0-line1').fill('12 Trần Duy Hưng');
      await page.locator('#customer-addresses-0-city').fill('Hà Nội');
      await page.locator('#customer-addresses-0-country').fill('VN');
      await page.locator('#customer-notes').fill('Prefers calls after 17:00');
      await page.locator('#customer-submit').click();
      await page.waitForURL((url) => /^\/customers\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: TIMEOUT });
      customerId = new URL(page.url()).pathname.split('/').pop();
      assert((await textOf(page, '#customer-title')) === NAME, 'the page is not the new customer');
      const facts = await textOf(page, '#customer-facts');
      for (const want of [PHONE, '0101234567', 'Phone call', `${stamp}@example.vn`, 'Trần Duy Hưng', 'Prefers calls']) {
        assert(facts.includes(want), `facts lack ${want}: ${JSON.stringify(facts)}`);
      }
      await page.locator('#customer-units-empty').waitFor({ state: 'visible', timeout: TIMEOUT });
    },
  },
  {
    name: 'the search finds them, keeps the filter in the URL, and a reload keeps it',
    async run(page, shot) {
      await page.locator('#customer-back').click();
      await page.waitForURL((url) => url.pathname === '/customers', { timeout: TIMEOUT });
      await page.locator('#customer-q').fill(`custalpha ${stamp}`);
      await page.locator('#customer-search').click();
      await page.waitForURL((url) => url.searchParams.get('q') === `custalpha ${stamp}`, { timeout: TIMEOUT });
      const row = page.locator(`#customer-list tr[data-id="${customerId}"]`);
      await row.waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await page.locator('#customer-list tr[data-id]').count()) === 1, 'the search shows other customers');
      await page.locator('#customer-filter-kind').selectOption('individual');
      await page.waitForURL((url) => url.searchParams.get('kind') === 'individual' && url.searchParams.get('q') !== null, { timeout: TIMEOUT });
      await page.reload();
      await row.waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await page.locator('#customer-q').inputValue()) === `custalpha ${stamp}`, 'the search box lost the filter');
      assert((await page.locator('#customer-filter-kind').inputValue()) === 'individual', 'the kind filter was lost');
      await page.locator('#customer-filter-kind').selectOption('company');
      await page.waitForURL((url) => url.searchParams.get('kind') === 'company', { timeout: TIMEOUT });
      await page.waitForFunction(
        (id) => !document.querySelector(`#customer-list tr[data-id="${id}"]`)
          && !document.querySelector('#customer-list').textContent.includes('Loading'),
        customerId,
        { timeout: TIMEOUT },
      );
      await page.locator('#customer-filter-kind').selectOption('individual');
      await row.waitFor({ state: 'visible', timeout: TIMEOUT });
      await shot('en-list');
    },
  },
  {
    name: 'possible duplicates: their phone finds them',
    async run(page, shot) {
      await page.locator('#duplicate-phone').fill(PHONE.replace(/ /g, ''));
      await page.locator('#duplicate-submit').click();
      await page.locator(`#duplicate-list li[data-id="${customerId}"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
    },
  },
  {
    name: 'changing a phone shows on their page without a reload',
    async run(page, shot) {
      await page.locator(`#customer-list tr[data-id="${customerId}"] a`).click();
      await page.waitForURL((url) => url.pathname === `/customers/${customerId}`, { timeout: TIMEOUT });
      await page.evaluate(() => { window.__sameDocument = true; });
      await page.locator('#customer-edit').click();
      assert((await page.locator('#customer-name').inputValue()) === NAME, 'the form is not filled with the customer');
      await page.locator('#customer-phones-0-number').fill(NEW_PHONE);
      await page.locator('#customer-submit').click();
      await page.locator('#customer-form').waitFor({ state: 'detached', timeout: TIMEOUT });
      const phones = await textOf(page, '#customer-phones');
      assert(phones.includes(NEW_PHONE) && !phones.includes(PHONE), `phones read ${JSON.stringify(phones)}`);
      assert(await page.evaluate(() => window.__sameDocument === true), 'the page was reloaded');
    },
  },
  {
    name: 'a ticket made for them through the API is on their page and links to it',
    async run(page, shot) {
      const token = await tokenFor(USER);
      const me = await api('GET', '/auth/me', token);
      const models = await api('GET', '/product-models?limit=1', token);
      const ticket = await api('POST', '/tickets', token, {
        branch_id: me.branch_id,
        kind: 'repair',
        channel: 'counter',
        customer_id: customerId,
        model_id: models.items[0].id,
        fault_description: 'browser test of the customer page',
      });
      ticketNumber = ticket.number;
      await page.reload();
      const link = page.locator(`#customer-tickets tr[data-number="${ticketNumber}"] a`);
      await link.waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await link.getAttribute('href')) === `/tickets/${ticket.id}`, 'the ticket does not link to its page');
      await shot('en');
    },
  },
  {
    name: 'refused input is shown next to its field and nothing typed is lost',
    async run(page, shot) {
      await page.goto(`${BASE_URL}/customers`);
      await page.locator('#customer-new').click();
      // The server refuses a phone that is not one.
      await page.locator('#customer-name').fill(`${NAME} bis`);
      await page.locator('#customer-phones-0-number').fill('12ab');
      await page.locator('#customer-submit').click();
      const phoneError = page.locator('#customer-phones-0-number-error');
      await phoneError.waitFor({ state: 'visible', timeout: TIMEOUT });
      const beside = await page.evaluate(() =>
        document.querySelector('#customer-phones-0-number').closest('.field') === document.querySelector('#customer-phones-0-number-error').closest('.field'));
      assert(beside, 'the phone error is not next to the phone');
      assert((await page.locator('#customer-phones-0-number').getAttribute('aria-invalid')) === 'true', 'the phone is not marked invalid');
      assert((await page.locator('#customer-name').inputValue()) === `${NAME} bis`, 'the name was lost');
      assert(new URL(page.url()).pathname === '/customers', 'a refused customer was created');
      // A phone another customer has is refused (409) until the user says so.
      await page.locator('#customer-phones-0-number').fill(NEW_PHONE);
      await page.locator('#customer-submit').click();
      await page.locator('#customer-problem [data-code="conflict"]').waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await page.locator('#customer-phones-0-number-error').count()) === 0, 'the phone error stayed after a new answer');
      assert(new URL(page.url()).pathname === '/customers', 'a duplicate customer was created');
      await page.locator('#customer-phones-0-number').fill('12ab');
      // A missing name is found before asking the server.
      await page.locator('#customer-name').fill('');
      await page.locator('#customer-submit').click();
      await page.locator('#customer-name-error').waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await page.locator('#customer-phones-0-number').inputValue()) === '12ab', 'the phone was lost');
      await shot('en-errors');
    },
  },
  {
    name: 'Vietnamese: the customer screens are translated',
    async run(page, shot) {
      await switchTo(page, 'vi');
      assert((await textOf(page, '#customers-title')) === 'Khách hàng', 'title not translated');
      assert((await textOf(page, 'label[for="customer-name"]')) === 'Tên', 'name label not translated');
      assert((await textOf(page, '#customer-name-error')) === 'Hãy nhập tên khách hàng.', 'error not translated');
      await shot('vi');
    },
  },
  {
    name: 'Persian: right to left, dates in Jalali with Persian digits',
    async run(page, shot) {
      await page.goto(`${BASE_URL}/customers/${customerId}`);
      await switchTo(page, 'fa');
      await page.locator(`#customer-tickets tr[data-number="${ticketNumber}"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await textOf(page, '#customer-units-title')) === 'دستگاه‌ها', 'units title not translated');
      const when = await textOf(page, '#customer-updated');
      assert(persianDigits(when), `date reads ${JSON.stringify(when)}`);
      const year = await jalaliYear(page, await page.locator('#customer-updated').getAttribute('datetime'));
      assert(when.includes(year), `date ${JSON.stringify(when)} is not in Jalali year ${year}`);
      await shot('fa');
    },
  },
  {
    name: 'Chinese at 360 px: translated, and only the tables scroll sideways',
    async run(page, shot) {
      await switchTo(page, 'zh');
      assert((await textOf(page, '#customer-tickets-title')) === '工单', 'tickets title not translated');
      await page.setViewportSize({ width: 360, height: 740 });
      await page.locator('#customer-edit').click();
      await page.waitForTimeout(200);
      assert((await overflow(page)) <= 1, `the customer page is ${await overflow(page)}px too wide`);
      await shot('zh-360');
      await page.locator('a[href="/customers"]').first().click();
      await page.locator('#customer-new').click();
      await page.waitForTimeout(200);
      assert((await overflow(page)) <= 1, `the list is ${await overflow(page)}px too wide`);
      await shot('zh-360-list');
    },
  },
];

await run('customers', tests);
