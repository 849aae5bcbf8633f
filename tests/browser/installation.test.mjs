// An installation from the counter to closing, through the screens only, in headless
// Chromium: the clerk takes in a newly sold unit by its serial as an installation,
// the dispatcher sends tech.hn01, the technician starts, finds completion held back
// by the missing installation card, attaches the card's photo and completes; the
// clerk finds the call due in the follow-ups work list, makes it from the ticket
// and closes the ticket; the call is then listed as the clerk's. A complaint about
// the job is resolved from the complaints list. Then the follow-ups screens in
// Persian and Chinese, and at 360 px. Only the sold unit is made through the API.
//
//   BASE_URL=http://127.0.0.1:8099 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/installation.test.mjs

import {
  BASE_URL, TIMEOUT, api, assert, chooseBy, overflow, run, signIn, signOut, stageIs, stepEnabled, switchTo, takeStep,
  textOf, tokenFor,
} from './harness.mjs';

const MODEL_SKU = 'FTKB25WVMV';
const DIGITS = String(Date.now()).slice(-6);
const SERIAL = `INST-${DIGITS}`;
// A real 2×2 PNG: the returned installation card, photographed.
const CARD = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DA0PCfAUIBACFyBP1TVaZ3AAAAAElFTkSuQmCC',
  'base64',
);
const state = {};

async function openTicket(page, user) {
  await signIn(page, user);
  await page.goto(`${BASE_URL}/tickets/${state.ticketId}`);
  await page.locator('#ticket-stage').waitFor({ timeout: TIMEOUT });
}

/// The row of this test's ticket in the follow-ups list shown.
function rowOf(page, kind) {
  return page.locator(`#followups-list tr.${kind}-row`, { has: page.locator(`a.ticket-link:text-is("${state.number}")`) });
}

