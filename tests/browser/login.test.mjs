// End-to-end check of the web app in headless Chromium: sign-in, the shell, the
// branches page, sign-out. One screenshot per test.
//
//   BASE_URL=http://127.0.0.1:8099 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/login.test.mjs

import { BASE_URL, PASSWORD, TIMEOUT, assert, run, signIn } from './harness.mjs';

const DEMO_USER = process.env.DEMO_USER || 'admin';

// The tests marked `fresh` start signed out; the others go on with the session of
// the one before, as it would for a person using the app.
const tests = [
  {
    name: 'a wrong password shows the problem and stays on the login page',
    fresh: true,
    async run(page) {
      await page.goto(`${BASE_URL}/login`);
      await page.locator('#username').fill(DEMO_USER);
      await page.locator('#password').fill(`${PASSWORD}-wrong`);
      await page.locator('#login-submit').click();
      const error = page.locator('#login-error');
      await error.waitFor({ state: 'visible', timeout: TIMEOUT });
      const text = (await error.innerText()).trim();
      assert(text.length > 0, '#login-error is empty');
      assert((await error.getAttribute('role')) === 'alert', '#login-error lacks role="alert"');
      const path = new URL(page.url()).pathname;
      assert(path === '/login', `expected to stay on /login, now on ${path}`);
      assert(await page.locator('#current-user').count() === 0, 'the shell is shown without a session');
    },
  },
  {
    name: 'the demo admin signs in and sees the shell with their name',
    fresh: true,
    async run(page) {
      await signIn(page, DEMO_USER);
      await page.waitForFunction(
        () => (document.querySelector('#current-user')?.textContent || '').trim().length > 0,
        null,
        { timeout: TIMEOUT },
      );
      const path = new URL(page.url()).pathname;
      assert(path === '/', `expected to land on /, now on ${path}`);
      const nav = page.locator('nav a', { hasText: 'Branches' });
      await nav.waitFor({ state: 'visible', timeout: TIMEOUT });
      assert(await page.locator('header').getByText('Aftersales').count() > 0, 'no product name in the header');
    },
  },
  {
    name: 'the branches page lists the head office',
    async run(page) {
      await page.goto(`${BASE_URL}/`);
      await page.locator('nav a', { hasText: 'Branches' }).click();
      await page.waitForURL((url) => url.pathname === '/branches', { timeout: TIMEOUT });
      const row = page.locator('table tbody tr', { hasText: 'HQ' }).first();
      await row.waitFor({ state: 'visible', timeout: TIMEOUT });
    },
  },
  {
    name: 'signing out returns to the login page',
    async run(page) {
      await page.goto(`${BASE_URL}/`);
      const logout = page.locator('#logout');
      await logout.waitFor({ state: 'visible', timeout: TIMEOUT });
      await logout.click();
      await page.waitForURL((url) => url.pathname === '/login', { timeout: TIMEOUT });
      await page.locator('#login-submit').waitFor({ state: 'visible', timeout: TIMEOUT });
      // The session is gone: the shell sends us back to the login page.
      await page.goto(`${BASE_URL}/branches`);
      await page.waitForURL((url) => url.pathname === '/login', { timeout: TIMEOUT });
    },
  },
];

await run('login', tests, { shotEach: true });
