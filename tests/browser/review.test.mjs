// Looking at a ticket again on its page /tickets/:id, in headless Chromium. A repair
// of a registered unit is taken in by clerk.hn01 through the API. On the page the
// clerk decides its warranty again (nothing changed since intake, and the page says
// so). The ticket is cancelled through the API; the administrator then finds it
// closed with a reopen form, is refused without a reason, and reopens it with one:
// the ticket is back in the stage it was closed from, without a reload.
//
//   BASE_URL=http://127.0.0.1:8099 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/review.test.mjs

import { BASE_URL, TIMEOUT, api, assert, run, signIn, signOut, stageIs, switchTo, textOf, tokenFor } from './harness.mjs';

const DIGITS = String(Date.now()).slice(-7);
const state = {};

await run('review', [
  {
    name: 'a repair of a registered unit is taken in through the API',
    async run() {
      const clerk = await tokenFor('clerk.hn01');
      const me = await api('GET', '/auth/me', clerk);
      const model = (await api('GET', '/product-models?q=FTKB25WVMV', clerk)).items[0];
      const owner = await api('POST', '/customers', clerk, {
        branch_id: me.branch_id, kind: 'individual', name: `Review ${DIGITS}`,
        phones: [{ number: `0914 ${DIGITS.slice(0, 3)} ${DIGITS.slice(3)}` }],
      });
      const sold = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
      const unit = await api('POST', '/serials', clerk, {
        model_id: model.id, serial: `RV-${DIGITS}`, sale_date: sold, owner_customer_id: owner.id,
      });
      state.ticket = await api('POST', '/tickets', clerk, {
        branch_id: me.branch_id, kind: 'repair', channel: 'counter', customer_id: owner.id,
        unit: { serial_id: unit.id }, fault_description: 'browser test of the review section',
      });
    },
  },
  {
    name: 'the clerk decides the warranty again and is told nothing changed',
    async run(page) {
      await signIn(page, 'clerk.hn01');
      await page.goto(`${BASE_URL}/tickets/${state.ticket.id}`);
      await stageIs(page, 'received');
      assert(await page.locator('#review-reopen').count() === 0, 'an open ticket offers to be reopened');
      await page.locator('#review-reevaluate').click();
      const said = await textOf(page, '#review-unchanged');
      assert(said === 'The warranty decision is unchanged.', `the page says ${JSON.stringify(said)}`);
    },
  },
  {
    name: 'cancelled, the ticket is reopened by the administrator with a reason, and not without one',
    async run(page, shot) {
      const clerk = await tokenFor('clerk.hn01');
      const now = await api('GET', `/tickets/${state.ticket.id}`, clerk);
      await api('POST', `/tickets/${state.ticket.id}/transitions`, clerk,
        { to: 'cancelled', note: 'the customer took the unit back' }, { 'if-match': `"${now.version}"` });
      await signOut(page);
      await signIn(page, 'admin');
      await page.goto(`${BASE_URL}/tickets/${state.ticket.id}`);
      await stageIs(page, 'cancelled');
      assert(await page.locator('#review-reevaluate').count() === 0, 'a closed ticket offers a new warranty decision');
      await page.locator('#review-reopen').click();
      await page.locator('#review-reopen-problem').waitFor({ timeout: TIMEOUT });
      await page.locator('#review-reopen-reason').fill('cancelled by mistake: the customer came back');
      await page.locator('#review-reopen').click();
      await stageIs(page, 'received');
      await switchTo(page, 'zh');
      const title = await textOf(page, '#ticket-review-title');
      assert(title === '保修与重新打开', `Chinese title reads ${JSON.stringify(title)}`);
      await shot('zh');
      await switchTo(page, 'en');
    },
  },
]);
