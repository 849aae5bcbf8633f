// The public tracking page, in headless Chromium at phone width (360 px): a clerk takes
// in a repair ticket through the API, then a visitor who never signed in opens
// /track/{code} and sees the number, the kind, the current stage, the expected date and
// the branch; Persian is right to left with a Jalali date in Persian digits; a wrong
// code shows the "no ticket with this code" view and a 429 the "wait N seconds" one.
// Screenshots: one per language and view.
//
//   BASE_URL=http://127.0.0.1:8099 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/tracking.test.mjs

import { BASE_URL, TIMEOUT, api, assert, overflow, run, switchTo, textOf, tokenFor, waitForLang } from './harness.mjs';

const CLERK = process.env.TRACK_CLERK || 'clerk.hn01';

/// A day `days` from today, as the API writes dates.
function isoDay(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/// As a clerk: a repair ticket for a new customer and an unregistered unit, and a
/// second one cancelled at once (so its timeline has two steps).
async function takeInTickets() {
  const token = await tokenFor(CLERK);
  const me = await api('GET', '/auth/me', token);
  const models = await api('GET', '/product-models?limit=1', token);
  assert(models.items.length > 0, 'the demo data has no product model');
  const body = (name, phone) => ({
    branch_id: me.branch_id,
    kind: 'repair',
    channel: 'counter',
    model_id: models.items[0].id,
    expected_on: isoDay(10),
    fault_description: 'Does not cool',
    new_customer: { kind: 'individual', name, phones: [{ number: phone }], allow_duplicate: true },
  });
  const open = await api('POST', '/tickets', token, body('Trần Thị Hoa', '0912 345 671'));
  const cancelled = await api('POST', '/tickets', token, body('Phạm Văn Nam', '0912 345 672'));
  await api('POST', `/tickets/${cancelled.id}/transitions`, token, { to: 'cancelled', note: 'Customer changed their mind' });
  return { open, cancelled };
}

/// What the API itself says for a code in a language (to compare the page with).
async function tracked(code, lang) {
  return api('GET', `/public/track/${encodeURIComponent(code)}?lang=${lang}`);
}

/// Waits until the element reads `expected` (the page asks again after a switch).
async function waitForText(page, selector, expected) {
  await page.waitForFunction(
    ([s, e]) => document.querySelector(s)?.textContent.trim() === e,
    [selector, expected],
    { timeout: TIMEOUT },
  ).catch(async () => {
    const now = await page.locator(selector).first().innerText().catch(() => '(absent)');
    throw new Error(`${selector} reads ${JSON.stringify(now.trim())}, not ${JSON.stringify(expected)}`);
  });
}

async function fitsPhone(page) {
  const extra = await overflow(page);
  assert(extra <= 0, `the page is ${extra}px wider than the ${page.viewportSize().width}px screen`);
}

const tests = [
  {
    name: 'signed out, /track/{code} shows the number, kind, current stage, expected date and branch',
    async run(page, shot) {
      const { open } = tickets;
      const expected = await tracked(open.tracking_code, 'en');
      await page.goto(`${BASE_URL}/track/${open.tracking_code}`);
      await waitForLang(page, 'en');
      assert((await textOf(page, '#track-number')) === open.number, 'the ticket number is not shown');
      assert(new URL(page.url()).pathname === `/track/${open.tracking_code}`, `redirected to ${page.url()}`);
      assert((await textOf(page, '#track-kind')) === 'Repair', 'the kind is not "Repair"');
      await waitForText(page, '#track-stage', expected.stage.name);
      const note = await textOf(page, '#track-status-note');
      assert(note === 'We have received your request.', `status note reads ${JSON.stringify(note)}`);
      const day = await textOf(page, '#track-expected');
      assert(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/.test(day), `English expected date reads ${JSON.stringify(day)}`);
      assert((await page.locator('#track-expected').getAttribute('datetime')) === open.expected_on, 'wrong day');
      const branch = await textOf(page, '#track-branch');
      assert(branch.includes(expected.branch.code) && branch.includes(expected.branch.name), `branch reads ${branch}`);
      assert((await page.locator('#track-timeline li').count()) === 1, 'the timeline is not one step');
      assert((await page.locator('#logout').count()) === 0, 'the office shell is shown');
      await fitsPhone(page);
      await shot('en');
    },
  },
  {
    name: 'Persian: right to left, Persian stage names, a Jalali expected date in Persian digits',
    async run(page, shot) {
      const { open } = tickets;
      const expected = await tracked(open.tracking_code, 'fa');
      await page.goto(`${BASE_URL}/track/${open.tracking_code}`);
      await page.locator('#track-number').waitFor({ state: 'visible', timeout: TIMEOUT });
      await switchTo(page, 'fa');
      await waitForText(page, '#track-stage', expected.stage.name);
      assert((await textOf(page, '#track-kind')) === 'تعمیر', 'the kind is not Persian');
      const day = await textOf(page, '#track-expected');
      assert(/^[۰-۹]+ \S+ [۰-۹]{4}$/.test(day), `not a Persian-digit date: ${JSON.stringify(day)}`);
      assert(!/[0-9]/.test(day), `Latin digits in ${JSON.stringify(day)}`);
      // The browser's own Persian calendar agrees, day for day.
      const browserSays = await page.evaluate(() => {
        const iso = document.querySelector('#track-expected').getAttribute('datetime');
        const parts = new Intl.DateTimeFormat('fa-IR-u-ca-persian-nu-arabext', {
          day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
        }).formatToParts(new Date(`${iso}T12:00:00Z`));
        const part = (type) => parts.find((p) => p.type === type)?.value;
        return `${part('day')} ${part('month')} ${part('year')}`.replace(/[\u200e\u200f]/g, '');
      });
      assert(day === browserSays, `Jalali date ${JSON.stringify(day)}, browser says ${JSON.stringify(browserSays)}`);
      const received = await textOf(page, '#track-received');
      assert(!/[0-9]/.test(received), `Latin digits in the received date ${JSON.stringify(received)}`);
      // The status card starts at the right edge.
      const box = await page.locator('.track-status').boundingBox();
      const brand = await page.locator('.brand').boundingBox();
      assert(brand && brand.x > page.viewportSize().width / 2, `the brand is not on the right (x=${brand && brand.x})`);
      assert(box && box.width > 0, 'no status card');
      await fitsPhone(page);
      await shot('fa');
    },
  },
  {
    name: 'Vietnamese and Chinese: the kind, the stage and the date in each language',
    async run(page, shot) {
      const { open } = tickets;
      await page.goto(`${BASE_URL}/track/${open.tracking_code}`);
      await page.locator('#track-number').waitFor({ state: 'visible', timeout: TIMEOUT });
      for (const [lang, kind, date] of [
        ['vi', 'Sửa chữa', /^\d{2}\/\d{2}\/\d{4}$/],
        ['zh', '维修', /^\d{4}年\d{1,2}月\d{1,2}日$/],
      ]) {
        const expected = await tracked(open.tracking_code, lang);
        await switchTo(page, lang);
        await waitForText(page, '#track-kind', kind);
        await waitForText(page, '#track-stage', expected.stage.name);
        const day = await textOf(page, '#track-expected');
        assert(date.test(day), `${lang} expected date reads ${JSON.stringify(day)}`);
        await fitsPhone(page);
        await shot(lang);
      }
      await switchTo(page, 'en');
    },
  },
  {
    name: 'a cancelled ticket: closed status and a two-step timeline ending at the current step',
    async run(page, shot) {
      const { cancelled } = tickets;
      const expected = await tracked(cancelled.tracking_code, 'en');
      await page.goto(`${BASE_URL}/track/${cancelled.tracking_code}`);
      await waitForText(page, '#track-stage', expected.stage.name);
      assert((await textOf(page, '#track-status-note')) === 'This ticket is closed.', 'not shown as closed');
      const steps = page.locator('#track-timeline li');
      assert((await steps.count()) === 2, `the timeline has ${await steps.count()} steps`);
      assert((await steps.nth(1).getAttribute('aria-current')) === 'step', 'the last step is not the current one');
      assert((await steps.nth(1).getAttribute('data-category')) === 'closed', 'the last step is not closed');
      await shot('closed');
    },
  },
  {
    name: 'a wrong code shows "no ticket with this code", with the form to try again',
    async run(page, shot) {
      await page.goto(`${BASE_URL}/track/ZZZZ-ZZZZ-ZZZZ`);
      const title = await textOf(page, '#track-not-found h1');
      assert(title === 'No ticket with this code', `not-found title reads ${JSON.stringify(title)}`);
      assert(new URL(page.url()).pathname.startsWith('/track/'), `redirected to ${page.url()}`);
      await page.goto(`${BASE_URL}/track/${encodeURIComponent('not a code!')}`);
      await page.locator('#track-not-found').waitFor({ state: 'visible', timeout: TIMEOUT });
      await fitsPhone(page);
      await shot('not-found');
    },
  },
  {
    name: '/track: typing the code (any case, with spaces) opens the ticket',
    async run(page, shot) {
      const { open } = tickets;
      await page.goto(`${BASE_URL}/track`);
      const label = await textOf(page, 'label[for="track-code"]');
      assert(label === 'Tracking code', `label reads ${JSON.stringify(label)}`);
      await shot('form');
      const code = open.tracking_code.toLowerCase();
      await page.locator('#track-code').fill(` ${code.slice(0, 4)} ${code.slice(4, 8)} ${code.slice(8)} `);
      await page.locator('#track-submit').click();
      await page.waitForURL(/\/track\/[^/]+$/, { timeout: TIMEOUT });
      await waitForText(page, '#track-number', open.number);
    },
  },
  {
    name: 'too many look-ups: "wait N seconds" from Retry-After',
    async run(page, shot) {
      await page.route('**/api/v1/public/track/**', (route) => route.fulfill({
        status: 429,
        headers: { 'content-type': 'application/problem+json', 'retry-after': '42' },
        body: JSON.stringify({
          type: 'about:blank', title: 'Too many requests', status: 429, code: 'rate_limited',
        }),
      }));
      await page.goto(`${BASE_URL}/track/ABCD-EF23-4567`);
      const wait = await textOf(page, '#track-wait');
      assert(wait === 'Please wait 42 seconds and try again.', `wait text reads ${JSON.stringify(wait)}`);
      await switchTo(page, 'fa');
      await waitForText(page, '#track-wait', 'لطفاً ۴۲ ثانیه صبر کنید و دوباره امتحان کنید.');
      await shot('rate-limited-fa');
      await switchTo(page, 'en');
      await page.unroute('**/api/v1/public/track/**');
    },
  },
];

// The tickets are taken in through the API first; if that fails, that is the one failure.
const tickets = await takeInTickets().catch((err) => err);
const failedSetup = [{ name: 'taking in the tickets through the API', async run() { throw tickets; } }];
// One page that never signed in, phone-sized.
await run('tracking', tickets instanceof Error ? failedSetup : tests, { viewport: { width: 360, height: 740 } });
