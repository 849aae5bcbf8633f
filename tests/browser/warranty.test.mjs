// The warranty policies editor in headless Chromium: an admin writes a policy for a
// product model through the form (a refusal keeps what was typed and names the
// field), sees it in the list, publishes a second version, and uses "try it" for a
// claim inside and one outside the cover; then the screen in other languages and at
// 360 px. Plain Node with the shared tests/browser/harness.mjs:
//
//   BASE_URL=http://127.0.0.1:8099 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/warranty.test.mjs
//
// Screenshots land in tests/browser/screenshots/warranty-*.png.

import { run, assert, api, tokenFor, signIn, switchTo, chooseBy, textOf, overflow, persianDigits, jalaliYear, TIMEOUT } from './harness.mjs';

const STAMP = Date.now();
const NAME = `Browser test policy ${STAMP}`;
const SKU = `WT-${STAMP}`;

/// A fresh product model of a demo brand, so this run's policy is the only one for it.
async function prepareModel() {
  const token = await tokenFor('admin');
  const brands = await api('GET', '/brands?limit=200', token);
  const brand = brands.items.find((b) => b.code === 'HAIER');
  const categories = await api('GET', '/product-categories?limit=200', token);
  assert(brand && categories.items.length > 0, 'the demo catalogue lacks HAIER or categories');
  await api('POST', '/product-models', token, {
    brand_id: brand.id,
    category_id: categories.items[0].id,
    sku: SKU,
    name: `Warranty test model ${STAMP}`,
  });
}

/// Fills the terms fields of a form (`create` or `version`).
async function fillTerms(page, prefix, { from, parts = '', labour = '', exclusions = '' }) {
  await page.locator(`#${prefix}-effective-from`).fill(from);
  await page.locator(`#${prefix}-parts`).fill(parts);
  await page.locator(`#${prefix}-labour`).fill(labour);
  await page.locator(`#${prefix}-exclusions`).fill(exclusions);
}

/// Asks "try it" for a claim and returns the decision's state once it changed.
async function tryIt(page, sale, claim, before) {
  await page.locator('#try-sale').fill(sale);
  await page.locator('#try-claim').fill(claim);
  await page.locator('#try-submit').click();
  await page.waitForFunction(
    (old) => {
      const card = document.querySelector('#try-result #serial-warranty');
      // The same measure as `before` (innerText, trimmed): textContent differs in spacing.
      return card && card.innerText.trim() !== old;
    },
    before,
    { timeout: TIMEOUT },
  );
  const card = page.locator('#try-result #serial-warranty');
  return { state: await card.getAttribute('data-state'), text: (await card.innerText()).trim() };
}

