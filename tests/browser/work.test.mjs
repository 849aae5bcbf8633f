// The work sections of the ticket page /tickets/:id in headless Chromium. A repair
// ticket is made and dispatched to tech.hn01 through the API. The technician records
// the diagnosis on the page, moves the ticket on with the step buttons, records the
// resolution and a labour line from the service catalogue (price, totals and who
// pays shown as the API says), and completes it. clerk.hn01 then moves it to the
// callback, sees the close step held back by the callback, records the call (a
// missing answer is refused by the API and shown next to its question), sees the
// close step open, opens a complaint and resolves it — every change without a
// reload. Then the page in vi, fa (rtl, Jalali, Persian digits) and zh, and at 360 px.
//
//   BASE_URL=http://127.0.0.1:8099 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/work.test.mjs

import {
  BASE_URL, TIMEOUT, api, assert, chooseBy, jalaliYear, overflow, persianDigits, run, signIn, signOut, stageIs,
  stepEnabled, switchTo, takeStep, textOf, toast, tokenFor,
} from './harness.mjs';

const stamp = Date.now().toString(26).replace(/[0-9]/g, (d) => 'klmnopqrst'[Number(d)]);
const NAME = `Work ${stamp}`;
const DAY = (() => {
  const d = new Date(Date.UTC(2033, 0, 1) + (Date.now() % 3000) * 86_400_000);
  return d.toISOString().slice(0, 10);
})();
const state = {};

async function notReloaded(page) {
  assert(await page.evaluate(() => window.__noReload === true), 'the page was reloaded');
}

