// The old-parts work list /old-parts and the return-to-vendor shipments
// /rtv-shipments in headless Chromium. Through the API: a repair ticket taken in
// by clerk.hn01 and dispatched to tech.hn01, a compressor issued to it from
// HN01-MAIN by warehouse.hn01, and tech.hn01 recording it used with the old one
// taken out, so tech.hn01 owes the old compressor back. On the pages,
// warehouse.hn01 finds it in the list (those overdue first, names not ids), hands
// it in to HN01-DEF and sees it handed in; scraps a second one, handed in through
// the API (without a reason it is refused beside the field); then packs a shipment
// with the first (an empty one is refused in words beside the list of parts),
// ships it and records the manufacturer's acknowledgement, seeing each status.
// Then Persian (rtl) and Chinese screenshots of both screens, and 360 px.
//
//   BASE_URL=http://127.0.0.1:8101 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/old_parts.test.mjs

import {
  BASE_URL, TIMEOUT, api, assert, chooseBy, overflow, persianDigits, run, signIn, switchTo, textOf, toast, tokenFor,
} from './harness.mjs';

const stamp = Date.now().toString(26).replace(/[0-9]/g, (d) => 'klmnopqrst'[Number(d)]);
const NAME = `Old part ${stamp}`;
const SKU = 'DK-CMP-FTKB';
// A day of its own, years ahead, so the technician's load on it does not matter.
const DAY = (() => {
  const d = new Date(Date.UTC(2034, 0, 1) + (Date.now() % 3000) * 86_400_000);
  return d.toISOString().slice(0, 10);
})();
const state = {};
const row = () => `#old-part-list tr.old-part[data-ticket="${state.ticket.number}"]`;

/// A repair ticket of tech.hn01 on which a compressor was issued and recorded
/// used with the old one taken out: the ticket, with the old part owed (`owed`).
async function owedPart(clerk, dispatcher, tech, me, model, tag) {
  const phone = `+84 9${String(Date.now()).slice(-7)}${tag === 'a' ? 1 : 2}`;
  const ticket = await api('POST', '/tickets', clerk, {
    branch_id: me.branch_id,
    kind: 'repair',
    channel: 'counter',
    new_customer: { kind: 'individual', name: `${NAME} ${tag}`, phones: [{ number: phone }], allow_duplicate: true },
    model_id: model.id,
    fault_description: 'browser test of the old parts',
  });
  await api('POST', `/tickets/${ticket.id}/dispatch`, dispatcher, {
    technician_id: state.tech.id,
    appointment_from: `${DAY}T02:00:00Z`,
    appointment_to: `${DAY}T03:00:00Z`,
    override: true,
    override_reason: 'browser test of the old parts',
  }, { 'if-match': `"${ticket.version}"` });
  await api('POST', '/stock/receipts', state.keeper, {
    warehouse_id: state.main.id, part_id: state.part.id, quantity: 1, unit_cost: '3200000',
  }, { 'idempotency-key': crypto.randomUUID() });
  await api('POST', `/tickets/${ticket.id}/parts/issue`, state.keeper, {
    warehouse_id: state.main.id, part_id: state.part.id, quantity: 1,
  }, { 'idempotency-key': crypto.randomUUID() });
  const recorded = await api('POST', `/tickets/${ticket.id}/parts/outcome`, tech, {
    part_id: state.part.id, used: 1, returned_unused: 0, defective: 1,
  }, { 'idempotency-key': crypto.randomUUID() });
  ticket.owed = recorded.defective_parts[0];
  assert(ticket.owed && ticket.owed.status === 'owed', 'no old part is owed');
  return ticket;
}

/// Whether no part owed past due comes after one that is not, in the list shown.
async function overdueFirst(page) {
  const flags = await page.locator('#old-part-list tr.old-part').evaluateAll((rows) => rows.map((r) => r.dataset.overdue));
  const firstOnTime = flags.indexOf('false');
  return firstOnTime < 0 || !flags.slice(firstOnTime).includes('true');
}

/// Waits until the shipment page shows `status`.
async function statusIs(page, status) {
  await page.locator(`#rtv-status[data-status="${status}"]`).waitFor({ timeout: TIMEOUT });
}

