// The catalogue screens in headless Chromium: the administrator creates a brand, a
// product category that requires a skill, a model of that brand and category and a
// component on the model, all through the forms; a taken code is refused beside its
// field; renames are saved at the version read (If-Match) and show without a reload;
// what was made is checked through the API; the screens in Persian (right to left)
// and Chinese, and at 360 px nothing but tables scrolls sideways. Plain Node with
// the shared tests/browser/harness.mjs:
//
//   BASE_URL=http://127.0.0.1:8105 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/catalogue.test.mjs
//
// Screenshots land in tests/browser/screenshots/catalogue-*.png.

import { run, assert, api, tokenFor, signIn, signOut, switchTo, chooseBy, textOf, toast, overflow, BASE_URL, TIMEOUT } from './harness.mjs';

const STAMP = Date.now().toString(36).toUpperCase();
const BRAND = `BT${STAMP}`;
const CATEGORY = `bt_${STAMP.toLowerCase()}`;
const SKU = `BT-${STAMP}`;
const SKILL = `bts_${STAMP.toLowerCase()}`;
let modelId = null;

/// Whether a field's error stands in the same `.field` as its input, which is marked invalid.
async function besideItsField(page, input, error, text) {
  await page.locator(error).waitFor({ state: 'visible', timeout: TIMEOUT });
  const beside = await page.evaluate(
    ([i, e]) => document.querySelector(i).closest('.field') === document.querySelector(e).closest('.field'),
    [input, error],
  );
  assert(beside, `${error} is not in the field of ${input}`);
  const message = (await page.locator(error).innerText()).trim();
  assert(message.includes(text), `${error} reads ${JSON.stringify(message)}`);
  assert((await page.locator(input).getAttribute('aria-invalid')) === 'true', `${input} is not marked invalid`);
}

async function sameDocument(page) {
  return page.evaluate(() => window.__sameDocument === true);
}

async function textBecomes(page, selector, text) {
  await page.waitForFunction(
    ([sel, t]) => document.querySelector(sel)?.textContent.trim() === t,
    [selector, text],
    { timeout: TIMEOUT },
  );
}

/// The one record of a list whose `key` is `value`.
async function findIn(path, key, value) {
  const token = await tokenFor('admin');
  const page = await api('GET', `${path}${path.includes('?') ? '&' : '?'}limit=200`, token);
  return page.items.find((r) => r[key] === value);
}

