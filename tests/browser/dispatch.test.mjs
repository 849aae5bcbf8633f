// The dispatch board /dispatch in headless Chromium: two tickets made through the API
// as clerk.hn01, one dispatched through the API to tech.hn01 for today; the
// dispatcher opens the board from the navigation, sees that appointment under the
// technician, assigns the other ticket from the board (overriding a warning if one
// appears) and sees it move under the technician without a reload; the next day and
// back change the URL and the board; Vietnamese, Persian (right to left, Jalali
// date, Persian digits) and Chinese; a 360 px screen.
// Plain Node with the shared tests/browser/harness.mjs:
//
//   BASE_URL=http://127.0.0.1:8099 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/dispatch.test.mjs
//
// Screenshots land in tests/browser/screenshots/dispatch-*.png.

import { run, assert, api, tokenFor, signIn, switchTo, chooseBy, textOf, overflow, persianDigits, TIMEOUT } from './harness.mjs';

const TECH = 'tech.hn01';
const stamp = Date.now().toString(26).replace(/[0-9]/g, (d) => 'klmnopqrst'[Number(d)]);
const NAMES = [`Dispatchalpha ${stamp}`, `Dispatchbeta ${stamp}`];
const tickets = [];
let today = null;
let fullDay = null;

/// The instant of a wall-clock time on `date` in the IANA `zone`.
function instantIn(zone, date, time) {
  const guess = new Date(`${date}T${time}:00Z`);
  const wall = (at) => {
    const p = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit',
        day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(at).map((x) => [x.type, x.value]),
    );
    return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute);
  };
  return new Date(guess.getTime() - (wall(guess) - guess.getTime())).toISOString();
}

/// A repair ticket by clerk.hn01 for a new customer.
async function newTicket(name, i) {
  const clerk = await tokenFor('clerk.hn01');
  const me = await api('GET', '/auth/me', clerk);
  const models = await api('GET', '/product-models?limit=1', clerk);
  assert(models.items.length > 0, 'no product model in the demo data');
  const phone = `+84 9${String(Date.now() + i).slice(-8)}`;
  return api('POST', '/tickets', clerk, {
    branch_id: me.branch_id,
    kind: 'repair',
    channel: 'counter',
    new_customer: { kind: 'individual', name, phones: [{ number: phone }], allow_duplicate: true },
    model_id: models.items[0].id,
    fault_description: 'browser test of the dispatch board',
  });
}

/// Sends tech.hn01 to a ticket through the API (overriding any warning).
async function dispatchTo(ticket, date, from, to) {
  const dispatcher = await tokenFor('dispatcher.hn01');
  const board = await api('GET', `/dispatch-board?branch_id=${ticket.branch_id}`, dispatcher);
  const tech = board.technicians.find((t) => t.username === TECH);
  assert(tech, `${TECH} is not on the board of ${ticket.branch_id}`);
  await api('POST', `/tickets/${ticket.id}/dispatch`, dispatcher, {
    technician_id: tech.technician_id,
    appointment_from: instantIn(board.time_zone, date, from),
    appointment_to: instantIn(board.time_zone, date, to),
    override: true,
    override_reason: 'browser test setup',
  }, { 'if-match': `"${ticket.version}"` });
  return { board, tech };
}

/// Two repair tickets by clerk.hn01; the first dispatched to tech.hn01 today, 10:00–12:00.
async function prepare() {
  for (const [i, name] of NAMES.entries()) tickets.push(await newTicket(name, i));
  const dispatcher = await tokenFor('dispatcher.hn01');
  today = (await api('GET', `/dispatch-board?branch_id=${tickets[0].branch_id}`, dispatcher)).date;
  await dispatchTo(tickets[0], today, '10:00', '12:00');
}

/// A day three weeks ahead on which tech.hn01 has the daily limit of jobs, and one
/// more ticket waiting.
async function prepareFullDay() {
  fullDay = nextDay(today, 21);
  const filler = await newTicket(`Dispatchfull ${stamp}`, 10);
  const { tech } = await dispatchTo(filler, fullDay, '08:00', '09:00');
  for (let i = 1; i < tech.limit; i += 1) {
    await dispatchTo(await newTicket(`Dispatchfull ${stamp} ${i}`, 10 + i), fullDay, '08:00', '09:00');
  }
  tickets.push(await newTicket(`Dispatchgamma ${stamp}`, 30));
}

const techRow = (number) => `.dispatch-tech[data-username="${TECH}"] tr[data-number="${number}"]`;
const waitingRow = (number) => `#dispatch-unassigned tr[data-number="${number}"]`;

