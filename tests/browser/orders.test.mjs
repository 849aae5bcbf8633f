// E-commerce orders in headless Chromium: the administrator takes in a delivered
// order of an e-commerce platform (made through the API: the demo data has none)
// for a new buyer, with one unit of FTKB25WVMV by its serial; a missing order
// number is said beside its field. The order shows in the list; its page shows
// the unit's serial and its installation ticket. The buyer asks for an exchange:
// the return shows with its ticket; deciding it as an exchange needs the serial of
// the unit given instead, then keeps the returned unit in HN01-RET and the order
// reads "Exchanged". The returned unit is listed in that warehouse; the ticket's
// timeline and the new unit's history word what happened. A clerk sees the order
// but cannot choose a platform (only administrators list partners). An order sent
// confirmed without its serial is moved to shipped with the serial typed for its
// line, then to delivered on a day typed in. In Persian the
// status is worded and the days are in Persian digits. Plain Node with the shared
// tests/browser/harness.mjs:
//
//   BASE_URL=http://127.0.0.1:8216 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/orders.test.mjs
//
// Screenshots land in tests/browser/screenshots/orders-*.png.

import {
  BASE_URL, TIMEOUT, api, assert, chooseBy, persianDigits, run, signIn, signOut, switchTo, textOf, toast, tokenFor,
} from './harness.mjs';

const STAMP = Date.now().toString(36).toUpperCase();
const DIGITS = String(Date.now()).slice(-8);
const PARTNER = `EC-${STAMP}`;
const REFERENCE = `SHOP-${STAMP}`;
const LATER = `LATER-${STAMP}`;
const LATER_SERIAL = `LAT${STAMP}`;
const SERIAL = `ORD${STAMP}`;
const EXCHANGE_SERIAL = `EXC${STAMP}`;
const MODEL_SKU = 'FTKB25WVMV';
const RETURNS_WAREHOUSE = 'HN01-RET';
const state = {};

const LINE = 'tr.order-line[data-line="1"]';
const RETURN = '#order-returns article.order-return[data-kind="exchange"]';

/// Waits until a link's text is read from the API (it shows `…` until then).
async function linkText(page, selector) {
  await page.waitForFunction((s) => {
    const a = document.querySelector(s);
    return a && a.innerText.trim() && !a.innerText.includes('…');
  }, selector, { timeout: TIMEOUT });
  return textOf(page, selector);
}