await run('work', [
  {
    name: 'a repair ticket is made as clerk.hn01 and dispatched to tech.hn01 through the API',
    async run() {
      const clerk = await tokenFor('clerk.hn01');
      const dispatcher = await tokenFor('dispatcher.hn01');
      const me = await api('GET', '/auth/me', clerk);
      const model = (await api('GET', '/product-models?limit=1', clerk)).items[0];
      assert(model, 'no product model in the demo data');
      state.model = model;
      const phone = `+84 9${String(Date.now()).slice(-8)}`;
      const ticket = await api('POST', '/tickets', clerk, {
        branch_id: me.branch_id,
        kind: 'repair',
        channel: 'counter',
        new_customer: { kind: 'individual', name: NAME, phones: [{ number: phone }], allow_duplicate: true },
        model_id: model.id,
        fault_description: 'browser test of the work sections',
      });
      const techs = await api('GET', `/users?role=technician&branch_id=${me.branch_id}`, dispatcher);
      const tech = techs.items.find((u) => u.username === 'tech.hn01');
      assert(tech, 'tech.hn01 is not a technician of the clerk\'s branch');
      const result = await api('POST', `/tickets/${ticket.id}/dispatch`, dispatcher, {
        technician_id: tech.id,
        appointment_from: `${DAY}T02:00:00Z`,
        appointment_to: `${DAY}T04:00:00Z`,
        override: true,
        override_reason: 'browser test',
      }, { 'if-match': `"${ticket.version}"` });
      state.ticket = result.ticket;
      const items = await api('GET', `/service-items?category_id=${model.category_id}&active=true`, clerk);
      assert(items.items.length > 0, 'the model\'s category has no service item');
      state.item = items.items[0];
    },
  },
  {
    name: 'the technician records the diagnosis on the page; the first step opens without a reload',
    async run(page, shot) {
      await signIn(page, 'tech.hn01');
      await page.goto(`${BASE_URL}/tickets/${state.ticket.id}`);
      await stageIs(page, 'received');
      await page.evaluate(() => { window.__noReload = true; });
      const held = page.locator('#ticket-steps li[data-to="diagnosed"] button');
      await held.waitFor({ timeout: TIMEOUT });
      assert(await held.isDisabled(), 'the diagnosed step is open before the diagnosis');
      await page.locator('#work-diagnosis option:nth-child(2)').waitFor({ state: 'attached', timeout: TIMEOUT });
      const diagnosis = await page.locator('#work-diagnosis option:nth-child(2)').getAttribute('value');
      await page.locator('#work-diagnosis').selectOption(diagnosis);
      await page.locator('#work-notes').fill('Fan motor seized');
      await page.locator('#work-minutes').fill('45');
      await page.locator('#work-record-save').click();
      await toast(page, 'Diagnosis and resolution saved');
      await takeStep(page, 'diagnosed');
      await takeStep(page, 'in_repair');
      const why = (await page.locator('#ticket-steps li[data-to="completed"] .step-why').innerText()).trim();
      assert(why.includes('At least one labour line must be recorded.'), `the reason reads ${JSON.stringify(why)}`);
      await notReloaded(page);
      await shot('en-diagnosis');
    },
  },
  {
    name: 'the resolution and a labour line from the catalogue are recorded; totals and who pays follow',
    async run(page, shot) {
      const resolution = await page.locator('#work-resolution option:nth-child(2)').getAttribute('value');
      await page.locator('#work-resolution').selectOption(resolution);
      await page.locator('#work-record-save').click();
      await toast(page, 'Diagnosis and resolution saved');
      assert((await textOf(page, '#work-labour-empty')) === 'No labour recorded yet.', 'no empty state');
      const payer = await textOf(page, '#work-payer');
      assert(/warranty|chargeable|not decided/.test(payer), `who pays reads ${JSON.stringify(payer)}`);
      await page.locator('#work-labour-submit').click();
      await page.locator('#work-service-error').waitFor({ timeout: TIMEOUT });
      await chooseBy(page, '#work-service', 'data-code', state.item.code);
      const label = (await page.locator(`#work-service option[data-code="${state.item.code}"]`).innerText()).trim();
      assert(label.includes(state.item.code) && /\d/.test(label), `the service reads ${JSON.stringify(label)}`);
      await page.locator('#work-quantity').fill('2');
      await page.locator('#work-labour-submit').click();
      await toast(page, `Labour line ${state.item.code} added`);
      const row = page.locator(`#work-labour-table tbody tr[data-code="${state.item.code}"]`);
      await row.waitFor({ timeout: TIMEOUT });
      const labour = await api('GET', `/tickets/${state.ticket.id}/labour`, await tokenFor('tech.hn01'));
      assert(labour.lines.length === 1 && labour.lines[0].quantity === 2, 'the line was not recorded as typed');
      const total = await textOf(page, '#work-labour-total');
      assert(/\d/.test(total) && total !== '—', `the total reads ${JSON.stringify(total)}`);
      assert((await row.locator('.line-total').innerText()).trim() === total, 'the line total is not the total');
      await page.locator('#ticket-timeline li[data-kind="labour_added"]').waitFor({ timeout: TIMEOUT });
      assert((await page.locator('#work-service option[value="free"]').count()) === 0, 'a technician is offered free lines');
      await takeStep(page, 'completed');
      await page.locator('#work-callback-status[data-status="pending"]').waitFor({ timeout: TIMEOUT });
      await notReloaded(page);
      await shot('en-labour');
    },
  },
  {
    name: 'the clerk moves it to the callback: the close step waits for the callback',
    async run(page) {
      await signOut(page);
      await signIn(page, 'clerk.hn01');
      await page.goto(`${BASE_URL}/tickets/${state.ticket.id}`);
      await stageIs(page, 'completed');
      await page.evaluate(() => { window.__noReload = true; });
      await takeStep(page, 'callback');
    },
  },
  {
    name: 'the clerk adds a free labour line for work the catalogue lacks, for the ticket\'s technician',
    async run(page) {
      await page.locator('#work-service option[value="free"]').waitFor({ state: 'attached', timeout: TIMEOUT });
      await page.locator('#work-service').selectOption('free');
      await page.locator('#work-free-code').fill('bad code!');
      await page.locator('#work-labour-submit').click();
      const refused = await textOf(page, '#work-free-code-error');
      assert(refused.includes('letters, digits'), `the code is refused with ${JSON.stringify(refused)}`);
      await page.locator('#work-free-code').fill('WALL_BRACKET');
      await page.locator('#work-free-description').fill('Extra wall bracket fitted');
      await page.locator('#work-free-price').fill('150000');
      await page.locator('#work-free-minutes').fill('20');
      await page.locator('#work-quantity').fill('1');
      await page.locator('#work-labour-submit').click();
      await page.locator('#work-labour-table tbody tr[data-code="WALL_BRACKET"]').waitFor({ timeout: TIMEOUT });
      const labour = await api('GET', `/tickets/${state.ticket.id}/labour`, await tokenFor('clerk.hn01'));
      const free = labour.lines.find((l) => l.code === 'WALL_BRACKET');
      assert(free && free.service_item_id === null, 'the free line was not recorded');
      assert(Number(free.unit_price.amount) === 150000 && free.minutes === 20, `recorded as ${JSON.stringify(free)}`);
      assert(state.ticket.technician_id && free.technician_id === state.ticket.technician_id, 'the line is not the technician\'s');
      const close = page.locator('#ticket-steps li[data-to="closed"]');
      await close.waitFor({ timeout: TIMEOUT });
      assert(await close.locator('button').isDisabled(), 'closing is open before the callback');
      assert((await close.locator('li[data-guard="callback_done"]').count()) === 1, 'the callback guard is not named');
    },
  },
  {
    name: 'a missing answer is refused next to its question; the recorded call opens the close step',
    async run(page, shot) {
      const question = await textOf(page, '[data-question="unit_working"] label');
      assert(question === 'Is the unit working properly now?', `the question reads ${JSON.stringify(question)}`);
      await page.locator('#work-q-technician_attitude').selectOption('5');
      await page.locator('#work-q-service_quality').selectOption('4');
      await page.locator('#work-q-was_charged').selectOption('no');
      await page.locator('#work-callback-submit').click();
      await page.locator('#work-q-unit_working-error').waitFor({ timeout: TIMEOUT });
      await page.locator('#work-callback-problem').waitFor({ timeout: TIMEOUT });
      await page.locator('#work-q-unit_working').selectOption('yes');
      await page.locator('#work-q-comments').fill('Quick and tidy');
      await page.locator('#work-callback-notes').fill('Spoke to the owner');
      await page.locator('#work-callback-submit').click();
      await toast(page, 'Callback recorded');
      await page.locator('#work-callback-status[data-status="done"]').waitFor({ timeout: TIMEOUT });
      const score = await textOf(page, '#work-callback-score');
      assert(/^[45] of 5$/.test(score), `the score reads ${JSON.stringify(score)}`);
      assert((await textOf(page, '[data-answer="unit_working"]')) === 'Yes', 'the answer is not shown in words');
      await stepEnabled(page, 'closed');
      await notReloaded(page);
      await shot('en-callback');
    },
  },
  {
    name: 'the clerk opens a complaint and sees it listed, then resolves it',
    async run(page, shot) {
      assert((await textOf(page, '#work-complaints-empty')) === 'No complaints about this ticket.', 'no empty state');
      await page.locator('#work-complaint-submit').click();
      await page.locator('#work-complaint-category-error').waitFor({ timeout: TIMEOUT });
      await page.locator('#work-complaint-category').selectOption('delay');
      await page.locator('#work-complaint-description').fill(`Came two hours late ${stamp}`);
      await page.locator('#work-complaint-submit').click();
      await toast(page, 'Complaint opened');
      const item = page.locator('#work-complaints-list li.complaint[data-status="open"]');
      await item.waitFor({ timeout: TIMEOUT });
      const text = (await item.innerText()).trim();
      assert(text.includes('Delay') && text.includes(`Came two hours late ${stamp}`), `the complaint reads ${JSON.stringify(text)}`);
      await page.locator('#ticket-timeline li[data-kind="complaint_opened"]').waitFor({ timeout: TIMEOUT });
      await shot('en-complaint');
      await item.locator('.complaint-resolve-open').click();
      await item.locator('.complaint-resolution-text').fill('Apologised to the customer');
      await item.locator('.complaint-resolve-submit').click();
      await toast(page, 'Complaint closed');
      const done = page.locator('#work-complaints-list li.complaint[data-status="resolved"]');
      await done.waitFor({ timeout: TIMEOUT });
      assert((await done.innerText()).includes('Apologised to the customer'), 'the resolution is not shown');
      await notReloaded(page);
      await shot('en');
    },
  },
  {
    name: 'Vietnamese and Chinese: the work sections in words',
    async run(page, shot) {
      await switchTo(page, 'vi');
      assert((await textOf(page, '#work-labour-title')) === 'Công sửa chữa', 'the labour title is not in Vietnamese');
      assert((await textOf(page, '#work-callback-status')).includes('Khách hàng đã trả lời'), 'status not in Vietnamese');
      assert((await textOf(page, '#work-complaints-list li.complaint')).includes('Chậm trễ'), 'category not in Vietnamese');
      await shot('vi');
      await switchTo(page, 'zh');
      assert((await textOf(page, '#work-callback-title')) === '客户回访', 'the callback title is not in Chinese');
      assert((await textOf(page, '[data-answer="unit_working"]')) === '是', 'the answer is not in Chinese');
      await shot('zh');
    },
  },
  {
    name: 'Persian: right to left, Jalali dates, Persian digits in money and numbers',
    async run(page, shot) {
      await switchTo(page, 'fa');
      const time = page.locator('#work-callback time').first();
      const when = (await time.innerText()).trim();
      assert(persianDigits(when), `the due date reads ${JSON.stringify(when)}`);
      const year = await jalaliYear(page, await time.getAttribute('datetime'));
      assert(when.includes(year), `${JSON.stringify(when)} is not in Jalali year ${year}`);
      const total = await textOf(page, '#work-labour-total');
      assert(persianDigits(total), `the total reads ${JSON.stringify(total)}`);
      assert((await textOf(page, '#work-labour-title')) === 'دستمزد', 'the labour title is not in Persian');
      await shot('fa');
    },
  },
  {
    name: 'at 360 px nothing but tables scrolls sideways',
    async run(page, shot) {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.waitForTimeout(300);
      const extra = await overflow(page);
      assert(extra <= 1, `the page is ${extra}px wider than the screen`);
      const scrollers = await page.evaluate(() => [...document.querySelectorAll('.ticket-page *')]
        .filter((e) => e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
        .filter((e) => !e.classList.contains('table-wrap'))
        .map((e) => e.id || e.className || e.tagName));
      assert(scrollers.length === 0, `these scroll sideways: ${scrollers.join(', ')}`);
      await shot('fa-360');
      await switchTo(page, 'en');
    },
  },
]);
