// The ticket detail page /tickets/:id in headless Chromium. A repair ticket is made
// through the API as clerk.hn01; the dispatcher opens it from the ticket list, sees
// its facts and timeline, and dispatches it to tech.hn01 on a day that is already
// full for them (six jobs put there through the API), so the load warning shows in
// words and is overridden with a reason. The technician then moves it through the
// repair workflow (received → diagnosed → in repair → completed) with the buttons: a
// failing guard is explained in words, the data the guards ask for is recorded
// through the API (those sections come later), and the stage, the buttons and the
// timeline follow without a reload. Then the page in vi, fa (rtl, Jalali, Persian
// digits) and zh, and at 360 px.
//
//   BASE_URL=http://127.0.0.1:8099 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/ticket.test.mjs

import {
  BASE_URL, TIMEOUT, api, assert, chooseBy, jalaliYear, overflow, persianDigits, run, signIn, signOut, stageIs,
  switchTo, takeStep, textOf, tokenFor,
} from './harness.mjs';

const stamp = Date.now().toString(26).replace(/[0-9]/g, (d) => 'klmnopqrst'[Number(d)]);
const NAME = `Detail ${stamp}`;
// A day of its own for this run, years ahead, so the load on it is ours alone.
const DAY = (() => {
  const d = new Date(Date.UTC(2031, 0, 1) + (Date.now() % 3000) * 86_400_000);
  return d.toISOString().slice(0, 10);
})();
const state = {};

async function newTicket(clerk, me, model, name) {
  const phone = `+84 9${String(Date.now()).slice(-8)}`;
  return api('POST', '/tickets', clerk, {
    branch_id: me.branch_id,
    kind: 'repair',
    channel: 'counter',
    new_customer: { kind: 'individual', name, phones: [{ number: phone }], allow_duplicate: true },
    model_id: model.id,
    fault_description: 'browser test of the ticket page',
  });
}

/// The ticket as the API has it now, and a change to it with its version.
async function patchTicket(token, body) {
  const now = await api('GET', `/tickets/${state.ticket.id}`, token);
  return api('PATCH', `/tickets/${state.ticket.id}`, token, body, { 'if-match': `"${now.version}"` });
}

async function count(page, selector) {
  return page.locator(selector).count();
}