await run('installation', [
  {
    name: 'before: a unit sold today to a new owner',
    async run() {
      const clerk = await tokenFor('clerk.hn01');
      const me = await api('GET', '/auth/me', clerk);
      const model = (await api('GET', `/product-models?q=${MODEL_SKU}`, clerk)).items.find((m) => m.sku === MODEL_SKU);
      assert(model, `no model ${MODEL_SKU}`);
      const owner = await api('POST', '/customers', clerk, {
        branch_id: me.branch_id, kind: 'individual', name: `Install owner ${DIGITS}`,
        phones: [{ number: `0915 ${DIGITS.slice(0, 3)} ${DIGITS.slice(3)}` }],
      });
      const today = new Date().toISOString().slice(0, 10);
      await api('POST', '/serials', clerk, { model_id: model.id, serial: SERIAL, sale_date: today, owner_customer_id: owner.id });
      Object.assign(state, { owner, clerkName: me.display_name });
    },
  },
  {
    name: 'the clerk takes the unit in by its serial as an installation and gets the receipt',
    async run(page) {
      await signIn(page, 'clerk.hn01');
      await page.goto(`${BASE_URL}/tickets/new`);
      await page.locator('#intake-by').selectOption('serial');
      await page.locator('#intake-search').fill(SERIAL);
      await page.locator('#intake-find-submit').click();
      await page.locator(`#intake-unit[data-serial="${SERIAL}"]`).waitFor({ timeout: TIMEOUT });
      await page.waitForFunction(
        (name) => document.querySelector('#intake-customer-name')?.textContent.includes(name),
        state.owner.name, { timeout: TIMEOUT },
      );
      await page.locator('#intake-kind').selectOption('installation');
      await page.locator('#intake-description').fill(`Wall mount in the bedroom ${DIGITS}`);
      await page.locator('#intake-create').click();
      await page.waitForURL((url) => /^\/tickets\/[0-9a-f-]{36}\/receipt$/.test(url.pathname), { timeout: TIMEOUT });
      state.ticketId = new URL(page.url()).pathname.split('/')[2];
      state.number = await textOf(page, '#receipt-number');
      const ticket = await api('GET', `/tickets/${state.ticketId}`, await tokenFor('clerk.hn01'));
      assert(ticket.kind === 'installation', `the ticket is a ${ticket.kind}`);
      await signOut(page);
    },
  },
  {
    name: 'the dispatcher sends tech.hn01 from the ticket page',
    async run(page) {
      await openTicket(page, 'dispatcher.hn01');
      const day = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      await chooseBy(page, '#dispatch-technician', 'data-username', 'tech.hn01');
      await page.locator('#dispatch-day').fill(day);
      await page.locator('#dispatch-from').fill('13:00');
      await page.locator('#dispatch-to').fill('15:00');
      await page.locator('#dispatch-submit').click();
      await page.locator('#dispatch-done, #dispatch-warnings').first().waitFor({ timeout: TIMEOUT });
      if (await page.locator('#dispatch-warnings').count()) {
        await page.locator('#dispatch-override-reason').fill('The owner asked for this afternoon');
        await page.locator('#dispatch-override').click();
      }
      await page.locator('#dispatch-done').waitFor({ timeout: TIMEOUT });
      await signOut(page);
    },
  },
  {
    name: 'the technician starts, attaches the returned card when completion asks for it, and completes',
    async run(page, shot) {
      await openTicket(page, 'tech.hn01');
      await takeStep(page, 'in_service');
      const step = page.locator('#ticket-steps li[data-to="completed"]');
      await step.locator('li[data-guard="installation_card_returned"]').waitFor({ timeout: TIMEOUT });
      assert(await step.locator('button').isDisabled(), 'completed can be taken without the card');
      await step.locator('a.attach-card').click();
      await page.locator('#attachments-file').setInputFiles({ name: `card-${DIGITS}.png`, mimeType: 'image/png', buffer: CARD });
      await page.locator('#attachments-upload').click();
      await page.locator('#attachments-list li').first().waitFor({ timeout: TIMEOUT });
      await takeStep(page, 'completed');
      await shot('1-completed');
      await signOut(page);
    },
  },
  {
    name: 'the clerk asks for the callback and finds the call due in the follow-ups list',
    async run(page, shot) {
      await openTicket(page, 'clerk.hn01');
      await takeStep(page, 'callback');
      await page.locator('nav a[href="/follow-ups"]').click();
      await page.locator('#followups-title').waitFor({ timeout: TIMEOUT });
      await page.locator('#followups-status').selectOption('pending');
      await page.waitForURL(/status=pending/, { timeout: TIMEOUT });
      const row = rowOf(page, 'callback');
      await row.waitFor({ timeout: TIMEOUT });
      assert((await row.locator('td.customer').innerText()).includes(state.owner.name), 'the row lacks the customer');
      assert((await row.getAttribute('data-status')) === 'pending', 'the call is not pending');
      await shot('2-calls-due');
      await row.locator('a.ticket-link').click();
      await page.waitForURL(new RegExp(`/tickets/${state.ticketId}`), { timeout: TIMEOUT });
    },
  },
  {
    name: 'the call is made from the ticket, the ticket closed, and the call listed as the clerk\'s',
    async run(page, shot) {
      await page.locator('#work-callback-form').waitFor({ timeout: TIMEOUT });
      await page.waitForTimeout(500);
      await page.locator('#work-q-unit_working').selectOption('yes');
      await page.locator('#work-q-technician_attitude').selectOption('5');
      await page.locator('#work-q-service_quality').selectOption('4');
      await page.locator('#work-q-was_charged').selectOption('no');
      await page.locator('#work-callback-submit').click();
      await page.locator('#work-callback-status[data-status="done"]').waitFor({ timeout: TIMEOUT });
      await takeStep(page, 'closed');
      await page.goto(`${BASE_URL}/follow-ups`);
      await page.locator('#followups-agent option').nth(1).waitFor({ state: 'attached', timeout: TIMEOUT });
      await page.locator('#followups-agent').selectOption({ index: 1 });
      await page.waitForURL(/done_by=/, { timeout: TIMEOUT });
      const row = rowOf(page, 'callback');
      await row.waitFor({ timeout: TIMEOUT });
      assert((await row.getAttribute('data-status')) === 'done', 'the call is not done');
      const by = (await row.locator('td.called-by').innerText()).trim();
      assert(by === state.clerkName, `called by ${JSON.stringify(by)}, not ${state.clerkName}`);
      await shot('3-my-calls');
    },
  },
  {
    name: 'a complaint about the job is resolved from the complaints list',
    async run(page, shot) {
      const clerk = await tokenFor('clerk.hn01');
      await api('POST', `/tickets/${state.ticketId}/complaints`, clerk, {
        category: 'damage', description: `Scratched the wall ${DIGITS}`,
      });
      await page.locator('#followups-tab-complaints').click();
      await page.waitForURL(/list=complaints/, { timeout: TIMEOUT });
      await page.locator('#followups-status').selectOption('open');
      const row = rowOf(page, 'complaint');
      await row.waitFor({ timeout: TIMEOUT });
      assert((await row.locator('td.technician').innerText()).trim().length > 1, 'the technician is not named');
      await row.locator('.complaint-resolve-open').click();
      await row.locator('.complaint-resolve-submit').click();
      await row.locator('.field-error').waitFor({ timeout: TIMEOUT });
      await shot('4-complaint-refused');
      await row.locator('.complaint-resolution-text').fill('Wall repainted at our cost');
      await row.locator('.complaint-resolve-submit').click();
      // Resolved, it leaves the list of open complaints.
      await rowOf(page, 'complaint').waitFor({ state: 'detached', timeout: TIMEOUT });
      await page.locator('#followups-status').selectOption('resolved');
      const resolved = rowOf(page, 'complaint');
      await resolved.waitFor({ timeout: TIMEOUT });
      assert((await resolved.innerText()).includes('Wall repainted at our cost'), 'the resolution is not shown');
    },
  },
  {
    name: 'the follow-ups in Persian and Chinese, and at 360 px nothing scrolls sideways',
    async run(page, shot) {
      await page.goto(`${BASE_URL}/follow-ups`);
      await page.locator('#followups-list tr').nth(1).waitFor({ timeout: TIMEOUT });
      await switchTo(page, 'fa');
      const fa = await textOf(page, '#followups-title');
      assert(fa === 'پیگیری‌ها', `the Persian title reads ${fa}`);
      assert((await page.locator('html').getAttribute('dir')) === 'rtl', 'Persian is not right to left');
      await shot('fa');
      await page.locator('#followups-tab-complaints').click();
      await page.waitForURL(/list=complaints/, { timeout: TIMEOUT });
      await switchTo(page, 'zh');
      const zh = await textOf(page, '#followups-tab-complaints');
      assert(zh === '投诉', `the Chinese tab reads ${zh}`);
      await shot('zh');
      await page.setViewportSize({ width: 360, height: 740 });
      const wider = await overflow(page);
      assert(wider <= 0, `the page is ${wider}px wider than the window`);
      await shot('zh-360');
      await switchTo(page, 'en');
    },
  },
]);