await run('orders', [
  {
    name: 'before: an e-commerce platform of HN01, and the returns warehouse HN01-RET',
    async run() {
      const admin = await tokenFor('admin');
      const branches = await api('GET', '/branches?limit=200', admin);
      const hn01 = branches.items.find((b) => b.code === 'HN01');
      assert(hn01, 'no branch HN01 in the demo data');
      const partner = await api('POST', '/partners', admin, {
        branch_id: hn01.id, code: PARTNER, name: `Shop ${STAMP}`, kind: 'ecommerce_platform',
      });
      const warehouses = await api('GET', '/warehouses?limit=200', admin);
      const returns = warehouses.items.find((w) => w.code === RETURNS_WAREHOUSE);
      assert(returns && returns.kind === 'returns', `no returns warehouse ${RETURNS_WAREHOUSE} in the demo data`);
      Object.assign(state, { partner });
    },
  },
  {
    name: 'the admin takes in a delivered order; a missing order number is said beside its field',
    async run(page, shot) {
      await signIn(page, 'admin');
      await page.locator('nav a[href="/orders"]').click();
      await page.locator('#orders-title').waitFor({ timeout: TIMEOUT });
      await page.locator('#order-new').click();
      await chooseBy(page, '#order-partner', 'data-code', PARTNER);
      await page.locator('#order-initial-status').selectOption('delivered');
      await page.locator('#order-delivered-on').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.locator('#order-buyer-name').fill(`Buyer ${STAMP}`);
      await page.locator('#order-buyer-phone').fill(`09${DIGITS}`);
      await page.locator('#order-address').fill('12 Phố Huế, Hai Bà Trưng, Hà Nội');
      await chooseBy(page, '#order-line-model-1', 'data-sku', MODEL_SKU);
      await page.locator('#order-line-serial-1').fill(SERIAL);
      await page.locator('#order-submit').click();
      const error = await textOf(page, '#order-reference-error');
      assert(error.includes("platform's order number"), `the order number's error reads ${JSON.stringify(error)}`);
      assert((await page.locator('#order-line-serial-1').inputValue()) === SERIAL, 'the serial typed was lost');
      await page.locator('#order-reference').fill(REFERENCE);
      await shot('form');
      await page.locator('#order-submit').click();
      await toast(page, `Order ${REFERENCE} taken in.`);
      await page.waitForURL((url) => /^\/orders\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: TIMEOUT });
      state.orderId = new URL(page.url()).pathname.split('/').pop();
      assert((await textOf(page, '#order-reference')) === REFERENCE, 'the order page does not show its number');
    },
  },
  {
    name: 'the order is listed, and its page shows the unit with its serial and installation ticket',
    async run(page, shot) {
      await page.goto(`${BASE_URL}/orders`);
      const row = `#orders-list tr.order-row[data-reference="${REFERENCE}"]`;
      await page.locator(row).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await textOf(page, `${row} .status`)) === 'Delivered', 'the list does not word the status');
      assert((await textOf(page, `${row} .platform`)) === `Shop ${STAMP}`, 'the list does not name the platform');
      assert((await textOf(page, `${row} .customer`)) === `Buyer ${STAMP}`, 'the list does not name the buyer');
      await page.locator(`${row} a`).click();
      await page.locator('#order-status[data-status="delivered"]').waitFor({ timeout: TIMEOUT });
      assert((await textOf(page, `${LINE} a.order-line-serial`)) === SERIAL, 'the line does not show its serial');
      const serialHref = await page.locator(`${LINE} a.order-line-serial`).getAttribute('href');
      assert(serialHref === `/serials?serial=${SERIAL}`, `the serial links to ${serialHref}`);
      const ticket = await linkText(page, `${LINE} a.order-line-ticket`);
      assert(/\d/.test(ticket), `the installation ticket reads ${ticket}`);
      const href = await page.locator(`${LINE} a.order-line-ticket`).getAttribute('href');
      assert(/^\/tickets\/[0-9a-f-]{36}$/.test(href), `the installation ticket links to ${href}`);
      assert((await textOf(page, '#order-customer')).includes(`Buyer ${STAMP}`), 'the buyer is not named');
      assert((await textOf(page, '#order-history')).includes('Taken in as Delivered'), 'the history is not worded');
      await shot('order');
    },
  },
  {
    name: 'the buyer asks for an exchange of line 1: the return shows with its ticket',
    async run(page) {
      await page.locator(`${LINE} .order-line-return`).click();
      await page.locator('#order-return-kind').selectOption('exchange');
      await page.locator('#order-return-submit').click();
      assert((await textOf(page, '#order-return-reason-error')).includes('why'), 'a missing reason is not said');
      await page.locator('#order-return-reason').fill('Does not cool');
      await page.locator('#order-return-submit').click();
      await toast(page, 'Return ticket opened.');
      await page.locator(RETURN).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await textOf(page, `${RETURN} .order-return-reason`)) === 'Does not cool', 'the reason is not shown');
      assert((await textOf(page, `${RETURN} .order-return-waiting`)).includes('Waiting for a decision'), 'not waiting');
      const ticket = await linkText(page, `${RETURN} a.order-return-ticket`);
      assert(/\d/.test(ticket), `the return ticket reads ${ticket}`);
      state.returnTicket = await page.locator(`${RETURN} a.order-return-ticket`).getAttribute('href');
      assert((await textOf(page, '#order-status')) === 'Exchange requested', 'the order does not read exchange requested');
      assert((await page.locator(`${LINE} .order-line-return`).count()) === 0, 'a second return is offered for the line');
    },
  },
  {
    name: 'decided as an exchange into HN01-RET with a new serial, the order reads Exchanged',
    async run(page, shot) {
      await page.locator(`${RETURN} .order-return-decide`).click();
      await page.locator('#order-decide-outcome').selectOption('exchange');
      await chooseBy(page, '#order-decide-warehouse', 'data-code', RETURNS_WAREHOUSE);
      await page.locator('#order-decide-submit').click();
      assert((await textOf(page, '#order-decide-serial-error')).includes('Enter the serial'), 'a missing serial is not said');
      await page.locator('#order-decide-serial').fill(EXCHANGE_SERIAL);
      await page.locator('#order-decide-note').fill('Compressor noise confirmed');
      await page.locator('#order-decide-submit').click();
      await toast(page, 'Decision recorded: Exchange.');
      await page.locator(`${RETURN}[data-outcome="exchange"]`).waitFor({ timeout: TIMEOUT });
      assert((await textOf(page, '#order-status')) === 'Exchanged', 'the order does not read exchanged');
      assert((await textOf(page, `${RETURN} .order-return-outcome`)).startsWith('Exchange'), 'the outcome is not worded');
      assert((await textOf(page, `${RETURN} .order-return-warehouse`)).startsWith(RETURNS_WAREHOUSE), 'no warehouse');
      assert((await linkText(page, `${RETURN} a.order-return-exchange-serial`)) === EXCHANGE_SERIAL, 'no exchange unit');
      assert((await textOf(page, `${RETURN} .order-return-note`)) === 'Compressor noise confirmed', 'no note');
      assert((await textOf(page, `${LINE} a.order-line-serial`)) === EXCHANGE_SERIAL, 'the line keeps the old unit');
      assert((await page.locator(`${RETURN} .order-return-decide`).count()) === 0, 'a decided return can be decided');
      await shot('decided');
    },
  },
  {
    name: 'the returned unit is listed in HN01-RET; the ticket and the new unit word what happened',
    async run(page) {
      await page.goto(`${BASE_URL}/orders`);
      await chooseBy(page, '#returned-warehouse', 'data-code', RETURNS_WAREHOUSE);
      const row = `#returned-list tr.returned-unit[data-order="${state.orderId}"]`;
      await page.locator(row).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await linkText(page, `${row} a.returned-serial`)) === SERIAL, 'the returned unit is not named');
      assert((await linkText(page, `${row} a.returned-order`)) === REFERENCE, 'the order is not named');
      await page.goto(`${BASE_URL}${state.returnTicket}`);
      const decided = '#ticket-timeline-list li[data-kind="return_decided"] .event-what';
      assert((await textOf(page, decided)) === 'Return decided: Exchange', 'the decision is not worded on the ticket');
      await page.locator('#ticket-timeline-list li[data-kind="return_requested"]').waitFor({ timeout: TIMEOUT });
      await page.goto(`${BASE_URL}/serials?serial=${EXCHANGE_SERIAL}`);
      const given = '#serial-history li[data-kind="exchange_unit"]';
      assert((await textOf(page, given)).includes('Given to the buyer in exchange'), 'the exchange is not worded');
      assert((await textOf(page, `${given} a.exchange-other`)) === SERIAL, 'the replaced unit is not linked');
    },
  },
  {
    name: 'a confirmed order is shipped with the serial typed for its line, then delivered',
    async run(page) {
      const admin = await tokenFor('admin');
      const model = (await api('GET', `/product-models?q=${MODEL_SKU}`, admin)).items.find((m) => m.sku === MODEL_SKU);
      const order = await api('POST', '/orders', admin, {
        partner_id: state.partner.id, external_reference: LATER, status: 'confirmed',
        ordered_on: new Date().toISOString().slice(0, 10),
        customer: { kind: 'individual', name: `Later buyer ${STAMP}`, phones: [{ number: `08${DIGITS}` }] },
        lines: [{ model_id: model.id }],
      });
      await page.goto(`${BASE_URL}/orders/${order.id}`);
      await page.locator('#order-status[data-status="confirmed"]').waitFor({ timeout: TIMEOUT });
      assert((await textOf(page, `${LINE} td:nth-child(3)`)) === 'Serial not known yet', 'the missing serial is not said');
      const offered = await page.locator('#order-next-status option').evaluateAll((os) => os.map((o) => o.value));
      assert(offered.join(',') === 'shipped,cancellation_requested,cancelled', `the statuses offered are ${offered}`);
      await page.locator('#order-next-status').selectOption('shipped');
      await page.locator('#order-status-serial-1').fill(LATER_SERIAL);
      await page.locator('#order-status-submit').click();
      await toast(page, `Order ${LATER} is now Shipped.`);
      await page.locator('#order-status[data-status="shipped"]').waitFor({ timeout: TIMEOUT });
      assert((await textOf(page, `${LINE} a.order-line-serial`)) === LATER_SERIAL, 'the serial typed is not on the line');
      await page.locator('#order-next-status').selectOption('delivered');
      await page.locator('#order-status-delivered-on').fill('');
      await page.locator('#order-status-submit').click();
      assert((await textOf(page, '#order-status-delivered-on-error')).includes('Write the day'), 'a missing day is not said');
      await page.locator('#order-status-delivered-on').fill(new Date().toISOString().slice(0, 10));
      await page.locator('#order-status-note').fill('Courier confirmed by phone');
      await page.locator('#order-status-submit').click();
      await page.locator('#order-status[data-status="delivered"]').waitFor({ timeout: TIMEOUT });
      assert((await textOf(page, '#order-history')).includes('Courier confirmed by phone'), 'the note is not in the history');
      assert((await page.locator(`${LINE} .order-line-return`).count()) === 1, 'no return is offered once delivered');
    },
  },
  {
    name: 'a clerk of HN01 sees the order but cannot choose a platform for a new one',
    async run(page) {
      await signOut(page);
      await signIn(page, 'clerk.hn01');
      await page.locator('nav a[href="/orders"]').click();
      const row = `#orders-list tr.order-row[data-reference="${REFERENCE}"]`;
      await page.locator(row).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await textOf(page, `${row} .status`)) === 'Exchanged', 'the clerk does not see the status');
      await page.locator('#order-new').click();
      assert((await textOf(page, '#order-no-sellers')).includes('Only administrators'), 'the clerk is not told why');
      await page.locator('#order-cancel').click();
      await signOut(page);
    },
  },
  {
    name: 'in Persian the status is worded and the days are in Persian digits',
    async run(page, shot) {
      await signIn(page, 'admin');
      await page.goto(`${BASE_URL}/orders/${state.orderId}`);
      await page.locator('#order-status[data-status="exchanged"]').waitFor({ timeout: TIMEOUT });
      await switchTo(page, 'fa');
      const status = await textOf(page, '#order-status');
      assert(status === 'تعویض‌شده', `the status reads ${status}`);
      const ordered = await textOf(page, '#order-ordered-on');
      assert(persianDigits(ordered), `the order day reads ${ordered}`);
      assert((await textOf(page, `${RETURN} .order-return-outcome`)).startsWith('تعویض'), 'the outcome is not in Persian');
      assert((await textOf(page, 'nav a[href="/orders"]')) === 'سفارش‌ها', 'the navigation is not in Persian');
      await shot('order-fa');
      await switchTo(page, 'en');
    },
  },
]);
