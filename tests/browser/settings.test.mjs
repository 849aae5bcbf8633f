// The settings screens in headless Chromium: the administrator creates a fault code,
// a service item (its price shown per locale), a branch under the Hà Nội regional
// centre and a technician at that branch, all through the forms; a duplicate code and
// a short password are refused next to their fields with nothing typed lost; edits
// show without a page reload; a code is deleted after a confirmation; the screens in
// vi, fa (right-to-left, Persian digits) and zh, and at 360 px only tables scroll
// sideways. Plain Node with the shared tests/browser/harness.mjs:
//
//   BASE_URL=http://127.0.0.1:8216 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/settings.test.mjs
//
// Screenshots land in tests/browser/screenshots/settings-*.png.

import { run, assert, signIn, switchTo, chooseBy, textOf, toast, overflow, persianDigits, BASE_URL, TIMEOUT } from './harness.mjs';

const STAMP = Date.now().toString(36).toUpperCase();
const FAULT = `BT_${STAMP}`;
const SERVICE = `SV_${STAMP}`;
const BRANCH = `BT-${STAMP}`;
const USER = `bt.${STAMP.toLowerCase()}`;

/// Whether a field's error stands in the same `.field` (or fieldset) as its input, which is marked invalid.
async function besideItsField(page, input, error, text) {
  await page.locator(error).waitFor({ state: 'visible', timeout: TIMEOUT });
  const beside = await page.evaluate(
    ([i, e]) => {
      const box = (el) => el.closest('.field, fieldset');
      return box(document.querySelector(i)) === box(document.querySelector(e)) || document.querySelector(i).closest('fieldset') === document.querySelector(e).closest('fieldset');
    },
    [input, error],
  );
  assert(beside, `${error} is not in the field of ${input}`);
  const message = (await page.locator(error).innerText()).trim();
  assert(message.includes(text), `${error} reads ${JSON.stringify(message)}`);
}

async function sameDocument(page) {
  return page.evaluate(() => window.__sameDocument === true);
}

async function fillNames(page, prefix, en) {
  await page.locator(`#${prefix}-name-en`).fill(en);
  await page.locator(`#${prefix}-name-vi`).fill(`${en} (vi) Lỗi`);
  await page.locator(`#${prefix}-name-fa`).fill(`خرابی ${STAMP}`);
  await page.locator(`#${prefix}-name-zh`).fill(`故障 ${STAMP}`);
}

