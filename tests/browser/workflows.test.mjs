// The admin's ticket settings in headless Chromium: Settings → ticket workflows →
// one kind; a stage renamed in Vietnamese is saved without a reload (and named so
// on the dashboard); a step pointing to a removed stage is refused next to that
// field with every edit kept; a ticket setting is changed and kept after a reload;
// everything changed is put back (other test files run against the same server).
// Screenshots in en, vi, fa (right to left, Persian digits) and zh; at 360 px only
// tables scroll sideways.
//
//   BASE_URL=http://127.0.0.1:8099 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/workflows.test.mjs

import { run, assert, signIn, switchTo, api, tokenFor, textOf, overflow, persianDigits, TIMEOUT } from './harness.mjs';

const STAMP = Date.now().toString(36);
const NEW_VI = `Giai đoạn thử ${STAMP}`;
const state = {};

async function admin() {
  state.token = state.token || (await tokenFor('admin'));
  return state.token;
}

/// Opens the editor of the chosen kind through the settings pages.
async function openEditor(page) {
  await page.locator('nav a[href="/settings"]').click();
  await page.locator('#settings-title').waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.locator('#settings-links a[href="/settings/workflows"]').click();
  await page.locator(`#workflows-table tr[data-kind="${state.kind}"] a`).click();
  await page.waitForURL((url) => url.pathname === `/settings/workflows/${state.kind}`, { timeout: TIMEOUT });
  await page.locator(`#stages li.workflow-stage[data-code="${state.stage}"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
}

const tests = [
  {
    name: 'the admin reaches a kind\'s workflow from Settings and sees its stages and steps in words',
    async run(page, shot) {
      const token = await admin();
      // A maintenance ticket, so the dashboard counts one in the first stage.
      const clerk = await tokenFor('clerk.hn01');
      const me = await api('GET', '/auth/me', clerk);
      const models = await api('GET', '/product-models?limit=1', clerk);
      await api('POST', '/tickets', clerk, {
        branch_id: me.branch_id,
        kind: 'maintenance',
        channel: 'counter',
        new_customer: { kind: 'individual', name: `Workflow test ${STAMP}`, phones: [{ number: `+84 9${String(Date.now()).slice(-8)}` }], allow_duplicate: true },
        model_id: models.items[0].id,
      });
      state.kind = 'maintenance';
      state.original = await api('GET', `/workflows/${state.kind}`, token);
      state.stage = state.original.stages[0].code;
      state.settings = await api('GET', '/settings/tickets', token);
      await signIn(page, 'admin');
      await openEditor(page);
      const stages = await page.locator('#stages li.workflow-stage').count();
      assert(stages === state.original.stages.length, `${stages} stage rows for ${state.original.stages.length} stages`);
      const steps = await page.locator('#transitions li.workflow-step').count();
      assert(steps === state.original.transitions.length, `${steps} step rows for ${state.original.transitions.length} steps`);
      const guarded = state.original.transitions.findIndex((t) => t.guards.includes('technician_assigned'));
      if (guarded >= 0) {
        const summary = await textOf(page, `#transitions li.workflow-step[data-index="${guarded}"] .step-summary`);
        assert(summary.includes('needs: a technician is assigned'), `the step reads ${JSON.stringify(summary)}`);
        const box = page.locator(`#transitions li.workflow-step[data-index="${guarded}"] input[data-guard="technician_assigned"]`);
        assert(await box.isChecked(), 'the guard is not ticked');
      }
      await shot('en');
    },
  },
  {
    name: 'a stage renamed in Vietnamese is saved without a reload',
    async run(page, shot) {
      await page.evaluate(() => { window.__sameDocument = true; });
      const input = page.locator(`#stages li.workflow-stage[data-code="${state.stage}"] input[data-lang="vi"]`);
      await input.fill(NEW_VI);
      await page.locator('#workflow-save').click();
      await page.locator('#workflow-saved').waitFor({ state: 'visible', timeout: TIMEOUT });
      const version = Number(await page.locator('#workflow-version').getAttribute('data-version'));
      assert(version === state.original.version + 1, `version reads ${version}, not ${state.original.version + 1}`);
      assert((await input.inputValue()) === NEW_VI, 'the new name is not in the form');
      assert(await page.evaluate(() => window.__sameDocument === true), 'the page was reloaded');
      const stored = await api('GET', `/workflows/${state.kind}`, await admin());
      const stage = stored.stages.find((s) => s.code === state.stage);
      assert(stage.names.vi === NEW_VI, `the server holds ${JSON.stringify(stage.names.vi)}`);
    },
  },
  {
    name: 'the dashboard names the stage with the new Vietnamese name',
    async run(page, shot) {
      await switchTo(page, 'vi');
      await page.locator('nav a[href="/"]').click();
      const cell = `#dashboard-stages tr[data-kind="${state.kind}"][data-stage="${state.stage}"] a`;
      const name = await textOf(page, cell);
      assert(name === NEW_VI, `the dashboard reads ${JSON.stringify(name)}`);
      await switchTo(page, 'en');
      await openEditor(page);
    },
  },
  {
    name: 'a step pointing to a removed stage is refused next to that field, nothing else lost',
    async run(page, shot) {
      const stages = state.original.stages.map((s) => s.code);
      const at = state.original.transitions.findIndex((t) => t.to !== stages[0] && t.to !== state.stage);
      assert(at >= 0, 'no step to test with');
      const removed = state.original.transitions[at].to;
      const version = await page.locator('#workflow-version').getAttribute('data-version');
      await page.locator(`#stages li.workflow-stage[data-code="${removed}"] button.remove-stage`).click();
      await page.locator(`#stages li.workflow-stage[data-code="${removed}"]`).waitFor({ state: 'detached', timeout: TIMEOUT });
      const step = page.locator(`#transitions li.workflow-step[data-index="${at}"]`);
      const select = step.locator('select[id$="-to"]');
      const shown = (await select.locator('option:checked').innerText()).trim();
      assert(shown.includes(removed) && shown.includes('removed stage'), `the step's "to" reads ${JSON.stringify(shown)}`);
      // An edit made alongside must survive the refusal.
      const en = page.locator(`#stages li.workflow-stage[data-code="${state.stage}"] input[data-lang="en"]`);
      const englishBefore = await en.inputValue();
      await en.fill(`${englishBefore} ${STAMP}`);
      await page.locator('#workflow-save').click();
      const error = step.locator(`p.field-error[data-field="transitions[${at}].to"]`);
      await error.waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await error.innerText()).includes('names no stage'), `the error reads ${JSON.stringify(await error.innerText())}`);
      const beside = await page.evaluate(
        ([sel, err]) => document.querySelector(sel).closest('.field') === document.querySelector(err).closest('.field'),
        [`#transitions li.workflow-step[data-index="${at}"] select[id$="-to"]`, `#transitions li.workflow-step[data-index="${at}"] p.field-error[data-field="transitions[${at}].to"]`],
      );
      assert(beside, 'the error is not next to the "to" field');
      assert((await select.getAttribute('aria-invalid')) === 'true', 'the "to" field is not marked invalid');
      assert((await en.inputValue()) === `${englishBefore} ${STAMP}`, 'the English name typed was lost');
      const vi = page.locator(`#stages li.workflow-stage[data-code="${state.stage}"] input[data-lang="vi"]`);
      assert((await vi.inputValue()) === NEW_VI, 'the Vietnamese name was lost');
      assert((await page.locator('#workflow-version').getAttribute('data-version')) === version, 'the version moved');
      const stored = await api('GET', `/workflows/${state.kind}`, await admin());
      assert(stored.stages.some((s) => s.code === removed), 'the refused workflow was stored');
      await shot('en-refused');
    },
  },
  {
    name: 'the workflow in Vietnamese, Persian (right to left, Persian digits) and Chinese',
    async run(page, shot) {
      // Start again from what the server has.
      await page.reload();
      await page.locator(`#stages li.workflow-stage[data-code="${state.stage}"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
      await switchTo(page, 'vi');
      assert((await textOf(page, '#stages-title')) === 'Các bước', 'stages title not in Vietnamese');
      assert((await textOf(page, '#workflow-save')) === 'Lưu', 'save button not in Vietnamese');
      await shot('vi');
      await switchTo(page, 'fa');
      assert((await textOf(page, '#stages-title')) === 'مرحله‌ها', 'stages title not in Persian');
      const version = await textOf(page, '#workflow-version');
      assert(persianDigits(version), `the version reads ${JSON.stringify(version)}`);
      const number = await textOf(page, '#stages li.workflow-stage .stage-title');
      assert(persianDigits(number.split('.')[0]), `the stage number reads ${JSON.stringify(number)}`);
      await shot('fa');
      await switchTo(page, 'zh');
      assert((await textOf(page, '#transitions-title')) === '步骤', 'steps title not in Chinese');
      await shot('zh');
    },
  },
  {
    name: 'at 360 px only tables scroll sideways (editor, list, ticket settings)',
    async run(page, shot) {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.waitForTimeout(200);
      assert((await overflow(page)) <= 1, `the editor is ${await overflow(page)}px too wide`);
      await shot('zh-360');
      await page.locator('a[href="/settings/workflows"]').first().click();
      await page.locator('#workflows-table').waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await overflow(page)) <= 1, `the list is ${await overflow(page)}px too wide`);
      await page.goto(`${page.url().split('/settings')[0]}/settings/tickets`);
      await page.locator('#ticket-settings-form').waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await overflow(page)) <= 1, `ticket settings are ${await overflow(page)}px too wide`);
      await switchTo(page, 'en');
      await page.setViewportSize({ width: 1200, height: 800 });
    },
  },
  {
    name: 'a ticket setting is changed, refused when out of range, and kept after a reload',
    async run(page, shot) {
      await page.locator('nav a[href="/settings"]').click();
      await page.locator('#settings-links a[href="/settings/tickets"]').click();
      const field = page.locator('#setting-defective_return_days');
      await field.waitFor({ state: 'visible', timeout: TIMEOUT });
      const before = state.settings.defective_return_days;
      assert((await field.inputValue()) === String(before), `the field reads ${await field.inputValue()}, not ${before}`);
      const after = before >= 365 ? before - 1 : before + 1;
      await page.locator('#setting-technician_daily_jobs').fill('0');
      await field.fill(String(after));
      await page.locator('#ticket-settings-save').click();
      await page.locator('#setting-technician_daily_jobs-error').waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await field.inputValue()) === String(after), 'the value typed was lost');
      await page.locator('#setting-technician_daily_jobs').fill(String(state.settings.technician_daily_jobs));
      await page.locator('#ticket-settings-save').click();
      await page.locator('#ticket-settings-saved').waitFor({ state: 'visible', timeout: TIMEOUT });
      await shot('settings-en');
      await page.reload();
      await field.waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await field.inputValue()) === String(after), `after a reload the field reads ${await field.inputValue()}`);
      // Put it back through the screen.
      await field.fill(String(before));
      await page.locator('#ticket-settings-save').click();
      await page.locator('#ticket-settings-saved').waitFor({ state: 'visible', timeout: TIMEOUT });
    },
  },
  {
    name: 'what the test changed is put back',
    async run() {
      const token = await admin();
      if (state.original) {
        const now = await api('GET', `/workflows/${state.kind}`, token);
        await api('PUT', `/workflows/${state.kind}`, token,
          { stages: state.original.stages, transitions: state.original.transitions }, { 'if-match': `"${now.version}"` });
      }
      if (state.settings) await api('PUT', '/settings/tickets', token, state.settings);
      const settings = await api('GET', '/settings/tickets', token);
      assert(JSON.stringify(settings) === JSON.stringify(state.settings), `settings read ${JSON.stringify(settings)}`);
    },
  },
];

await run('workflows', tests);
