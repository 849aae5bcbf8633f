// The files of a ticket on its page /tickets/:id, in headless Chromium. An
// installation ticket is taken in by clerk.hn01, dispatched to tech.hn01 and put
// in service through the API. On the page the technician finds the step to
// "completed" held back by the missing installation card, with a link to the files;
// attaching nothing is refused in words; the card's photo is attached from a file,
// listed with its picture, and downloaded byte for byte; the step then opens and is
// taken. Then the section in Persian and Chinese, and at 360 px.
//
//   BASE_URL=http://127.0.0.1:8099 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/attachments.test.mjs

import { readFileSync } from 'node:fs';

import {
  BASE_URL, TIMEOUT, api, assert, overflow, run, signIn, stageIs, stepEnabled, switchTo, takeStep, textOf, tokenFor,
} from './harness.mjs';

// A real 2×2 PNG, so that the browser can draw the thumbnail.
const CARD = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DA0PCfAUIBACFyBP1TVaZ3AAAAAElFTkSuQmCC',
  'base64',
);
const DAY = (() => {
  const d = new Date(Date.UTC(2034, 0, 1) + (Date.now() % 3000) * 86_400_000);
  return d.toISOString().slice(0, 10);
})();
const state = {};

await run('attachments', [
  {
    name: 'an installation is taken in, dispatched to tech.hn01 and put in service through the API',
    async run() {
      const clerk = await tokenFor('clerk.hn01');
      const dispatcher = await tokenFor('dispatcher.hn01');
      const tech = await tokenFor('tech.hn01');
      const me = await api('GET', '/auth/me', clerk);
      const model = (await api('GET', '/product-models?limit=1', clerk)).items[0];
      const phone = `+84 9${String(Date.now()).slice(-8)}`;
      const ticket = await api('POST', '/tickets', clerk, {
        branch_id: me.branch_id,
        kind: 'installation',
        channel: 'phone',
        new_customer: { kind: 'individual', name: `Card ${Date.now()}`, phones: [{ number: phone }], allow_duplicate: true },
        model_id: model.id,
      });
      const techs = await api('GET', `/users?role=technician&branch_id=${me.branch_id}`, dispatcher);
      const technician = techs.items.find((u) => u.username === 'tech.hn01');
      const sent = await api('POST', `/tickets/${ticket.id}/dispatch`, dispatcher, {
        technician_id: technician.id,
        appointment_from: `${DAY}T02:00:00Z`,
        appointment_to: `${DAY}T04:00:00Z`,
        override: true,
        override_reason: 'browser test',
      }, { 'if-match': `"${ticket.version}"` });
      await api('POST', `/tickets/${ticket.id}/transitions`, tech, { to: 'in_service' },
        { 'if-match': `"${sent.ticket.version}"` });
      state.ticket = ticket;
    },
  },
  {
    name: 'the step to completed waits for the card and links to the files, which are empty',
    async run(page) {
      await signIn(page, 'tech.hn01');
      await page.goto(`${BASE_URL}/tickets/${state.ticket.id}`);
      await stageIs(page, 'in_service');
      const step = page.locator('#ticket-steps li[data-to="completed"]');
      await step.locator('li[data-guard="installation_card_returned"]').waitFor({ timeout: TIMEOUT });
      assert(await step.locator('button').isDisabled(), 'completed can be taken without the card');
      await step.locator('a.attach-card').click();
      await page.waitForURL(/#ticket-attachments$/, { timeout: TIMEOUT });
      await page.locator('#attachments-none').waitFor({ timeout: TIMEOUT });
      const purpose = await page.locator('#attachments-purpose').inputValue();
      assert(purpose === 'installation_card', `an installation's upload starts as ${purpose}`);
    },
  },
  {
    name: 'attaching without a file is refused in words; the card photo is attached, shown and downloaded',
    async run(page, shot) {
      await page.locator('#attachments-upload').click();
      const hint = await textOf(page, '#attachments-file-error');
      assert(hint === 'Choose a photo or a file first.', `hint reads ${JSON.stringify(hint)}`);
      await page.locator('#attachments-file').setInputFiles({ name: 'card.png', mimeType: 'image/png', buffer: CARD });
      await page.locator('#attachments-upload').click();
      const notice = await textOf(page, '#attachments-attached');
      assert(notice === 'card.png is attached.', `notice reads ${JSON.stringify(notice)}`);
      const row = page.locator('#attachments-list li[data-purpose="installation_card"]');
      await row.waitFor({ timeout: TIMEOUT });
      assert((await row.innerText()).includes('card.png'), 'the row does not name the file');
      await page.waitForFunction(() => {
        const img = document.querySelector('#attachments-list img.attachment-thumb');
        return img && img.complete && img.naturalWidth === 2;
      }, null, { timeout: TIMEOUT });
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: TIMEOUT }),
        row.locator('button').click(),
      ]);
      assert(download.suggestedFilename() === 'card.png', `downloaded as ${download.suggestedFilename()}`);
      const saved = readFileSync(await download.path());
      assert(Buffer.compare(saved, CARD) === 0, 'the download differs from the upload');
      await shot('en');
    },
  },
  {
    name: 'with the card attached the step to completed opens and is taken',
    async run(page) {
      await stepEnabled(page, 'completed');
      await takeStep(page, 'completed');
      const listed = await api('GET', `/tickets/${state.ticket.id}/attachments`, await tokenFor('clerk.hn01'));
      assert(listed.length === 1 && listed[0].purpose === 'installation_card', JSON.stringify(listed));
    },
  },
  {
    name: 'the files in Persian and Chinese, and at 360 px nothing scrolls sideways',
    async run(page, shot) {
      await switchTo(page, 'fa');
      const title = await textOf(page, '#ticket-attachments-title');
      assert(title === 'پیوست‌ها', `Persian title reads ${JSON.stringify(title)}`);
      await shot('fa');
      await switchTo(page, 'zh');
      const purpose = (await page.locator('#attachments-list li strong').first().innerText()).trim();
      assert(purpose === '寄回的安装卡', `Chinese purpose reads ${JSON.stringify(purpose)}`);
      await shot('zh');
      await page.setViewportSize({ width: 360, height: 740 });
      assert((await overflow(page)) <= 0, 'the page scrolls sideways at 360 px');
      await shot('zh-360');
      await switchTo(page, 'en');
    },
  },
]);
