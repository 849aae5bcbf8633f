// The session running out in the middle of work, in headless Chromium: the page
// stays with what was typed, a dialog asks for the password again, and the work
// goes on after it; a wrong password is said so in the dialog.
//
//   BASE_URL=http://127.0.0.1:8099 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/session.test.mjs

import { run, assert, signIn, switchTo, chooseBy, textOf, PASSWORD, TIMEOUT, BASE_URL } from './harness.mjs';

const SKU = 'DK-CMP-FTKB';
const REASON = `delivery note ${Date.now()}`;

/// Spoils the stored tokens, as if they had run out and the refresh token was spent.
async function spoilTokens(page) {
  await page.evaluate(() => {
    const key = 'aftersales.session';
    const stored = JSON.parse(localStorage.getItem(key));
    stored.access_token = 'expired';
    stored.refresh_token = 'spent';
    localStorage.setItem(key, JSON.stringify(stored));
  });
}

const tests = [
  {
    name: 'a receipt sent after the session ran out opens the sign-in dialog over the filled form',
    async run(page, shot) {
      await signIn(page, 'warehouse.hn01');
      await page.goto(`${BASE_URL}/stock`);
      await chooseBy(page, '#warehouse-select', 'data-code', 'HN01-MAIN');
      await page.locator('#receive-form').waitFor({ state: 'visible', timeout: TIMEOUT });
      await chooseBy(page, '#receive-part', 'data-sku', SKU);
      await page.locator('#receive-quantity').fill('2');
      await page.locator('#receive-cost').fill('1250000');
      await page.locator('#receive-reason').fill(REASON);
      await page.evaluate(() => { window.__sameDocument = true; });
      await spoilTokens(page);
      await page.locator('#receive-submit').click();
      await page.locator('#reauth').waitFor({ state: 'visible', timeout: TIMEOUT });
      assert(new URL(page.url()).pathname === '/stock', `left the page for ${page.url()}`);
      assert((await page.locator('#receive-reason').inputValue()) === REASON, 'the typed reason was lost');
      assert((await page.locator('#receive-quantity').inputValue()) === '2', 'the typed quantity was lost');
      assert((await page.locator('#reauth-username').inputValue()) === 'warehouse.hn01', 'the dialog is not for the same user');
      await shot('en-dialog');
    },
  },
  {
    name: 'a wrong password is refused in the dialog',
    async run(page) {
      await page.locator('#reauth-password').fill('not-the-password');
      await page.locator('#reauth-submit').click();
      await page.locator('#reauth-error').waitFor({ state: 'visible', timeout: TIMEOUT });
      assert(await page.locator('#reauth').isVisible(), 'the dialog closed on a wrong password');
    },
  },
  {
    name: 'the right password closes the dialog, says so, and the same form goes through',
    async run(page) {
      await page.locator('#reauth-password').fill(PASSWORD);
      await page.locator('#reauth-submit').click();
      await page.locator('#reauth').waitFor({ state: 'detached', timeout: TIMEOUT });
      const note = await textOf(page, '#toasts .toast-text');
      assert(note.startsWith('Signed in again'), `the note reads ${JSON.stringify(note)}`);
      assert((await page.locator('#receive-reason').inputValue()) === REASON, 'the typed reason was lost');
      await page.locator('#receive-submit').click();
      await page.locator('#receive-success').waitFor({ state: 'visible', timeout: TIMEOUT });
      assert(await page.evaluate(() => window.__sameDocument === true), 'the page was reloaded');
    },
  },
  {
    name: 'the dialog speaks Persian, right to left, and signing out from it leaves for the login page',
    async run(page, shot) {
      await switchTo(page, 'fa');
      await spoilTokens(page);
      await chooseBy(page, '#receive-part', 'data-sku', SKU);
      await page.locator('#receive-quantity').fill('1');
      await page.locator('#receive-cost').fill('1250000');
      await page.locator('#receive-reason').fill('دوباره');
      await page.locator('#receive-submit').click();
      const title = await textOf(page, '#reauth-title');
      assert(title === 'نشست شما به پایان رسیده است', `the title reads ${JSON.stringify(title)}`);
      await shot('fa-dialog');
      await page.locator('#reauth-sign-out').click();
      await page.waitForURL((url) => url.pathname === '/login', { timeout: TIMEOUT });
      await switchTo(page, 'en');
    },
  },
];

await run('session', tests);