const tests = [
  {
    name: 'the admin creates a fault code through the form; the table follows without a reload',
    async run(page) {
      await signIn(page, 'admin');
      await page.goto(`${BASE_URL}/settings/fault-codes`);
      await page.locator('#fault-table tr[data-code]').first().waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.evaluate(() => { window.__sameDocument = true; });
      await page.locator('#fault-new').click();
      await page.locator('#fault-kind').selectOption('symptom');
      await chooseBy(page, '#fault-category', 'data-code', 'air_conditioner');
      await page.locator('#fault-code').fill(FAULT.toLowerCase());
      await fillNames(page, 'fault', `Browser test noise ${STAMP}`);
      await page.locator('#fault-submit').click();
      await toast(page, `${FAULT} saved.`);
      const row = `#fault-table tr[data-code="${FAULT}"]`;
      await page.locator(row).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await textOf(page, `${row} td.name`)) === `Browser test noise ${STAMP}`, 'the row does not show the English name');
      assert((await page.locator('#fault-form').count()) === 0, 'the form stayed open');
      assert(await sameDocument(page), 'the page was reloaded');
    },
  },
  {
    name: 'a duplicate code is refused next to the code field; nothing typed is lost',
    async run(page) {
      await page.locator('#fault-new').click();
      await chooseBy(page, '#fault-category', 'data-code', 'air_conditioner');
      await page.locator('#fault-code').fill(FAULT);
      await fillNames(page, 'fault', `Second ${STAMP}`);
      await page.locator('#fault-submit').click();
      await besideItsField(page, '#fault-code', '#fault-code-error', 'already taken');
      assert((await page.locator('#fault-code').getAttribute('aria-invalid')) === 'true', 'the code is not marked invalid');
      assert((await page.locator('#fault-name-en').inputValue()) === `Second ${STAMP}`, 'the English name was lost');
      assert((await page.locator('#fault-name-zh').inputValue()) === `故障 ${STAMP}`, 'the Chinese name was lost');
      // A free code goes through; then it is deleted after a confirmation.
      await page.locator('#fault-code').fill(`${FAULT}_2`);
      await page.locator('#fault-submit').click();
      const second = `#fault-table tr[data-code="${FAULT}_2"]`;
      await page.locator(second).waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.locator(`${second} .settings-delete`).click();
      const question = await textOf(page, `${second} .settings-confirm`);
      assert(question.includes(`Delete ${FAULT}_2 for good?`), `the question reads ${JSON.stringify(question)}`);
      await page.locator(`${second} .settings-confirm-yes`).click();
      await toast(page, `${FAULT}_2 deleted.`);
      await page.locator(second).waitFor({ state: 'detached', timeout: TIMEOUT });
      assert(await sameDocument(page), 'the page was reloaded');
    },
  },
  {
    name: 'editing the fault code shows the new name without a reload',
    async run(page, shot) {
      const row = `#fault-table tr[data-code="${FAULT}"]`;
      await page.locator(`${row} .settings-edit`).click();
      assert(await page.locator('#fault-code').isDisabled(), 'the code of a saved fault code can be changed');
      await page.locator('#fault-name-en').fill(`Renamed noise ${STAMP}`);
      await page.locator('#fault-submit').click();
      await page.waitForFunction(
        ([sel, text]) => document.querySelector(sel)?.textContent.trim() === text,
        [`${row} td.name`, `Renamed noise ${STAMP}`],
        { timeout: TIMEOUT },
      );
      assert(await sameDocument(page), 'the page was reloaded');
      await shot('fault-codes-en');
    },
  },
  {
    name: 'the admin creates a service item; its price is shown as money',
    async run(page, shot) {
      await page.goto(`${BASE_URL}/settings/service-items`);
      await page.locator('#service-table tr[data-code]').first().waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.evaluate(() => { window.__sameDocument = true; });
      await page.locator('#service-new').click();
      await chooseBy(page, '#service-category', 'data-code', 'air_conditioner');
      await page.locator('#service-code').fill(SERVICE);
      await fillNames(page, 'service', `Gas refill ${STAMP}`);
      await page.locator('#service-amount').fill('350000');
      await page.locator('#service-currency').fill('vnd');
      await page.locator('#service-minutes').fill('forty');
      await page.locator('#service-submit').click();
      await besideItsField(page, '#service-minutes', '#service-minutes-error', 'whole minutes');
      assert((await page.locator('#service-amount').inputValue()) === '350000', 'the price was lost');
      await page.locator('#service-minutes').fill('45');
      await page.locator('#service-submit').click();
      await toast(page, `${SERVICE} saved.`);
      const row = `#service-table tr[data-code="${SERVICE}"]`;
      await page.locator(row).waitFor({ state: 'visible', timeout: TIMEOUT });
      const price = await textOf(page, `${row} td.price`);
      assert(price.includes('350,000') && price.includes('₫'), `the price reads ${JSON.stringify(price)}`);
      // An edit of the price shows at once.
      await page.locator(`${row} .settings-edit`).click();
      await page.locator('#service-amount').fill('420000');
      await page.locator('#service-submit').click();
      await page.waitForFunction(
        (sel) => document.querySelector(sel)?.textContent.includes('420,000'),
        `${row} td.price`,
        { timeout: TIMEOUT },
      );
      assert(await sameDocument(page), 'the page was reloaded');
      await shot('service-items-en');
    },
  },
  {
    name: 'the admin creates a branch under the Hà Nội centre; a taken code is refused; an edit shows at once',
    async run(page, shot) {
      await page.goto(`${BASE_URL}/branches`);
      await page.locator('#branch-table tr[data-code="HQ"]').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.evaluate(() => { window.__sameDocument = true; });
      await page.locator('#branch-new').click();
      await chooseBy(page, '#branch-parent', 'data-code', 'RC-HN');
      await page.locator('#branch-code').fill('HN01');
      await page.locator('#branch-name').fill(`Hà Nội — Thử ${STAMP}`);
      await page.locator('#branch-kind').selectOption('outlet');
      await page.locator('#branch-time-zone').fill('Asia/Ho_Chi_Minh');
      await page.locator('#branch-currency').fill('VND');
      await page.locator('#branch-submit').click();
      await besideItsField(page, '#branch-code', '#branch-code-error', 'already taken');
      assert((await page.locator('#branch-name').inputValue()) === `Hà Nội — Thử ${STAMP}`, 'the name was lost');
      await page.locator('#branch-code').fill(BRANCH);
      await page.locator('#branch-submit').click();
      await toast(page, `${BRANCH} saved.`);
      const row = `#branch-table tr[data-code="${BRANCH}"]`;
      await page.locator(row).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await textOf(page, `${row} td.parent`)) === 'RC-HN', 'the parent is not RC-HN');
      await page.locator(`${row} .settings-edit`).click();
      await page.locator('#branch-name').fill(`Hà Nội — Đổi ${STAMP}`);
      await page.locator('#branch-submit').click();
      await page.waitForFunction(
        ([sel, text]) => document.querySelector(sel)?.textContent.trim() === text,
        [`${row} td.name`, `Hà Nội — Đổi ${STAMP}`],
        { timeout: TIMEOUT },
      );
      assert(await sameDocument(page), 'the page was reloaded');
      await shot('branches-en');
    },
  },
  {
    name: 'the admin creates a technician at the new branch; a short password is refused next to its field',
    async run(page, shot) {
      await page.goto(`${BASE_URL}/users`);
      await page.locator('#user-table tr[data-username="admin"]').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.evaluate(() => { window.__sameDocument = true; });
      await page.locator('#user-new').click();
      await page.locator('#user-username').fill(USER);
      await page.locator('#user-display-name').fill(`Thợ Thử ${STAMP}`);
      await chooseBy(page, '#user-branch', 'data-code', BRANCH);
      const described = await page.locator('label[for="user-role-technician"]').innerText();
      assert(described.includes('Technician') && described.includes('repairs'), `the role reads ${JSON.stringify(described)}`);
      await page.locator('#user-role-technician').check();
      await page.locator('#user-skill-air_conditioner').check();
      await page.locator('#user-password').fill('short');
      await page.locator('#user-submit').click();
      await besideItsField(page, '#user-password', '#user-password-error', 'at least 10 characters');
      assert((await page.locator('#user-username').inputValue()) === USER, 'the username was lost');
      assert(await page.locator('#user-role-technician').isChecked(), 'the role was lost');
      await page.locator('#user-password').fill('a-long-secret-1');
      await page.locator('#user-submit').click();
      await toast(page, `${USER} saved.`);
      const row = `#user-table tr[data-username="${USER}"]`;
      await page.locator(row).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await textOf(page, `${row} td.roles`)) === 'Technician', 'the roles are not "Technician"');
      assert((await textOf(page, `${row} td.branch`)) === BRANCH, 'the branch is not the new one');
      // Edit: a second role, shown at once.
      await page.locator(`${row} .settings-edit`).click();
      assert(await page.locator('#user-skill-air_conditioner').isChecked(), 'the form lost the skill');
      await page.locator('#user-role-dispatcher').check();
      await page.locator('#user-submit').click();
      await page.waitForFunction(
        (sel) => document.querySelector(sel)?.textContent.includes('Dispatcher'),
        `${row} td.roles`,
        { timeout: TIMEOUT },
      );
      assert(await sameDocument(page), 'the page was reloaded');
      await page.locator('#user-new').click();
      await shot('users-en');
      await page.locator('#user-cancel').click();
    },
  },
  {
    name: 'Vietnamese: the service catalogue with the price in Vietnamese form',
    async run(page, shot) {
      await page.goto(`${BASE_URL}/settings/service-items`);
      await switchTo(page, 'vi');
      const row = `#service-table tr[data-code="${SERVICE}"]`;
      await page.locator(row).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await textOf(page, 'h1')) === 'Danh mục dịch vụ', 'the title is not Vietnamese');
      const price = await textOf(page, `${row} td.price`);
      assert(price.includes('420.000') && price.includes('₫'), `the price reads ${JSON.stringify(price)}`);
      assert((await textOf(page, `${row} td.name`)).includes('(vi)'), 'the name is not the Vietnamese one');
      await shot('vi');
    },
  },
  {
    name: 'Persian: right to left, Persian digits and names',
    async run(page, shot) {
      await switchTo(page, 'fa');
      const row = `#service-table tr[data-code="${SERVICE}"]`;
      const price = await textOf(page, `${row} td.price`);
      assert(persianDigits(price) && price.includes('۴۲۰٬۰۰۰'), `the price reads ${JSON.stringify(price)}`);
      assert((await textOf(page, `${row} td.name`)) === `خرابی ${STAMP}`, 'the name is not the Persian one');
      assert((await textOf(page, `${row} td.minutes`)) === '۴۵', 'the minutes are not in Persian digits');
      await shot('fa');
      await page.goto(`${BASE_URL}/users`);
      await page.locator(`#user-table tr[data-username="${USER}"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.locator(`#user-table tr[data-username="${USER}"] .settings-edit`).click();
      const role = await page.locator('label[for="user-role-technician"]').innerText();
      assert(role.includes('تعمیر'), `the role reads ${JSON.stringify(role)}`);
      await shot('users-fa');
      await page.locator('#user-cancel').click();
    },
  },
  {
    name: 'Chinese at 360 px: translated, and only the tables scroll sideways',
    async run(page, shot) {
      await switchTo(page, 'zh');
      await page.setViewportSize({ width: 360, height: 740 });
      const screens = [
        ['/settings/fault-codes', '#fault-new', '#fault-table', '故障代码'],
        ['/settings/service-items', '#service-new', '#service-table', '服务目录'],
        ['/branches', '#branch-new', '#branch-table', null],
        ['/users', '#user-new', '#user-table', null],
      ];
      for (const [path, button, table, title] of screens) {
        await page.goto(`${BASE_URL}${path}`);
        await page.locator(`${table} tbody tr`).first().waitFor({ state: 'visible', timeout: TIMEOUT });
        if (title) assert((await textOf(page, 'h1')) === title, `${path}: the title is not Chinese`);
        await page.locator(button).click();
        await page.waitForTimeout(200);
        const wide = await overflow(page);
        assert(wide <= 1, `${path} with its form is ${wide}px wider than the screen`);
      }
      await shot('zh-360');
      await page.setViewportSize({ width: 1200, height: 800 });
      await page.goto(`${BASE_URL}/settings/fault-codes`);
      await page.locator(`#fault-table tr[data-code="${FAULT}"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await textOf(page, `#fault-table tr[data-code="${FAULT}"] td.name`)) === `故障 ${STAMP}`, 'the name is not the Chinese one');
      await shot('zh');
    },
  },
];

await run('settings', tests);
