// The serial registry's write screens and the warranty cards page in headless
// Chromium: a clerk registers a new unit in the page (a duplicate serial is
// answered beside the field), edits a fact (and meets a conflict when someone
// changed the unit meanwhile), hands the unit to a new owner and records a
// component swap; a manager adds a contract, issues a batch of cards and sees its
// numbers laid out to print, activates one card on the new unit (which then shows
// the card and its coverage) and voids another; an unknown card number and an
// unknown serial are answered in words beside their fields; the new screens in
// Persian and Chinese, and at 360 px.
//
//   BASE_URL=http://127.0.0.1:8102 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/registry.test.mjs

import {
  BASE_URL, TIMEOUT, api, assert, chooseBy, overflow, run, signIn, signOut, switchTo, textOf, tokenFor,
} from './harness.mjs';

const CLERK = 'clerk.hn01';
const MANAGER = 'manager.hn';
const MODEL_SKU = 'FTKB25WVMV';
const DIGITS = String(Date.now()).slice(-6);
const SERIAL = `RG7-${DIGITS}`;
const PREFIX = `RG${DIGITS}`;
const SELLER = `Điện Máy ${DIGITS}`;
const CONTRACT = `EW-${DIGITS}`;
const NEW_PART = `CMP-N-${DIGITS}`;
const names = { first: `First owner ${DIGITS}`, second: `Second owner ${DIGITS}` };
const iso = (daysAgo) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

let unit = null;
let numbers = [];

async function customer(token, branchId, name, phone) {
  return api('POST', '/customers', token, { branch_id: branchId, kind: 'individual', name, phones: [{ number: phone }] });
}

/// Opens the unit's page by its serial and waits for it.
async function openUnit(page) {
  await page.goto(`${BASE_URL}/serials?serial=${encodeURIComponent(SERIAL)}`);
  await page.locator('#serial-number').waitFor({ state: 'visible', timeout: TIMEOUT });
}

async function pickCustomer(page, prefix, name) {
  await page.locator(`#${prefix}-q`).fill(name);
  await page.locator(`#${prefix}-find`).click();
  const choice = page.locator(`#${prefix}-results .registry-customer-choice`, { hasText: name }).first();
  await choice.waitFor({ state: 'visible', timeout: TIMEOUT });
  await choice.click();
  await page.locator(`#${prefix}-chosen`, { hasText: name }).waitFor({ timeout: TIMEOUT });
}

async function lookUpCard(page, number) {
  await page.locator('#cards-number').fill(number);
  await page.locator('#cards-lookup-submit').click();
}