const tests = [
  {
    name: 'the admin creates a brand; a taken code is refused beside the field; a rename is saved',
    async run(page, shot) {
      await signIn(page, 'admin');
      await page.goto(`${BASE_URL}/settings`);
      await page.locator('#settings-links a[href="/settings/brands"]').click();
      await page.locator('#brand-table tr[data-code="DAIKIN"]').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.evaluate(() => { window.__sameDocument = true; });
      await page.locator('#brand-new').click();
      await page.locator('#brand-code').fill('DAIKIN');
      await page.locator('#brand-name').fill(`Browser brand ${STAMP}`);
      await page.locator('#brand-country').fill('jp');
      await page.locator('#brand-submit').click();
      await besideItsField(page, '#brand-code', '#brand-code-error', 'already taken');
      assert((await page.locator('#brand-name').inputValue()) === `Browser brand ${STAMP}`, 'the name was lost');
      await page.locator('#brand-code').fill(BRAND);
      await page.locator('#brand-submit').click();
      await toast(page, `${BRAND} saved.`);
      const row = `#brand-table tr[data-code="${BRAND}"]`;
      await page.locator(row).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await page.locator('#brand-form').count()) === 0, 'the form stayed open');
      await page.locator(`${row} .settings-edit`).click();
      assert(await page.locator('#brand-code').isDisabled(), 'the code of a saved brand can be changed');
      await page.locator('#brand-name').fill(`Renamed brand ${STAMP}`);
      await page.locator('#brand-submit').click();
      await textBecomes(page, `${row} td.name`, `Renamed brand ${STAMP}`);
      assert(await sameDocument(page), 'the page was reloaded');
      const brand = await findIn(`/brands?q=${BRAND}`, 'code', BRAND);
      assert(brand && brand.name === `Renamed brand ${STAMP}` && brand.country === 'JP', `the API has ${JSON.stringify(brand)}`);
      assert(brand.version === 2, `the brand is at version ${brand.version}`);
      await shot('brands-en');
    },
  },
  {
    name: 'the admin creates a category that requires a skill; the API has the skill',
    async run(page, shot) {
      await page.goto(`${BASE_URL}/settings/categories`);
      await page.locator('#category-table tr[data-code="air_conditioner"]').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.evaluate(() => { window.__sameDocument = true; });
      await page.locator('#category-new').click();
      await page.locator('#category-code').fill('television');
      await page.locator('#category-name').fill(`Browser category ${STAMP}`);
      await page.locator('#category-skill-air_conditioner').check();
      await page.locator('#category-submit').click();
      await besideItsField(page, '#category-code', '#category-code-error', 'already taken');
      assert(await page.locator('#category-skill-air_conditioner').isChecked(), 'the skill was lost');
      await page.locator('#category-code').fill(CATEGORY);
      await page.locator('#category-submit').click();
      await toast(page, `${CATEGORY} saved.`);
      const row = `#category-table tr[data-code="${CATEGORY}"]`;
      await page.locator(row).waitFor({ state: 'visible', timeout: TIMEOUT });
      await textBecomes(page, `${row} td.required-skills`, 'Air conditioners');
      const category = await findIn(`/product-categories?q=${CATEGORY}`, 'code', CATEGORY);
      const required = await api('GET', `/product-categories/${category.id}/required-skills`, await tokenFor('admin'));
      assert(required.skills.map((s) => s.code).join() === 'air_conditioner', `the API requires ${JSON.stringify(required.skills)}`);
      // Rename it under a parent; the form shows the skill it requires.
      await page.locator(`${row} .settings-edit`).click();
      await page.waitForFunction(() => document.querySelector('#category-skill-air_conditioner')?.checked === true, null, { timeout: TIMEOUT });
      await page.locator('#category-name').fill(`Renamed category ${STAMP}`);
      await chooseBy(page, '#category-parent', 'data-code', 'air_conditioner');
      await page.locator('#category-submit').click();
      await textBecomes(page, `${row} td.name`, `Renamed category ${STAMP}`);
      const renamed = await findIn(`/product-categories?q=${CATEGORY}`, 'code', CATEGORY);
      assert(renamed.parent_id && renamed.version === 2, `the API has ${JSON.stringify(renamed)}`);
      assert(await sameDocument(page), 'the page was reloaded');
      await shot('categories-en');
    },
  },
  {
    name: 'the admin creates a model of that brand and category; a taken SKU is refused; the brand filter finds it',
    async run(page, shot) {
      await page.goto(`${BASE_URL}/settings/models`);
      await page.locator('#model-table tr[data-sku="FTKB25WVMV"]').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.locator('#model-new').click();
      await chooseBy(page, '#model-brand', 'data-code', 'DAIKIN');
      await chooseBy(page, '#model-category', 'data-code', CATEGORY);
      await page.locator('#model-sku').fill('ftkb25wvmv');
      await page.locator('#model-name').fill(`Browser model ${STAMP}`);
      await page.locator('#model-submit').click();
      await besideItsField(page, '#model-sku', '#model-sku-error', 'already has a model');
      await chooseBy(page, '#model-brand', 'data-code', BRAND);
      await page.locator('#model-sku').fill(SKU.toLowerCase());
      await page.locator('#model-installation').check();
      await page.locator('#model-submit').click();
      await toast(page, `${SKU} saved.`);
      const row = `#model-table tr[data-sku="${SKU}"]`;
      await page.locator(row).waitFor({ state: 'visible', timeout: TIMEOUT });
      await chooseBy(page, '#model-filter-brand', 'data-code', BRAND);
      await page.waitForURL((url) => url.searchParams.has('brand'), { timeout: TIMEOUT });
      await page.locator('#model-table tr[data-sku="FTKB25WVMV"]').waitFor({ state: 'detached', timeout: TIMEOUT });
      assert((await page.locator('#model-table tr[data-sku]').count()) === 1, 'the brand filter shows other brands');
      await page.locator(`${row} .settings-edit`).click();
      await page.locator('#model-name').fill(`Renamed model ${STAMP}`);
      await page.locator('#model-submit').click();
      await textBecomes(page, `${row} td.name`, `Renamed model ${STAMP}`);
      const model = await findIn(`/product-models?q=${SKU}`, 'sku', SKU);
      const brand = await findIn(`/brands?q=${BRAND}`, 'code', BRAND);
      const category = await findIn(`/product-categories?q=${CATEGORY}`, 'code', CATEGORY);
      assert(model && model.brand_id === brand.id && model.category_id === category.id, `the API has ${JSON.stringify(model)}`);
      assert(model.needs_installation && model.version === 2, `the API has ${JSON.stringify(model)}`);
      modelId = model.id;
      await shot('models-en');
    },
  },
  {
    name: "the admin adds a component on the model's page and renames it",
    async run(page, shot) {
      await page.locator(`#model-table tr[data-sku="${SKU}"] .model-components`).click();
      await page.waitForURL((url) => url.pathname === `/settings/models/${modelId}`, { timeout: TIMEOUT });
      assert((await textOf(page, '#components-title')).includes(SKU), 'the page does not name the model');
      await page.evaluate(() => { window.__sameDocument = true; });
      await page.locator('#component-new').click();
      await page.locator('#component-code').fill('compressor');
      await page.locator('#component-name').fill(`Compressor ${STAMP}`);
      await page.locator('#component-submit').click();
      await toast(page, 'compressor saved.');
      const row = '#component-table tr[data-code="compressor"]';
      await page.locator(row).waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.locator('#component-new').click();
      await page.locator('#component-code').fill('compressor');
      await page.locator('#component-name').fill('Again');
      await page.locator('#component-submit').click();
      await besideItsField(page, '#component-code', '#component-code-error', 'already taken');
      await page.locator('#component-cancel').click();
      await page.locator(`${row} .settings-edit`).click();
      await page.locator('#component-name').fill(`Inverter compressor ${STAMP}`);
      await page.locator('#component-submit').click();
      await textBecomes(page, `${row} td.name`, `Inverter compressor ${STAMP}`);
      assert(await sameDocument(page), 'the page was reloaded');
      const listed = await api('GET', `/product-models/${modelId}/components`, await tokenFor('admin'));
      assert(listed.items.length === 1 && listed.items[0].name === `Inverter compressor ${STAMP}` && listed.items[0].version === 2,
        `the API has ${JSON.stringify(listed.items)}`);
      await shot('components-en');
    },
  },
  {
    name: 'the admin creates and renames a skill',
    async run(page) {
      await page.goto(`${BASE_URL}/settings/skills`);
      await page.locator('#skill-table tr[data-code="air_conditioner"]').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.locator('#skill-new').click();
      await page.locator('#skill-code').fill(SKILL);
      await page.locator('#skill-name').fill(`Skill ${STAMP}`);
      await page.locator('#skill-submit').click();
      await toast(page, `${SKILL} saved.`);
      const row = `#skill-table tr[data-code="${SKILL}"]`;
      await page.locator(`${row} .settings-edit`).click();
      await page.locator('#skill-name').fill(`Renamed skill ${STAMP}`);
      await page.locator('#skill-submit').click();
      await textBecomes(page, `${row} td.name`, `Renamed skill ${STAMP}`);
      const skill = await findIn('/skills', 'code', SKILL);
      assert(skill && skill.name === `Renamed skill ${STAMP}`, `the API has ${JSON.stringify(skill)}`);
    },
  },
  {
    name: 'a technician reads the catalogue but gets no buttons to change it',
    async run(page) {
      await signOut(page);
      await signIn(page, 'tech.hn01');
      await page.goto(`${BASE_URL}/settings/brands`);
      await page.locator(`#brand-table tr[data-code="${BRAND}"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await page.locator('#brand-new').count()) === 0, 'a technician sees "New brand"');
      assert((await page.locator('#brand-table .settings-edit').count()) === 0, 'a technician sees "Edit"');
      await signOut(page);
      await signIn(page, 'admin');
    },
  },
  {
    name: 'Persian: right to left, translated',
    async run(page, shot) {
      await page.goto(`${BASE_URL}/settings/categories`);
      await switchTo(page, 'fa');
      await page.locator(`#category-table tr[data-code="${CATEGORY}"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await textOf(page, 'h1')) === 'دسته‌های کالا', 'the title is not Persian');
      await page.locator(`#category-table tr[data-code="${CATEGORY}"] .settings-edit`).click();
      await page.waitForFunction(() => document.querySelector('#category-skill-air_conditioner')?.checked === true, null, { timeout: TIMEOUT });
      await shot('fa');
      await page.goto(`${BASE_URL}/settings/models/${modelId}`);
      await page.locator('#component-table tr[data-code="compressor"]').waitFor({ state: 'visible', timeout: TIMEOUT });
      await shot('components-fa');
    },
  },
  {
    name: 'Chinese at 360 px: translated, and only the tables scroll sideways',
    async run(page, shot) {
      await switchTo(page, 'zh');
      await page.setViewportSize({ width: 360, height: 740 });
      const screens = [
        ['/settings/brands', '#brand-new', '#brand-table', '品牌'],
        ['/settings/categories', '#category-new', '#category-table', '产品类别'],
        ['/settings/models', '#model-new', '#model-table', '产品型号'],
        [`/settings/models/${modelId}`, '#component-new', '#component-table', null],
        ['/settings/skills', '#skill-new', '#skill-table', '技能'],
      ];
      for (const [path, button, table, title] of screens) {
        await page.goto(`${BASE_URL}${path}`);
        await page.locator(`${table} tbody tr`).first().waitFor({ state: 'visible', timeout: TIMEOUT });
        if (title) assert((await textOf(page, 'h1')) === title, `${path}: the title is not Chinese`);
        await page.locator(button).click();
        await page.waitForTimeout(200);
        const wide = await overflow(page);
        assert(wide <= 1, `${path} with its form is ${wide}px wider than the screen`);
        if (path === '/settings/models') await shot('zh-360');
      }
      await page.setViewportSize({ width: 1200, height: 800 });
      await page.goto(`${BASE_URL}/settings/models?brand=${(await findIn(`/brands?q=${BRAND}`, 'code', BRAND)).id}`);
      await page.locator(`#model-table tr[data-sku="${SKU}"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.locator('#model-new').click();
      await shot('zh');
    },
  },
];

await run('catalogue', tests);