/// Nothing outside the screen at 360 px but what scrolls in a table's own box.
async function fits(page, where) {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.waitForTimeout(300);
  const extra = await overflow(page);
  assert(extra <= 1, `${where}: the page is ${extra}px wider than the screen`);
  const outside = await page.evaluate(() => {
    const width = window.innerWidth;
    return [...document.querySelectorAll('main *')]
      .filter((el) => !el.closest('.table-wrap') && el.getClientRects().length > 0)
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.left < -1 || r.right > width + 1;
      })
      .map((el) => el.id || `${el.tagName}.${el.className}`);
  });
  assert(outside.length === 0, `${where}: outside the screen: ${outside.slice(0, 5).join(', ')}`);
  await page.setViewportSize({ width: 1200, height: 800 });
}

await run('old_parts', [
  {
    name: 'a compressor issued to a ticket of tech.hn01 and recorded with the old one taken out is owed back',
    async run() {
      const clerk = await tokenFor('clerk.hn01');
      const dispatcher = await tokenFor('dispatcher.hn01');
      const tech = await tokenFor('tech.hn01');
      state.keeper = await tokenFor('warehouse.hn01');
      const me = await api('GET', '/auth/me', clerk);
      const model = (await api('GET', '/product-models?limit=1', clerk)).items[0];
      assert(model, 'no product model in the demo data');
      const techs = await api('GET', `/users?role=technician&branch_id=${me.branch_id}`, dispatcher);
      state.tech = techs.items.find((u) => u.username === 'tech.hn01');
      assert(state.tech, 'tech.hn01 is not a technician of the branch');
      const parts = await api('GET', `/parts?q=${SKU}`, state.keeper);
      state.part = parts.items.find((p) => p.sku === SKU);
      assert(state.part, `${SKU} is not in the catalogue`);
      const warehouses = (await api('GET', '/warehouses?limit=200', state.keeper)).items;
      state.main = warehouses.find((w) => w.code === 'HN01-MAIN');
      const def = warehouses.find((w) => w.code === 'HN01-DEF');
      assert(state.main && def, 'HN01-MAIN or HN01-DEF is not in the keeper\'s scope');
      state.ticket = await owedPart(clerk, dispatcher, tech, me, model, 'a');
      state.owed = state.ticket.owed;
      state.scrapTicket = await owedPart(clerk, dispatcher, tech, me, model, 'b');
      await api('POST', `/defective-parts/${state.scrapTicket.owed.id}/receive`, state.keeper, { warehouse_id: def.id },
        { 'idempotency-key': crypto.randomUUID() });
      state.brand = await api('GET', `/brands/${state.part.brand_id}`, state.keeper);
    },
  },
  {
    name: 'warehouse.hn01 finds it owed by tech.hn01 on /old-parts, the overdue first and names not ids',
    async run(page, shot) {
      await signIn(page, 'warehouse.hn01');
      await page.locator('nav a[href="/old-parts"]').click();
      await page.locator('#old-parts-title').waitFor({ timeout: TIMEOUT });
      await page.locator('#old-parts-arrears-table tbody tr').first().waitFor({ timeout: TIMEOUT });
      await page.locator('#old-part-list tr.old-part').first().waitFor({ timeout: TIMEOUT });
      assert(await overdueFirst(page), 'a part not overdue is listed before an overdue one');
      await chooseBy(page, '#old-part-filter-status', 'value', 'owed');
      await page.waitForURL((url) => url.search.includes('status=owed'), { timeout: TIMEOUT });
      await chooseBy(page, '#old-part-filter-technician', 'value', state.tech.id);
      await page.waitForURL((url) => url.search.includes(`technician_id=${state.tech.id}`), { timeout: TIMEOUT });
      await page.locator(row()).waitFor({ timeout: TIMEOUT });
      assert(await overdueFirst(page), 'with the filters, a part not overdue is listed before an overdue one');
      const technicians = await page.locator('#old-part-list tr.old-part td.technician').allInnerTexts();
      assert(technicians.every((t) => t === state.tech.display_name), `other technicians listed: ${technicians}`);
      const text = await textOf(page, row());
      assert(text.includes(SKU) && text.includes(state.part.name), `the row does not name the part: ${text}`);
      assert(!/[0-9a-f]{8}-[0-9a-f]{4}-/.test(text), `the row shows an id: ${text}`);
      assert((await textOf(page, `${row()} .how-overdue`)).startsWith('Due in'), 'the due time is not in words');
      const link = await page.locator(`${row()} a[href="/tickets/${state.ticket.id}"]`).count();
      assert(link === 1, 'the ticket is not linked');
      await shot('en-owed');
    },
  },
  {
    name: 'handed in to HN01-DEF: the row shows it handed in and where, without a reload',
    async run(page, shot) {
      await page.evaluate(() => { window.__noReload = true; });
      await page.locator(`${row()} button.hand-in`).click();
      await page.locator('#old-part-action[data-kind="HandIn"]').waitFor({ timeout: TIMEOUT });
      await chooseBy(page, '#old-part-warehouse', 'data-code', 'HN01-DEF');
      await page.locator('#old-part-confirm').click();
      await page.locator(`${row()}[data-status="received"]`).waitFor({ timeout: TIMEOUT });
      await toast(page, 'Handed in.');
      assert((await textOf(page, `${row()} .old-part-status`)) === 'Handed in', 'the status does not read Handed in');
      assert((await textOf(page, `${row()} td.where`)).startsWith('HN01-DEF'), 'the warehouse is not shown');
      assert((await page.locator(`${row()} button.hand-in`).count()) === 0, 'it can still be handed in');
      assert((await page.locator('#old-part-action').count()) === 0, 'the panel is still open');
      const owed = await api('GET', `/defective-parts?technician_id=${state.tech.id}&status=received`, state.keeper);
      assert(owed.items.some((p) => p.id === state.owed.id), 'the API does not have it handed in');
      assert(await page.evaluate(() => window.__noReload === true), 'the page was reloaded');
      await shot('en-handed-in');
    },
  },
  {
    name: 'an old part handed in is scrapped with a reason (none is refused beside the field)',
    async run(page, shot) {
      const scrapRow = `#old-part-list tr.old-part[data-ticket="${state.scrapTicket.number}"]`;
      await chooseBy(page, '#old-part-filter-status', 'value', 'received');
      await page.locator(`${scrapRow}[data-status="received"]`).waitFor({ timeout: TIMEOUT });
      await page.locator(`${scrapRow} button.scrap`).click();
      await page.locator('#old-part-action[data-kind="Scrap"]').waitFor({ timeout: TIMEOUT });
      await page.locator('#old-part-confirm').click();
      const error = await textOf(page, '#old-part-reason-error');
      assert(error === 'Say why the part is scrapped.', `the reason error reads ${JSON.stringify(error)}`);
      assert((await page.locator('#old-part-reason').getAttribute('aria-invalid')) === 'true', 'not marked invalid');
      await shot('en-scrap-refused');
      await page.locator('#old-part-reason').fill('burnt beyond any claim');
      await page.locator('#old-part-confirm').click();
      await page.locator(`${scrapRow}[data-status="scrapped"]`).waitFor({ timeout: TIMEOUT });
      await toast(page, 'Scrapped.');
      assert((await textOf(page, `${scrapRow} .old-part-status`)) === 'Scrapped', 'the status does not read Scrapped');
      assert((await page.locator(`${scrapRow} button`).count()) === 0, 'an action is still offered');
    },
  },
  {
    name: 'a shipment with no parts is refused beside the list; packed with the part it is a draft',
    async run(page, shot) {
      await page.locator('nav a[href="/rtv-shipments"]').click();
      await page.locator('#rtv-create').waitFor({ timeout: TIMEOUT });
      await chooseBy(page, '#rtv-warehouse', 'data-code', 'HN01-DEF');
      await chooseBy(page, '#rtv-brand', 'value', state.brand.id);
      const mine = `#rtv-parts label.rtv-part[data-ticket="${state.ticket.number}"] input`;
      await page.locator(mine).waitFor({ timeout: TIMEOUT });
      await page.locator('#rtv-create-submit').click();
      const error = await textOf(page, '#rtv-parts-error');
      assert(error === 'Tick at least one old part to send.', `the parts error reads ${JSON.stringify(error)}`);
      assert((await page.locator('#rtv-parts').getAttribute('aria-invalid')) === 'true', 'the list is not marked invalid');
      await shot('en-refused');
      await page.locator(mine).check();
      await page.locator('#rtv-note').fill(`browser test ${stamp}`);
      await page.locator('#rtv-create-submit').click();
      await page.waitForURL((url) => /^\/rtv-shipments\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: TIMEOUT });
      await statusIs(page, 'draft');
      await toast(page, 'Shipment packed.');
      state.shipmentUrl = page.url();
      const line = `#rtv-parts-table tr[data-ticket="${state.ticket.number}"]`;
      assert((await textOf(page, line)).includes(state.tech.display_name), 'the technician is not named');
      assert((await textOf(page, '#rtv-brand-value')) === state.brand.name, 'the manufacturer is not named');
      assert((await textOf(page, '#rtv-warehouse-value')).startsWith('HN01-DEF'), 'the warehouse is not named');
    },
  },
  {
    name: 'shipped with the carrier reference (an empty one is refused beside the field), then acknowledged',
    async run(page, shot) {
      await page.evaluate(() => { window.__noReload = true; });
      await page.locator('#rtv-ship #rtv-step-submit').click();
      assert((await textOf(page, '#rtv-reference-error')) === 'Write the reference.', 'no words beside the reference');
      await page.locator('#rtv-reference').fill(`RMA-${stamp}`);
      await page.locator('#rtv-ship #rtv-step-submit').click();
      await statusIs(page, 'shipped');
      await toast(page, 'Shipped.');
      assert((await textOf(page, '#rtv-ship-ref')) === `RMA-${stamp}`, 'the shipping reference is not shown');
      assert((await textOf(page, '#rtv-status')) === 'Shipped', 'the status does not read Shipped');
      await page.locator('#rtv-acknowledge').waitFor({ timeout: TIMEOUT });
      await page.locator('#rtv-reference').fill(`CN-${stamp}`);
      await page.locator('#rtv-acknowledge #rtv-step-submit').click();
      await statusIs(page, 'acknowledged');
      await toast(page, 'Acknowledged.');
      assert((await textOf(page, '#rtv-ack-ref')) === `CN-${stamp}`, 'the acknowledgement is not shown');
      const line = `#rtv-parts-table tr[data-ticket="${state.ticket.number}"]`;
      await page.locator(`${line}[data-status="written_off"]`).waitFor({ timeout: TIMEOUT });
      assert((await page.locator('form.rtv-step').count()) === 0, 'a step is still offered');
      assert(await page.evaluate(() => window.__noReload === true), 'the page was reloaded');
      await shot('en-acknowledged');
      await page.locator('#rtv-back').click();
      const listed = `#rtv-list tr.rtv-shipment[data-status="acknowledged"] a[href="${new URL(state.shipmentUrl).pathname}"]`;
      await page.locator(listed).waitFor({ timeout: TIMEOUT });
    },
  },
  {
    name: 'Persian and Chinese: both screens in words, right to left in Persian; nothing scrolls sideways at 360 px',
    async run(page, shot) {
      await page.goto(`${BASE_URL}/old-parts?technician_id=${state.tech.id}`);
      await page.locator(row()).waitFor({ timeout: TIMEOUT });
      await switchTo(page, 'fa');
      assert((await textOf(page, '#old-parts-title')) === 'قطعات معیوبِ بدهکار', 'the title is not in Persian');
      assert(persianDigits(await textOf(page, `${row()} td.num`)), 'the quantity is not in Persian digits');
      await shot('fa');
      await fits(page, '/old-parts in Persian');
      await page.goto(state.shipmentUrl);
      await statusIs(page, 'acknowledged');
      assert((await textOf(page, '#rtv-status')) === 'تأییدشده', 'the status is not in Persian');
      await shot('rtv-fa');
      await fits(page, 'the shipment in Persian');
      await page.setViewportSize({ width: 360, height: 740 });
      await shot('rtv-fa-360');
      await page.setViewportSize({ width: 1200, height: 800 });
      await switchTo(page, 'zh');
      assert((await textOf(page, '#rtv-status')) === '厂家已确认', 'the status is not in Chinese');
      await shot('rtv-zh');
      await page.goto(`${BASE_URL}/rtv-shipments`);
      await page.locator('#rtv-list tr.rtv-shipment').first().waitFor({ timeout: TIMEOUT });
      await fits(page, '/rtv-shipments in Chinese');
      await page.goto(`${BASE_URL}/old-parts`);
      await page.locator('#old-part-list tr.old-part').first().waitFor({ timeout: TIMEOUT });
      assert((await textOf(page, '#old-parts-title')) === '待交回旧件', 'the title is not in Chinese');
      await shot('zh');
      await fits(page, '/old-parts in Chinese');
      await page.setViewportSize({ width: 360, height: 740 });
      await shot('zh-360');
      await page.setViewportSize({ width: 1200, height: 800 });
      await switchTo(page, 'en');
    },
  },
]);