const tests = [
  {
    name: 'the admin reaches /warranty-policies from the navigation',
    async run(page) {
      await prepareModel();
      await signIn(page, 'admin');
      await page.locator('nav a[href="/warranty-policies"]').click();
      await page.waitForURL((url) => url.pathname === '/warranty-policies', { timeout: TIMEOUT });
      assert((await textOf(page, '#warranty-title')) === 'Warranty policies', 'title is wrong');
      await page.locator('#create-form').waitFor({ state: 'visible', timeout: TIMEOUT });
    },
  },
  {
    name: 'a refused policy keeps what was typed and names the field',
    async run(page, shot) {
      await page.locator('#create-name').fill(NAME);
      await page.locator('#create-scope-kind').selectOption('model');
      await chooseBy(page, '#create-scope', 'data-code', SKU);
      // 999 months is more than the server allows (240): its problem names legs[0].months.
      await fillTerms(page, 'create', { from: '2024-01-01', parts: '999', labour: '12', exclusions: 'liquid_damage' });
      await page.locator('#create-submit').click();
      const error = page.locator('#create-legs-error');
      await error.waitFor({ state: 'visible', timeout: TIMEOUT });
      const beside = await page.evaluate(() => document.querySelector('#create-legs-error').closest('fieldset') === document.querySelector('#create-parts').closest('fieldset'));
      assert(beside, 'the error is not next to the leg fields');
      assert((await page.locator('#create-problem').count()) === 1, 'no problem summary shown');
      assert((await page.locator('#create-name').inputValue()) === NAME, 'the name was lost');
      assert((await page.locator('#create-parts').inputValue()) === '999', 'the months were lost');
      assert((await page.locator(`#warranty-table tr[data-name="${NAME}"]`).count()) === 0, 'a refused policy is listed');
      // A missing name is caught before sending.
      await page.locator('#create-name').fill('');
      await page.locator('#create-submit').click();
      await page.locator('#create-name-error').waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await page.locator('#create-name').getAttribute('aria-invalid')) === 'true', 'the name is not marked invalid');
      await shot('en-errors');
    },
  },
  {
    name: 'the corrected policy is created and shows in the list without a reload',
    async run(page) {
      await page.evaluate(() => { window.__sameDocument = true; });
      await page.locator('#create-name').fill(NAME);
      await page.locator('#create-parts').fill('24');
      await page.locator('#create-submit').click();
      await page.locator('#create-success').waitFor({ state: 'visible', timeout: TIMEOUT });
      const row = page.locator(`#warranty-table tr[data-name="${NAME}"]`);
      await row.waitFor({ state: 'visible', timeout: TIMEOUT });
      const text = (await row.innerText()).trim();
      assert(text.includes(SKU) && text.includes('Product model') && text.includes('In force'), `row reads ${JSON.stringify(text)}`);
      assert(await page.evaluate(() => window.__sameDocument === true), 'the page was reloaded');
      await row.locator('a').click();
      await page.waitForURL((url) => url.pathname.startsWith('/warranty-policies/'), { timeout: TIMEOUT });
      assert((await textOf(page, '#policy-title')) === NAME, 'the policy page shows another name');
      assert((await page.locator('#policy-versions article').count()) === 1, 'a new policy has one version');
    },
  },
  {
    name: 'a second version is published and the first now ends the day before',
    async run(page, shot) {
      await fillTerms(page, 'version', { from: '2025-01-01', parts: '36' });
      await page.locator('#version-submit').click();
      const second = page.locator('#policy-versions article[data-version="2"]');
      await second.waitFor({ state: 'visible', timeout: TIMEOUT });
      const text = (await second.innerText()).trim();
      assert(text.includes('Version 2') && text.includes('36 months') && !text.includes('Labour'), `v2 reads ${JSON.stringify(text)}`);
      const first = (await page.locator('#policy-versions article[data-version="1"]').innerText()).trim();
      assert(first.includes('until the day before') && first.includes('1 Jan 2025'), `v1 reads ${JSON.stringify(first)}`);
      await shot('en-versions');
    },
  },
  {
    name: 'try it: covered inside the term, not covered after it, with reasons',
    async run(page, shot) {
      const inside = await tryIt(page, '2025-03-01', '2026-06-01', '');
      assert(inside.state === 'partial', `inside reads ${inside.state}: ${inside.text}`);
      const parts = (await page.locator('#try-result li.warranty-leg[data-leg="parts"]').innerText()).trim();
      assert(parts.includes('covered') && !parts.includes('not covered') && parts.includes(NAME) && parts.includes('v2'), `parts reads ${JSON.stringify(parts)}`);
      assert(inside.text.includes('Partly covered') || inside.text.toLowerCase().includes('part'), `headline reads ${inside.text}`);
      const outside = await tryIt(page, '2025-03-01', '2029-01-10', inside.text);
      assert(outside.state === 'none', `outside reads ${outside.state}: ${outside.text}`);
      const partsAfter = (await page.locator('#try-result li.warranty-leg[data-leg="parts"]').innerText()).trim();
      assert(partsAfter.includes('not covered') && partsAfter !== parts, `parts after reads ${JSON.stringify(partsAfter)}`);
      // A sale before version 2 falls under version 1 (parts 24, labour 12).
      const older = await tryIt(page, '2024-06-01', '2024-09-01', outside.text);
      assert(older.state === 'partial' && older.text.includes('v1'), `older reads ${older.state}: ${older.text}`);
      await shot('en');
    },
  },
  {
    name: 'Vietnamese: the policy page is translated',
    async run(page, shot) {
      await switchTo(page, 'vi');
      assert((await textOf(page, '#versions-title')) === 'Các phiên bản', 'versions title not translated');
      assert((await textOf(page, '#try-title')) === 'Thử kiểm tra', 'try title not translated');
      assert((await textOf(page, 'label[for="try-claim"]')) === 'Ngày yêu cầu sửa chữa', 'claim label not translated');
      await shot('vi');
    },
  },
  {
    name: 'Persian: right to left, version dates in Jalali with Persian digits',
    async run(page, shot) {
      await switchTo(page, 'fa');
      assert((await textOf(page, '#versions-title')) === 'نسخه‌ها', 'versions title not translated');
      const time = page.locator('#policy-versions article[data-version="2"] time').first();
      const when = (await time.innerText()).trim();
      assert(persianDigits(when), `date reads ${JSON.stringify(when)}`);
      const year = await jalaliYear(page, `${await time.getAttribute('datetime')}T12:00:00Z`);
      assert(when.includes(year), `date ${JSON.stringify(when)} is not in Jalali year ${year}`);
      // A Jalali date typed into "try it" is read as one: 1404/01/01 is 21 March 2025.
      await page.locator('#try-sale').fill('۱۴۰۴/۰۱/۰۱');
      await page.locator('#try-claim').fill('۱۴۰۵/۰۱/۰۱');
      await page.locator('#try-submit').click();
      await page.waitForFunction(() => document.querySelector('#try-result #serial-warranty')?.getAttribute('data-state') === 'partial', null, { timeout: TIMEOUT });
      await shot('fa');
    },
  },
  {
    name: 'Chinese at 360 px: translated, and only the tables scroll sideways',
    async run(page, shot) {
      await switchTo(page, 'zh');
      await page.setViewportSize({ width: 360, height: 740 });
      assert((await textOf(page, '#try-title')) === '试算', 'try title not translated');
      await page.waitForTimeout(200);
      let wide = await overflow(page);
      assert(wide <= 1, `the policy page is ${wide}px wider than the screen`);
      await shot('zh-360');
      await page.locator('#warranty-back').click();
      await page.locator(`#warranty-table tr[data-name="${NAME}"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.waitForTimeout(200);
      wide = await overflow(page);
      assert(wide <= 1, `the list page is ${wide}px wider than the screen`);
      await shot('zh-360-list');
    },
  },
];

await run('warranty', tests);