const tests = [
  {
    name: 'two customers of the clerk\'s branch exist (through the API)',
    async run() {
      const login = await api('POST', '/auth/login', null, { username: CLERK, password: 'demo-password' });
      const branch = login.user.branch_id;
      await customer(login.access_token, branch, names.first, `0913 ${DIGITS.slice(0, 3)} ${DIGITS.slice(3)}`);
      await customer(login.access_token, branch, names.second, `0914 ${DIGITS.slice(0, 3)} ${DIGITS.slice(3)}`);
    },
  },
  {
    name: 'the clerk registers a sold unit in the page and its page shows it',
    async run(page, shot) {
      await signIn(page, CLERK);
      await page.locator('nav a[href="/serials"]').click();
      await page.locator('#serials-new').click();
      await page.waitForURL((url) => url.pathname === '/serials/new', { timeout: TIMEOUT });
      await chooseBy(page, '#serial-new-brand', 'data-code', 'DAIKIN');
      await chooseBy(page, '#serial-new-model', 'data-sku', MODEL_SKU);
      await page.locator('#serial-new-serial').fill(SERIAL);
      await page.locator('#facts-sale-date').fill(iso(30));
      await page.locator('#facts-sale-document').fill(`INV-${DIGITS}`);
      await pickCustomer(page, 'serial-new-owner', names.first);
      await shot('register');
      await page.locator('#serial-new-submit').click();
      await page.waitForURL((url) => url.pathname === '/serials' && url.searchParams.get('serial') === SERIAL, { timeout: TIMEOUT });
      assert((await textOf(page, '#serial-number')) === SERIAL, 'the new unit is not shown');
      await page.waitForFunction((n) => document.querySelector('#serial-owner')?.textContent.includes(n), names.first, { timeout: TIMEOUT });
      assert((await page.locator('#serial-sale-date').getAttribute('datetime')) === iso(30), 'the sale date is not the one typed');
      const token = await tokenFor(CLERK);
      [unit] = (await api('GET', `/serials?serial=${encodeURIComponent(SERIAL)}`, token)).items;
      assert(unit, 'the unit is not in the registry');
    },
  },
  {
    name: 'registering the same serial again is answered beside the serial field',
    async run(page) {
      await page.goto(`${BASE_URL}/serials/new`);
      await chooseBy(page, '#serial-new-brand', 'data-code', 'DAIKIN');
      await chooseBy(page, '#serial-new-model', 'data-sku', 'FTKB35WVMV');
      await page.locator('#serial-new-serial').fill(SERIAL.toLowerCase().replace('-', ' '));
      await page.locator('#serial-new-submit').click();
      const error = await textOf(page, '#serial-new-serial-error');
      assert(/already has a unit with this serial/.test(error), `the serial's error reads ${JSON.stringify(error)}`);
      assert(new URL(page.url()).pathname === '/serials/new', 'the form was left');
    },
  },
  {
    name: 'the clerk edits a fact; a change made meanwhile is explained and the fresh facts shown',
    async run(page, shot) {
      await openUnit(page);
      await page.locator('#serial-edit').click();
      await page.locator('#facts-seller').fill(SELLER);
      await page.locator('#serial-edit-submit').click();
      await page.locator('#serial-seller', { hasText: SELLER }).waitFor({ timeout: TIMEOUT });
      // Someone else records the installation while the clerk has the form open.
      await page.locator('#serial-edit').click();
      await page.locator('#facts-lot').fill(`LOT-${DIGITS}`);
      const token = await tokenFor(CLERK);
      await api('PATCH', `/serials/${unit.id}`, token, { installation_address: `12 Trần Duy Hưng ${DIGITS}` });
      await page.locator('#serial-edit-submit').click();
      const conflict = await textOf(page, '#serial-edit-conflict');
      assert(/changed this unit/.test(conflict), `the conflict reads ${JSON.stringify(conflict)}`);
      const address = await page.locator('#facts-installation-address').inputValue();
      assert(address === `12 Trần Duy Hưng ${DIGITS}`, `the form shows ${JSON.stringify(address)}, not the fresh address`);
      await shot('conflict');
      await page.locator('#facts-lot').fill(`LOT-${DIGITS}`);
      await page.locator('#serial-edit-submit').click();
      await page.locator('#serial-lot', { hasText: `LOT-${DIGITS}` }).waitFor({ timeout: TIMEOUT });
      await page.locator('#serial-address', { hasText: DIGITS }).waitFor({ timeout: TIMEOUT });
    },
  },
  {
    name: 'the clerk hands the unit to a new owner',
    async run(page) {
      await page.locator('#serial-change-owner').click();
      await page.locator('#serial-owner-submit').click();
      const missing = await textOf(page, '#serial-owner-customer-error');
      assert(/choose the customer/i.test(missing), `no customer reads ${JSON.stringify(missing)}`);
      await pickCustomer(page, 'serial-owner-customer', names.second);
      await page.locator('#serial-owner-submit').click();
      await page.waitForFunction((n) => document.querySelector('#serial-owner')?.textContent.includes(n), names.second, { timeout: TIMEOUT });
      const owners = await page.locator('#serial-owners li').count();
      assert(owners === 2, `${owners} owners listed`);
      await page.locator('#serial-owners', { hasText: names.first }).waitFor({ timeout: TIMEOUT });
      await page.locator('#serial-owners', { hasText: names.second }).waitFor({ timeout: TIMEOUT });
    },
  },
  {
    name: 'the clerk records a component swap; a contract is not offered to a clerk',
    async run(page) {
      assert((await page.locator('#serial-add-contract').count()) === 0, 'a clerk is offered to add a contract');
      await page.locator('#serial-record-swap').click();
      await page.locator('#serial-swap-component option[value="compressor"]').waitFor({ state: 'attached', timeout: TIMEOUT });
      await page.locator('#serial-swap-component').selectOption('compressor');
      await page.locator('#serial-swap-old').fill(`CMP-O-${DIGITS}`);
      await page.locator('#serial-swap-new').fill(NEW_PART);
      await page.locator('#serial-swap-reference').fill(`RO-${DIGITS}`);
      await page.locator('#serial-swap-days').fill('90');
      await page.locator('#serial-swap-submit').click();
      await page.locator('#serial-swaps', { hasText: NEW_PART }).waitFor({ timeout: TIMEOUT });
      const kinds = await page.locator('#serial-history li').evaluateAll((lis) => lis.map((li) => li.dataset.kind));
      for (const kind of ['registered', 'sale_recorded', 'owner_changed', 'component_swapped']) {
        assert(kinds.includes(kind), `history kinds ${JSON.stringify(kinds)} lack ${kind}`);
      }
    },
  },
  {
    name: 'the unit lists its tickets with links to them',
    async run(page) {
      const token = await tokenFor(CLERK);
      const me = await api('GET', '/auth/me', token);
      const ticket = await api('POST', '/tickets', token, {
        branch_id: me.branch_id,
        kind: 'repair',
        channel: 'counter',
        customer_id: unit.owner_customer_id,
        unit: { serial_id: unit.id },
        fault_description: 'browser test of the serial registry',
      });
      await openUnit(page);
      const link = page.locator(`#serial-tickets li[data-number="${ticket.number}"] a`);
      await link.waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await link.getAttribute('href')) === `/tickets/${ticket.id}`, 'the ticket does not link to its page');
    },
  },
  {
    name: 'a manager adds a contract to the unit',
    async run(page) {
      await signOut(page);
      await signIn(page, MANAGER);
      await openUnit(page);
      await page.locator('#serial-add-contract').click();
      await page.locator('#serial-contract-reference').fill(CONTRACT);
      await page.locator('#serial-contract-starts').fill(iso(-700));
      await page.locator('#serial-contract-ends').fill(iso(-340));
      await page.locator('#serial-contract-submit').click();
      const wrong = await textOf(page, '#serial-contract-ends-error');
      assert(/ends before it starts/.test(wrong), `the end date's error reads ${JSON.stringify(wrong)}`);
      await page.locator('#serial-contract-ends').fill(iso(-1065));
      await page.locator('#serial-contract-submit').click();
      await page.locator('#serial-contracts', { hasText: CONTRACT }).waitFor({ timeout: TIMEOUT });
    },
  },
  {
    name: 'the manager issues a batch of cards in the page and its numbers are shown to print',
    async run(page, shot) {
      await page.locator('nav a[href="/warranty-cards"]').click();
      await page.waitForURL((url) => url.pathname === '/warranty-cards', { timeout: TIMEOUT });
      await page.locator('#cards-new-batch').click();
      await chooseBy(page, '#cards-batch-brand', 'data-code', 'DAIKIN');
      await page.locator('#cards-batch-prefix').fill('rg-1');
      await page.locator('#cards-batch-count').fill('5');
      await page.locator('#cards-batch-submit').click();
      const prefixError = await textOf(page, '#cards-batch-prefix-error');
      assert(/capital letters or digits/.test(prefixError), `the prefix error reads ${JSON.stringify(prefixError)}`);
      await page.locator('#cards-batch-prefix').fill(PREFIX);
      await page.locator('#cards-batch-note').fill(`Printed for the browser test ${DIGITS}`);
      await page.locator('#cards-batch-submit').click();
      await page.waitForURL((url) => url.pathname.startsWith('/warranty-cards/batches/'), { timeout: TIMEOUT });
      await page.locator('#card-numbers li').first().waitFor({ state: 'visible', timeout: TIMEOUT });
      numbers = await page.locator('#card-numbers li').allInnerTexts();
      numbers = numbers.map((n) => n.trim());
      assert(numbers.length === 5, `${numbers.length} numbers shown`);
      assert(numbers.every((n) => n.startsWith(PREFIX) && n.length === PREFIX.length + 9), `numbers ${JSON.stringify(numbers)}`);
      const token = await tokenFor(MANAGER);
      for (const n of numbers) await api('GET', `/warranty-cards/${n}`, token);
      await page.evaluate(() => {
        window.printed = 0;
        window.print = () => { window.printed += 1; };
      });
      await page.locator('#cards-print').click();
      assert((await page.evaluate(() => window.printed)) === 1, 'Print did not open the print dialog');
      await page.emulateMedia({ media: 'print' });
      assert(!(await page.locator('.header').isVisible()), 'the app header is printed');
      await shot('print');
      await page.emulateMedia({ media: 'screen' });
      await page.goto(`${BASE_URL}/warranty-cards`);
      await page.locator(`#cards-batches tr[data-prefix="${PREFIX}"]`).waitFor({ timeout: TIMEOUT });
    },
  },
  {
    name: 'an unknown card number is answered beside the field',
    async run(page) {
      const first = numbers[0];
      const wrong = first.slice(0, -1) + String((Number(first.slice(-1)) + 1) % 10);
      await lookUpCard(page, wrong);
      const error = await textOf(page, '#cards-number-error');
      assert(/No warranty card has this number/.test(error), `the error reads ${JSON.stringify(error)}`);
      assert((await page.locator('#card-view').count()) === 0, 'a card is shown');
    },
  },
  {
    name: 'a card is activated on the new unit, which then shows the card and its coverage',
    async run(page, shot) {
      await lookUpCard(page, numbers[0].toLowerCase());
      await page.locator('#card-view[data-status="issued"]').waitFor({ timeout: TIMEOUT });
      await page.locator('#card-activate-serial').fill(`NOPE-${DIGITS}`);
      await page.locator('#card-activate-submit').click();
      const unknown = await textOf(page, '#card-activate-serial-error');
      assert(/No unit of the card's brand has this serial/.test(unknown), `the serial error reads ${JSON.stringify(unknown)}`);
      await page.locator('#card-activate-serial').fill(SERIAL.toLowerCase());
      await page.locator('#card-activate-on').fill(iso(20));
      await page.locator('#card-activate-submit').click();
      await page.locator('#card-view[data-status="activated"]').waitFor({ timeout: TIMEOUT });
      await page.locator('#card-unit', { hasText: SERIAL }).waitFor({ timeout: TIMEOUT });
      await shot('activated');
      await page.locator('#card-unit').click();
      await page.waitForURL((url) => url.pathname === '/serials', { timeout: TIMEOUT });
      await page.locator('#serial-card', { hasText: numbers[0] }).waitFor({ timeout: TIMEOUT });
      await page.locator('#serial-history li[data-kind="card_activated"]').waitFor({ timeout: TIMEOUT });
      const warranty = page.locator('#serial-warranty');
      await warranty.waitFor({ state: 'visible', timeout: TIMEOUT });
      const state = await warranty.getAttribute('data-state');
      assert(['covered', 'partial'].includes(state || ''), `the unit's warranty is ${state}`);
    },
  },
  {
    name: 'another card is voided with a reason',
    async run(page) {
      await page.goto(`${BASE_URL}/warranty-cards?card=${numbers[1]}`);
      await page.locator('#card-view[data-status="issued"]').waitFor({ timeout: TIMEOUT });
      await page.locator('#card-void-submit').click();
      const why = await textOf(page, '#card-void-reason-error');
      assert(/why/.test(why), `the reason's error reads ${JSON.stringify(why)}`);
      await page.locator('#card-void-reason').fill('Damaged in printing');
      await page.locator('#card-void-submit').click();
      await page.locator('#card-view[data-status="void"]').waitFor({ timeout: TIMEOUT });
      assert((await page.locator('#card-activate-form').count()) === 0, 'a void card can still be activated');
    },
  },
  {
    name: 'Persian and Chinese: the new screens read right to left and in Chinese, nothing scrolls sideways at 360 px',
    async run(page, shot) {
      for (const [code, check] of [['fa', /[\u0600-\u06ff]/], ['zh', /[\u4e00-\u9fff]/]]) {
        await page.setViewportSize({ width: 1200, height: 800 });
        await page.goto(`${BASE_URL}/warranty-cards?card=${numbers[2]}`);
        await switchTo(page, code);
        await page.locator('#card-view[data-status="issued"]').waitFor({ timeout: TIMEOUT });
        const title = await textOf(page, '#cards-title');
        assert(check.test(title), `the ${code} title reads ${JSON.stringify(title)}`);
        await shot(`cards-${code}`);
        await openUnit(page);
        await page.locator('#serial-edit').click();
        await page.locator('#serial-edit-form').waitFor({ timeout: TIMEOUT });
        await shot(code);
        await page.goto(`${BASE_URL}/serials/new`);
        await page.locator('#serial-new-form').waitFor({ timeout: TIMEOUT });
        await shot(`register-${code}`);
        await page.setViewportSize({ width: 360, height: 740 });
        for (const path of ['/serials/new', `/serials?serial=${encodeURIComponent(SERIAL)}`, `/warranty-cards?card=${numbers[2]}`]) {
          await page.goto(`${BASE_URL}${path}`);
          await page.locator('#serial-new-form, #serial-number, #card-view').first().waitFor({ timeout: TIMEOUT });
          await page.waitForTimeout(300);
          const extra = await overflow(page);
          assert(extra <= 1, `${path} in ${code} is ${extra}px wider than the screen`);
        }
        await shot(`${code}-360`);
      }
      await page.setViewportSize({ width: 1200, height: 800 });
      await switchTo(page, 'en');
    },
  },
];

await run('registry', tests);