await run('ticket', [
  {
    name: 'a repair ticket is made as clerk.hn01; tech.hn01 already has a full day on the appointment day',
    async run() {
      const clerk = await tokenFor('clerk.hn01');
      const dispatcher = await tokenFor('dispatcher.hn01');
      const me = await api('GET', '/auth/me', clerk);
      const model = (await api('GET', '/product-models?limit=1', clerk)).items[0];
      assert(model, 'no product model in the demo data');
      state.model = model;
      state.ticket = await newTicket(clerk, me, model, NAME);
      const techs = await api('GET', `/users?role=technician&branch_id=${me.branch_id}`, dispatcher);
      const tech = techs.items.find((u) => u.username === 'tech.hn01');
      assert(tech, 'tech.hn01 is not a technician of the clerk\'s branch');
      state.tech = tech;
      const settings = await api('GET', '/settings/tickets', clerk).catch(() => ({ technician_daily_jobs: 6 }));
      for (let i = 0; i < settings.technician_daily_jobs; i += 1) {
        const filler = await newTicket(clerk, me, model, `Filler ${stamp} ${i}`);
        await api('POST', `/tickets/${filler.id}/dispatch`, dispatcher, {
          technician_id: tech.id,
          appointment_from: `${DAY}T02:00:00Z`,
          appointment_to: `${DAY}T03:00:00Z`,
          override: true,
          override_reason: 'browser test: filling the day',
        }, { 'if-match': `"${filler.version}"` });
      }
    },
  },
  {
    name: 'the dispatcher opens it from the ticket list and sees its facts and timeline',
    async run(page, shot) {
      await signIn(page, 'dispatcher.hn01');
      await page.goto(`${BASE_URL}/tickets?q=${encodeURIComponent(NAME)}`);
      await page.locator(`#ticket-list tr[data-number="${state.ticket.number}"] a.ticket-link`).click();
      await page.waitForURL(new RegExp(`/tickets/${state.ticket.id}$`), { timeout: TIMEOUT });
      assert((await textOf(page, '#ticket-number')) === state.ticket.number, 'the number is not shown');
      assert((await textOf(page, '#ticket-kind')) === 'Repair', 'the kind is not shown in words');
      await stageIs(page, 'received');
      assert((await textOf(page, '#ticket-stage')) === 'Received', 'the stage is not shown by its name');
      await page.locator('#ticket-customer-name', { hasText: NAME }).waitFor({ timeout: TIMEOUT });
      assert((await textOf(page, '#ticket-customer')).includes('+84'), 'the customer\'s phone is missing');
      await page.locator('#ticket-model', { hasText: state.model.name }).waitFor({ timeout: TIMEOUT });
      assert((await textOf(page, '#ticket-warranty')).includes('Unknown'), 'the warranty status is missing');
      assert((await textOf(page, '#ticket-tracking')) === state.ticket.tracking_code, 'the tracking code is missing');
      assert((await textOf(page, '#ticket-technician')) === 'No technician yet', 'a technician is shown');
      const created = await textOf(page, '#ticket-timeline li[data-kind="created"]');
      assert(created.includes('Ticket taken in'), `the timeline reads ${JSON.stringify(created)}`);
      assert(!created.includes('created'), 'the timeline shows a raw event code');
      await shot('en-dispatcher');
    },
  },
  {
    name: 'dispatching to a technician with a full day shows the warning in words; overriding it with a reason dispatches',
    async run(page, shot) {
      await page.evaluate(() => { window.__noReload = true; });
      await chooseBy(page, '#dispatch-technician', 'data-username', 'tech.hn01');
      await page.locator('#dispatch-day').fill(DAY);
      await page.locator('#dispatch-from').fill('09:00');
      await page.locator('#dispatch-to').fill('11:00');
      await page.locator('#dispatch-submit').click();
      const warning = await textOf(page, '#dispatch-warnings li[data-code="over_daily_load"]');
      assert(warning === 'The technician already has a full day of jobs.', `the warning reads ${JSON.stringify(warning)}`);
      await shot('en-warning');
      await page.locator('#dispatch-override').click();
      await page.locator('#dispatch-override-reason-error').waitFor({ timeout: TIMEOUT });
      await page.locator('#dispatch-override-reason').fill('Customer asked for this technician');
      await page.locator('#dispatch-override').click();
      await page.locator('#dispatch-done').waitFor({ timeout: TIMEOUT });
      await page.locator('#ticket-technician', { hasText: state.tech.display_name }).waitFor({ timeout: TIMEOUT });
      await page.locator('#ticket-timeline li[data-kind="dispatched"]').waitFor({ timeout: TIMEOUT });
      const appointment = await textOf(page, '#ticket-appointment');
      assert(/\d/.test(appointment), `the appointment reads ${JSON.stringify(appointment)}`);
      assert(await page.evaluate(() => window.__noReload === true), 'the page was reloaded');
    },
  },
  {
    name: 'the technician sees the first step held back by a guard, explained in words; office-only steps are hidden',
    async run(page, shot) {
      await signOut(page);
      await signIn(page, 'tech.hn01');
      await page.goto(`${BASE_URL}/tickets/${state.ticket.id}`);
      await stageIs(page, 'received');
      const step = page.locator('#ticket-steps li[data-to="diagnosed"]');
      await step.waitFor({ timeout: TIMEOUT });
      assert(await step.locator('button').isDisabled(), 'the held-back step can be clicked');
      const why = (await step.locator('.step-why').innerText()).trim();
      assert(why === 'The diagnosis must be recorded first.', `the reason reads ${JSON.stringify(why)}`);
      assert((await count(page, '#ticket-steps li[data-to="cancelled"]')) === 0, 'the technician is offered cancelling');
      assert((await count(page, '#ticket-dispatch')) === 0, 'the technician is offered dispatching');
      await shot('en-guard');
    },
  },
  {
    name: 'with the diagnosis recorded the technician moves it on; stage, buttons and timeline follow without a reload',
    async run(page) {
      const tech = await tokenFor('tech.hn01');
      const codes = await api('GET', `/fault-codes?kind=diagnosis&category_id=${state.model.category_id}`, tech);
      state.resolution = (await api('GET', `/fault-codes?kind=resolution&category_id=${state.model.category_id}`, tech)).items[0].code;
      await patchTicket(tech, { diagnosis_code: codes.items[0].code });
      await page.evaluate(() => { window.__noReload = true; });
      await page.locator('#ticket-refresh').click();
      const before = await count(page, '#ticket-timeline li.timeline-event');
      await takeStep(page, 'diagnosed');
      await page.locator('#ticket-moved', { hasText: 'Diagnosed' }).waitFor({ timeout: TIMEOUT });
      const moved = await textOf(page, '#ticket-timeline li[data-kind="stage_changed"]');
      assert(moved.includes('Moved from Received to Diagnosed'), `the timeline reads ${JSON.stringify(moved)}`);
      assert((await count(page, '#ticket-timeline li.timeline-event')) > before, 'the timeline did not grow');
      await takeStep(page, 'in_repair');
      const completed = page.locator('#ticket-steps li[data-to="completed"]');
      await completed.waitFor({ timeout: TIMEOUT });
      const why = (await completed.locator('.step-why').innerText()).trim();
      assert(why.includes('The resolution must be recorded first.'), `the reason reads ${JSON.stringify(why)}`);
      assert(why.includes('At least one labour line must be recorded.'), `the reason reads ${JSON.stringify(why)}`);
      assert(await page.evaluate(() => window.__noReload === true), 'the page was reloaded');
    },
  },
  {
    name: 'with the resolution and labour recorded the technician completes it',
    async run(page, shot) {
      const tech = await tokenFor('tech.hn01');
      await patchTicket(tech, { resolution_code: state.resolution });
      const items = await api('GET', `/service-items?category_id=${state.model.category_id}`, tech);
      await api('POST', `/tickets/${state.ticket.id}/labour`, tech, { service_item_id: items.items[0].id });
      await page.locator('#ticket-refresh').click();
      await takeStep(page, 'completed');
      await page.waitForFunction(
        () => document.querySelectorAll('#ticket-timeline li[data-kind="stage_changed"]').length === 3,
        null,
        { timeout: TIMEOUT },
      );
      const newest = await textOf(page, '#ticket-timeline li.timeline-event');
      assert(newest.includes('Moved from In repair to Completed'), `the newest event reads ${JSON.stringify(newest)}`);
      assert(await page.evaluate(() => window.__noReload === true), 'the page was reloaded');
      await shot('en');
    },
  },
  {
    name: 'Vietnamese and Chinese: the facts, steps and timeline in words',
    async run(page, shot) {
      await switchTo(page, 'vi');
      assert((await textOf(page, '#ticket-kind')) !== 'Repair', 'the kind is not translated');
      assert((await textOf(page, '#ticket-stage')) === 'Hoàn thành', 'the stage name is not in Vietnamese');
      assert((await textOf(page, '#ticket-timeline li[data-kind="created"]')).includes('Tiếp nhận phiếu'), 'timeline not in Vietnamese');
      await shot('vi');
      await switchTo(page, 'zh');
      assert((await textOf(page, '#ticket-stage')) === '已完成', 'the stage name is not in Chinese');
      assert((await textOf(page, '#ticket-timeline li[data-kind="stage_changed"]')).includes('从维修中转到已完成'), 'timeline not in Chinese');
      await shot('zh');
    },
  },
  {
    name: 'Persian: right to left, timeline dates in Jalali with Persian digits',
    async run(page, shot) {
      await switchTo(page, 'fa');
      const time = page.locator('#ticket-timeline li[data-kind="created"] time');
      const when = (await time.innerText()).trim();
      assert(persianDigits(when), `the date reads ${JSON.stringify(when)}`);
      const year = await jalaliYear(page, await time.getAttribute('datetime'));
      assert(when.includes(year), `${JSON.stringify(when)} is not in Jalali year ${year}`);
      assert((await textOf(page, '#ticket-stage')) === 'انجام شده', 'the stage name is not in Persian');
      await shot('fa');
    },
  },
  {
    name: 'at 360 px nothing scrolls sideways',
    async run(page, shot) {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.waitForTimeout(300);
      const extra = await overflow(page);
      assert(extra <= 1, `the page is ${extra}px wider than the screen`);
      await shot('fa-360');
      await switchTo(page, 'en');
    },
  },
]);
