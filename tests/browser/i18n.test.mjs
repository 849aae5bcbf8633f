// The web app in four languages, in headless Chromium: the language follows the
// browser at first, the switcher changes it everywhere, Persian is right to left with
// Jalali dates in Persian digits, and the choice survives a reload. Screenshots: one
// per language.
//
//   BASE_URL=http://127.0.0.1:8099 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/i18n.test.mjs

import { BASE_URL, PASSWORD, TIMEOUT, assert, run, signIn, signOut, switchTo, waitForLang } from './harness.mjs';

const DEMO_USER = process.env.DEMO_USER || 'admin';

async function html(page) {
  return page.evaluate(() => ({
    lang: document.documentElement.getAttribute('lang'),
    dir: document.documentElement.getAttribute('dir'),
  }));
}

async function navText(page) {
  return (await page.locator('nav').innerText()).trim();
}

/// The profile's "member since" date, once it is shown.
async function sinceText(page) {
  const since = page.locator('#profile-since');
  await since.waitFor({ state: 'visible', timeout: TIMEOUT });
  return (await since.innerText()).trim();
}

const tests = [
  {
    name: 'the login page speaks the browser language and switches before sign-in',
    locale: 'vi-VN',
    fresh: true,
    picked: false,
    async run(page) {
      await page.goto(`${BASE_URL}/login`);
      await waitForLang(page, 'vi');
      const submit = (await page.locator('#login-submit').innerText()).trim();
      assert(submit === 'Đăng nhập', `submit button reads ${JSON.stringify(submit)}`);
      await switchTo(page, 'fa');
      await page.getByText('برای ادامه وارد شوید.').waitFor({ state: 'visible', timeout: TIMEOUT });
      // A problem from the server is titled in the reader's language.
      await page.locator('#username').fill(DEMO_USER);
      await page.locator('#password').fill(`${PASSWORD}-wrong`);
      await page.locator('#login-submit').click();
      const error = page.locator('#login-error .problem-title');
      await error.waitFor({ state: 'visible', timeout: TIMEOUT });
      const title = (await error.innerText()).trim();
      assert(title === 'ورود ناموفق بود', `problem title reads ${JSON.stringify(title)}`);
    },
  },
  {
    name: 'signed in in English, the shell is left to right',
    locale: 'en-US',
    fresh: true,
    async run(page, shot) {
      await signIn(page, DEMO_USER);
      await waitForLang(page, 'en');
      await page.locator('nav a', { hasText: 'Branches' }).waitFor({ state: 'visible', timeout: TIMEOUT });
      const since = await sinceText(page);
      assert(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/.test(since), `English date reads ${JSON.stringify(since)}`);
      await shot('en');
    },
  },
  {
    name: 'Persian: right to left, Persian navigation, a Jalali date in Persian digits',
    async run(page, shot) {
      await page.goto(`${BASE_URL}/`);
      await page.locator('#current-user').waitFor({ state: 'visible', timeout: TIMEOUT });
      await switchTo(page, 'fa');
      const nav = await navText(page);
      for (const word of ['خانه', 'شعبه‌ها', 'کاربران']) {
        assert(nav.includes(word), `nav lacks ${word}: ${JSON.stringify(nav)}`);
      }
      assert((await page.locator('#logout').innerText()).trim() === 'خروج', 'sign-out button is not Persian');
      const since = await sinceText(page);
      assert(/^[۰-۹]+ \S+ [۰-۹]{4}$/.test(since), `not a Persian-digit date: ${JSON.stringify(since)}`);
      assert(!/[0-9]/.test(since), `Latin digits in ${JSON.stringify(since)}`);
      // The browser's own Persian calendar agrees with ours, day for day.
      const expected = await page.evaluate(() => {
        const at = new Date(document.querySelector('#profile-since').getAttribute('datetime'));
        const parts = new Intl.DateTimeFormat('fa-IR-u-ca-persian-nu-arabext', {
          day: 'numeric', month: 'long', year: 'numeric',
        }).formatToParts(at);
        const part = (type) => parts.find((p) => p.type === type)?.value;
        return `${part('day')} ${part('month')} ${part('year')}`.replace(/[\u200e\u200f]/g, '');
      });
      assert(since === expected, `Jalali date ${JSON.stringify(since)}, browser says ${JSON.stringify(expected)}`);
      // The navigation starts at the right edge.
      const box = await page.locator('.brand').boundingBox();
      const width = page.viewportSize().width;
      assert(box && box.x > width / 2, `the brand is not on the right in RTL (x=${box && box.x})`);
      await shot('fa');
    },
  },
  {
    name: 'Persian is remembered across a reload and reaches the tables',
    async run(page, shot) {
      await page.goto(`${BASE_URL}/branches`);
      await waitForLang(page, 'fa');
      const nav = await navText(page);
      assert(nav.includes('خانه'), `after reload the nav reads ${JSON.stringify(nav)}`);
      const headers = (await page.locator('table thead').innerText()).trim();
      assert(headers.includes('کد') && headers.includes('واحد پول'), `headers read ${JSON.stringify(headers)}`);
      await page.locator('table tbody tr', { hasText: 'دفتر مرکزی' }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
      await shot('fa-branches');
    },
  },
  {
    name: 'Vietnamese: navigation and a day-first date',
    async run(page, shot) {
      await page.goto(`${BASE_URL}/`);
      await page.locator('#current-user').waitFor({ state: 'visible', timeout: TIMEOUT });
      await switchTo(page, 'vi');
      const nav = await navText(page);
      assert(nav.includes('Trang chủ') && nav.includes('Chi nhánh'), `nav reads ${JSON.stringify(nav)}`);
      const since = await sinceText(page);
      assert(/^\d{2}\/\d{2}\/\d{4}$/.test(since), `Vietnamese date reads ${JSON.stringify(since)}`);
      await shot('vi');
    },
  },
  {
    name: 'Chinese: navigation and a 年月日 date',
    async run(page, shot) {
      await page.goto(`${BASE_URL}/`);
      await page.locator('#current-user').waitFor({ state: 'visible', timeout: TIMEOUT });
      await switchTo(page, 'zh');
      const nav = await navText(page);
      assert(nav.includes('首页') && nav.includes('网点'), `nav reads ${JSON.stringify(nav)}`);
      assert((await page.locator('#logout').innerText()).trim() === '退出登录', 'sign-out button is not Chinese');
      const since = await sinceText(page);
      assert(/^\d{4}年\d{1,2}月\d{1,2}日$/.test(since), `Chinese date reads ${JSON.stringify(since)}`);
      await shot('zh');
      const { lang } = await html(page);
      assert(lang === 'zh-CN', `lang is ${lang}`);
    },
  },
  {
    name: "signed in, a user hears the language saved on their account; signed out, the browser's again",
    locale: 'en-US',
    fresh: true,
    picked: false,
    async run(page, shot) {
      // clerk.hn01's account says Vietnamese; this browser says English.
      await page.goto(`${BASE_URL}/login`);
      await waitForLang(page, 'en');
      await signIn(page, 'clerk.hn01');
      await waitForLang(page, 'vi');
      const nav = await navText(page);
      assert(nav.includes('Trang chủ'), `nav reads ${JSON.stringify(nav)}`);
      await shot('profile-vi');
      await signOut(page);
      await waitForLang(page, 'en');
    },
  },
  {
    name: 'a language picked in the browser wins over the one saved on the account',
    async run(page) {
      await page.goto(`${BASE_URL}/login`);
      await switchTo(page, 'zh');
      await signIn(page, 'clerk.hn01');
      await page.waitForFunction(() => document.querySelector('nav')?.innerText.includes('首页'), null, { timeout: TIMEOUT });
      await page.waitForTimeout(300);
      const { lang } = await html(page);
      assert(lang === 'zh-CN', `after sign-in the page is in ${lang}`);
      await page.reload();
      await waitForLang(page, 'zh');
    },
  },
];

await run('i18n', tests);