function nextDay(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const tests = [
  {
    name: 'two tickets are made as clerk.hn01 and one is dispatched to tech.hn01 for today',
    async run() {
      await prepare();
      assert(tickets.length === 2 && today, 'setup incomplete');
    },
  },
  {
    name: 'the dispatcher opens /dispatch from the navigation and sees the appointment under the technician',
    async run(page, shot) {
      await signIn(page, 'dispatcher.hn01');
      await page.locator('nav a[href="/dispatch"]').click();
      await page.waitForURL((url) => url.pathname === '/dispatch', { timeout: TIMEOUT });
      const row = page.locator(techRow(tickets[0].number));
      await row.waitFor({ state: 'visible', timeout: TIMEOUT });
      const text = (await row.innerText()).trim();
      assert(text.includes('10:00') && text.includes('12:00'), `time window not shown: ${JSON.stringify(text)}`);
      await page.waitForFunction(([sel, name]) => document.querySelector(sel)?.innerText.includes(name),
        [`${techRow(tickets[0].number)} td.customer`, NAMES[0]], { timeout: TIMEOUT });
      const link = await row.locator('a').getAttribute('href');
      assert(link === `/tickets/${tickets[0].id}`, `ticket link ${link}`);
      const day = await page.locator('#dispatch-day').getAttribute('data-date');
      assert(day === today, `board shows ${day}, not ${today}`);
      const load = await textOf(page, `.dispatch-tech[data-username="${TECH}"] .badge.load`);
      assert(/\d+ of \d+ jobs/.test(load), `load ${JSON.stringify(load)}`);
      await page.locator(waitingRow(tickets[1].number)).waitFor({ state: 'visible', timeout: TIMEOUT });
      await shot('en');
    },
  },
  {
    name: 'assigning a waiting ticket from the board moves it under the technician without a reload',
    async run(page, shot) {
      await page.evaluate(() => { window.__sameDocument = true; });
      const second = tickets[1].number;
      await page.locator(`${waitingRow(second)} button.dispatch-pick`).click();
      await page.locator('#assign-form').waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await textOf(page, '#assign-title')).includes(second), 'the form does not name the ticket');
      await chooseBy(page, '#assign-technician', 'data-username', TECH);
      await page.locator('#assign-from').fill('14:00');
      await page.locator('#assign-to').fill('15:30');
      await page.locator('#assign-submit').click();
      const outcome = page.locator('#dispatch-assigned, #assign-warnings');
      await outcome.first().waitFor({ state: 'visible', timeout: TIMEOUT });
      if (await page.locator('#assign-warnings').isVisible()) {
        const words = await textOf(page, '#assign-warnings .dispatch-warnings');
        assert(/needs a second look/.test(words) && /technician/i.test(words), `warnings ${JSON.stringify(words)}`);
        await shot('warnings');
        // An override without a reason is refused next to the field.
        await page.locator('#assign-override').click();
        await page.locator('#assign-override-reason-error').waitFor({ state: 'visible', timeout: TIMEOUT });
        await page.locator('#assign-override-reason').fill('customer asked for this technician');
        await page.locator('#assign-override').click();
      }
      await page.locator('#dispatch-assigned').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.locator(techRow(second)).waitFor({ state: 'visible', timeout: TIMEOUT });
      const text = (await page.locator(techRow(second)).innerText()).trim();
      assert(text.includes('14:00') && text.includes('15:30'), `new appointment ${JSON.stringify(text)}`);
      assert((await page.locator(waitingRow(second)).count()) === 0, 'the ticket is still waiting');
      assert(await page.evaluate(() => window.__sameDocument === true), 'the page was reloaded');
      assert((await page.locator('#assign-form').count()) === 0, 'the form stayed open');
    },
  },
  {
    name: 'moving a job to another technician asks why, then shows it under that technician',
    async run(page, shot) {
      const second = tickets[1].number;
      await page.locator(`${techRow(second)} button.dispatch-move`).click();
      await page.locator('#assign-form').waitFor({ state: 'visible', timeout: TIMEOUT });
      const title = await textOf(page, '#assign-title');
      assert(title.includes(second) && /another technician/.test(title), `the form reads ${JSON.stringify(title)}`);
      const offered = await page.locator('#assign-technician option[data-username]').evaluateAll(
        (options) => options.map((o) => o.dataset.username),
      );
      assert(offered.length > 0 && !offered.includes(TECH), `offered ${JSON.stringify(offered)}`);
      assert((await page.locator('#assign-from').inputValue()) === '14:00', 'the job does not keep its time');
      await chooseBy(page, '#assign-technician', 'data-username', offered[0]);
      await page.locator('#assign-submit').click();
      const refused = await textOf(page, '#assign-reason-error');
      assert(/why/i.test(refused), `no reason is refused with ${JSON.stringify(refused)}`);
      await shot('move');
      await page.locator('#assign-reason').fill('tech.hn01 is off sick');
      await page.locator('#assign-submit').click();
      await page.locator('#dispatch-assigned, #assign-warnings').first().waitFor({ state: 'visible', timeout: TIMEOUT });
      if (await page.locator('#assign-warnings').isVisible()) {
        await page.locator('#assign-override-reason').fill('nobody else is free');
        await page.locator('#assign-override').click();
      }
      const moved = `.dispatch-tech[data-username="${offered[0]}"] tr[data-number="${second}"]`;
      await page.locator(moved).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await page.locator(techRow(second)).count()) === 0, `${second} is still with ${TECH}`);
      const timeline = await api('GET', `/tickets/${tickets[1].id}/timeline`, await tokenFor('dispatcher.hn01'));
      const events = timeline.items || timeline;
      const reassigned = events.find((e) => e.kind === 'reassigned');
      assert(reassigned && (reassigned.note || '').includes('off sick'), `timeline ${JSON.stringify(events.map((e) => e.kind))}`);
    },
  },
  {
    name: 'the next day and back change the URL and the board',
    async run(page) {
      const tomorrow = nextDay(today, 1);
      await page.locator('#dispatch-next').click();
      await page.waitForURL((url) => url.searchParams.get('date') === tomorrow, { timeout: TIMEOUT });
      await page.waitForFunction((d) => document.querySelector('#dispatch-day')?.dataset.date === d, tomorrow,
        { timeout: TIMEOUT });
      assert((await page.locator(techRow(tickets[0].number)).count()) === 0, 'today\'s job shown tomorrow');
      await page.locator('#dispatch-prev').click();
      await page.waitForURL((url) => url.searchParams.get('date') === today, { timeout: TIMEOUT });
      await page.locator(techRow(tickets[0].number)).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert(await page.evaluate(() => window.__sameDocument === true), 'the page was reloaded');
    },
  },
  {
    name: 'Vietnamese, Persian (right to left, Jalali day, Persian digits) and Chinese',
    async run(page, shot) {
      await switchTo(page, 'vi');
      assert((await textOf(page, '#dispatch-title')) === 'Bảng điều phối', 'Vietnamese title');
      await shot('vi');
      await switchTo(page, 'fa');
      assert((await textOf(page, '#dispatch-title')) === 'تابلوی اعزام', 'Persian title');
      const day = await textOf(page, '#dispatch-day strong');
      assert(persianDigits(day), `day not in Persian digits: ${day}`);
      const year = Number(day.replace(/[۰-۹]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'.indexOf(d)).match(/\d{4}/)?.[0]);
      assert(year > 1390 && year < 1500, `not a Jalali year: ${day}`);
      const field = await page.locator('#dispatch-date').inputValue();
      assert(persianDigits(field) && field.startsWith('۱۴'), `date field not Jalali: ${field}`);
      const window = await textOf(page, `${techRow(tickets[0].number)} td.window`);
      assert(persianDigits(window), `time window not in Persian digits: ${window}`);
      const load = await textOf(page, `.dispatch-tech[data-username="${TECH}"] .badge.load`);
      assert(persianDigits(load), `load not in Persian digits: ${load}`);
      await shot('fa');
      await switchTo(page, 'zh');
      assert((await textOf(page, '#dispatch-title')) === '派工看板', 'Chinese title');
      await shot('zh');
      await switchTo(page, 'en');
    },
  },
  {
    name: 'at 360 px nothing but tables scrolls sideways',
    async run(page, shot) {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.locator(techRow(tickets[0].number)).waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.locator(`${waitingRow(tickets[1].number)}, #dispatch-unassigned tr`).first().waitFor({ timeout: TIMEOUT });
      const extra = await overflow(page);
      assert(extra <= 0, `the page is ${extra}px wider than the screen`);
      await shot('narrow');
      await page.setViewportSize({ width: 1200, height: 800 });
    },
  },
  {
    name: 'on a full day the board warns in plain words and assigns only with a reason to override',
    async run(page, shot) {
      await prepareFullDay();
      await page.evaluate(() => { window.__sameDocument = true; });
      await page.locator('#dispatch-date').fill(fullDay);
      await page.locator('#dispatch-go').click();
      await page.waitForURL((url) => url.searchParams.get('date') === fullDay, { timeout: TIMEOUT });
      const third = tickets[2].number;
      await page.locator(`${waitingRow(third)} button.dispatch-pick`).click();
      await chooseBy(page, '#assign-technician', 'data-username', TECH);
      await page.locator('#assign-submit').click();
      const warning = page.locator('#assign-warnings li[data-code="over_daily_load"]');
      await warning.waitFor({ state: 'visible', timeout: TIMEOUT });
      const words = (await warning.innerText()).trim();
      assert(words === 'The technician already has a full day of jobs.', `warning ${JSON.stringify(words)}`);
      await shot('warnings');
      await page.locator('#assign-override').click();
      await page.locator('#assign-override-reason-error').waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await page.locator(techRow(third)).count()) === 0, 'assigned without a reason');
      await page.locator('#assign-override-reason').fill('customer asked for this technician');
      await page.locator('#assign-override').click();
      await page.locator(techRow(third)).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await textOf(page, '#dispatch-assigned')).includes(third), 'no confirmation');
      assert(await page.evaluate(() => window.__sameDocument === true), 'the page was reloaded');
    },
  },
];

await run('dispatch', tests);
