// The partner console in headless Chromium: the administrator creates a partner, an
// API key (its secret shown once, then only its prefix) and revokes it; subscribes
// an endpoint of the partner to events, pointing at a receiver this test starts on
// 127.0.0.1 (it answers 204 and records what it gets); sees the signing secret
// once; sends a test message, which arrives signed with that secret and shows as
// delivered in the log with its attempt and payload; switches the endpoint off
// (a replay is then refused) and on; replays the delivery, which arrives again with
// the same webhook-id; and reads the log in Persian. Plain Node with the shared
// tests/browser/harness.mjs:
//
//   BASE_URL=http://127.0.0.1:8216 NODE_TOOLS=$HOME/.cache/aftersales/node \
//     node tests/browser/partners.test.mjs
//
// Screenshots land in tests/browser/screenshots/partners-*.png.

import { createServer } from 'node:http';
import { createHmac } from 'node:crypto';

import { run, assert, api, tokenFor, signIn, switchTo, textOf, toast, persianDigits, BASE_URL, TIMEOUT } from './harness.mjs';

const STAMP = Date.now().toString(36).toUpperCase();
const PARTNER = `BT-${STAMP}`;
const PARTNER_ROW = `#partner-table tr[data-code="${PARTNER}"]`;

// The receiver: every request it got, in order.
const received = [];
const receiver = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    received.push({ path: request.url, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
    response.writeHead(204);
    response.end();
  });
});
await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const HOOK_URL = `http://127.0.0.1:${receiver.address().port}/hooks/${STAMP.toLowerCase()}`;
const HOOK_ROW = `#webhook-table tr[data-url="${HOOK_URL}"]`;

let keySecret = null;
let signingSecret = null;
let pingId = null;

/// Waits until `check()` is true, doing `between()` before each new look.
async function until(what, check, between = async () => {}, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
    await between();
  }
}

/// Whether a Standard Webhooks signature header holds a `v1,` signature of the
/// request under `secret` (`whsec_<base64 key>`).
function signedWith(request, secret) {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': header } = request.headers;
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${request.body}`).digest('base64');
  return (header || '').split(' ').includes(`v1,${expected}`);
}

/// The log, read again until the delivery of `event` is `status`.
async function logShows(page, event, status) {
  const row = `#webhook-deliveries tr[data-event="${event}"][data-status="${status}"]`;
  await until(`a ${event} delivery ${status} in the log`, async () => (await page.locator(row).count()) > 0, async () => {
    await page.locator('#webhook-log-refresh').click();
    await page.locator('#webhook-deliveries tbody tr').first().waitFor({ state: 'attached', timeout: TIMEOUT });
  });
  return row;
}

const tests = [
  {
    name: 'the admin creates a partner through the form',
    async run(page) {
      await signIn(page, 'admin');
      await page.goto(`${BASE_URL}/partners`);
      await page.locator('#partner-new').click();
      await page.locator('#partner-code').fill(PARTNER);
      await page.locator('#partner-name').fill(`Browser test shop ${STAMP}`);
      await page.locator('#partner-kind').selectOption('ecommerce_platform');
      await page.locator('#partner-contact-email').fill(`hooks-${STAMP.toLowerCase()}@example.com`);
      await page.locator('#partner-submit').click();
      await toast(page, `${PARTNER} saved.`);
      await page.locator(PARTNER_ROW).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await textOf(page, `${PARTNER_ROW} td.kind`)) === 'E-commerce platform', 'the kind is not shown');
    },
  },
  {
    name: 'an API key shows its secret once, then only its prefix; it is revoked after a question',
    async run(page, shot) {
      await page.locator(`${PARTNER_ROW} .partner-keys`).click();
      await page.locator('#partner-keys').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.locator('#key-name').fill('Shop website');
      await page.locator('#key-scope-tickets-write').check();
      await page.locator('#key-create').click();
      keySecret = await textOf(page, '#key-secret-value');
      const row = '#key-table tr[data-prefix]';
      await page.locator(row).first().waitFor({ state: 'visible', timeout: TIMEOUT });
      const prefix = await page.locator(row).first().getAttribute('data-prefix');
      assert(keySecret.startsWith(prefix) && keySecret.length > prefix.length, `the secret ${keySecret} does not start with the prefix ${prefix}`);
      assert((await textOf(page, `${row} td.scopes`)).includes('tickets:write'), 'the scopes are not listed');
      await shot('key-secret');
      await page.locator('#key-secret-done').click();
      await page.locator('#key-secret').waitFor({ state: 'detached', timeout: TIMEOUT });
      const body = await page.locator('body').innerText();
      assert(!body.includes(keySecret), 'the secret is still on the page');
      assert((await textOf(page, `${row} td.code`)).startsWith(prefix), 'the row does not show the prefix');
      // Revoked only after the question is answered yes.
      await page.locator(`${row} .key-revoke`).click();
      assert((await textOf(page, `${row} .settings-confirm`)).includes('Revoke this key?'), 'no question was asked');
      await page.locator(`${row} .key-revoke-no`).click();
      assert((await page.locator(`${row} .key-revoked`).count()) === 0, 'revoked without a yes');
      await page.locator(`${row} .key-revoke`).click();
      await page.locator(`${row} .key-revoke-yes`).click();
      await page.locator(`${row} .key-revoked`).waitFor({ state: 'visible', timeout: TIMEOUT });
      const token = await tokenFor('admin');
      const partner = (await api('GET', '/partners?limit=200', token)).items.find((p) => p.code === PARTNER);
      const keys = await api('GET', `/partners/${partner.id}/api-keys`, token);
      assert(keys.length === 1 && keys[0].revoked_at, 'the key is not revoked on the server');
      await page.locator('#keys-close').click();
      await page.locator('#partner-keys').waitFor({ state: 'detached', timeout: TIMEOUT });
    },
  },
  {
    name: 'a webhook endpoint needs an event; subscribed, its signing secret is shown once',
    async run(page, shot) {
      await page.locator(`${PARTNER_ROW} .partner-webhooks`).click();
      await page.locator('#partner-webhooks').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.locator('#webhook-table tr.empty').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.locator('#webhook-url').fill(HOOK_URL);
      await page.locator('#webhook-description').fill('Order status sync');
      await page.locator('#webhook-create').click();
      const error = await textOf(page, '#webhook-events-error');
      assert(error.includes('at least one event'), `the events error reads ${JSON.stringify(error)}`);
      assert((await page.locator('#webhook-url').inputValue()) === HOOK_URL, 'the address was lost');
      await page.locator('#webhook-event-ticket-created').check();
      await page.locator('#webhook-event-ticket-stage-changed').check();
      await page.locator('#webhook-create').click();
      signingSecret = await textOf(page, '#webhook-secret-value');
      assert(signingSecret.startsWith('whsec_'), `the secret reads ${signingSecret}`);
      assert((await textOf(page, '#webhook-secret')).includes('shown only this once'), 'no warning with the secret');
      await page.locator(HOOK_ROW).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await textOf(page, `${HOOK_ROW} .webhook-state`)) === 'On', 'the endpoint is not on');
      const events = await textOf(page, `${HOOK_ROW} td.events`);
      assert(events.includes('Ticket created') && events.includes('Ticket stage changed'), `the events read ${events}`);
      assert((await textOf(page, `${HOOK_ROW} td.url`)).includes('Order status sync'), 'the description is not shown');
      assert((await page.locator('#webhook-url').inputValue()) === '', 'the form was not emptied');
      await shot('webhook-secret');
      await page.locator('#webhook-secret-done').click();
      await page.locator('#webhook-secret').waitFor({ state: 'detached', timeout: TIMEOUT });
      assert(!(await page.locator('body').innerText()).includes(signingSecret), 'the secret is still on the page');
    },
  },
  {
    name: 'a test message arrives signed with that secret and shows delivered in the log',
    async run(page, shot) {
      await page.locator(`${HOOK_ROW} .webhook-ping`).click();
      await toast(page, 'Test message queued');
      await page.locator('#webhook-log').waitFor({ state: 'visible', timeout: TIMEOUT });
      await until('the ping at the receiver', async () => received.some((r) => r.body.includes('"webhook.ping"')), async () => {}, 20_000);
      const ping = received.find((r) => r.body.includes('"webhook.ping"'));
      assert(ping.path === new URL(HOOK_URL).pathname, `the ping went to ${ping.path}`);
      assert(signedWith(ping, signingSecret), 'the ping is not signed with the secret shown');
      pingId = ping.headers['webhook-id'];
      const row = await logShows(page, 'webhook.ping', 'delivered');
      assert((await textOf(page, `${row} .delivery-status`)) === 'Delivered', 'the status is not worded');
      assert((await textOf(page, `${row} td.event`)) === 'Test message', 'the event is not worded');
      assert((await textOf(page, `${row} td.last-answer`)).includes('204'), 'the answer is not shown');
      await page.locator(`${row} .delivery-open`).click();
      await page.locator('#delivery-attempts tbody tr').first().waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await page.locator('#delivery-attempts tbody tr').count()) === 1, 'not one attempt');
      assert((await textOf(page, '#delivery-attempts td.status-code')) === '204', 'the attempt has no status');
      assert((await textOf(page, '#delivery-attempts td.duration')).endsWith('ms'), 'the attempt has no duration');
      assert((await textOf(page, '#delivery-payload')) === ping.body, 'the payload is not the body sent');
      assert((await textOf(page, '#delivery-detail')).includes(pingId), 'the webhook-id is not shown');
      await shot('log-en');
      // The status filter: nothing has failed; every status shows the ping again.
      await page.locator('#webhook-log-status').selectOption('failed');
      await page.locator(row).waitFor({ state: 'detached', timeout: TIMEOUT });
      await page.locator('#webhook-log-status').selectOption('');
      await page.locator(row).waitFor({ state: 'visible', timeout: TIMEOUT });
    },
  },
  {
    name: 'switched off the endpoint takes nothing (a replay is refused); switched on again',
    async run(page) {
      await page.locator(`${HOOK_ROW} .webhook-off`).click();
      assert((await textOf(page, `${HOOK_ROW} .settings-confirm`)).includes('Switch this endpoint off?'), 'no question was asked');
      await page.locator(`${HOOK_ROW} .webhook-off-yes`).click();
      await page.locator(`${HOOK_ROW}[data-active="false"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await textOf(page, `${HOOK_ROW} .webhook-state`)) === 'Off', 'the endpoint does not read off');
      assert((await textOf(page, `${HOOK_ROW} .webhook-off-reason`)).length > 0, 'no reason is given');
      assert(await page.locator(`${HOOK_ROW} .webhook-ping`).isDisabled(), 'a test can be sent to an endpoint that is off');
      await page.locator('#delivery-replay').click();
      await textOf(page, '#delivery-detail p.alert');
      assert((await textOf(page, '#delivery-detail p.alert')).includes('switched off'), 'the refusal is not explained');
      await page.locator(`${HOOK_ROW} .webhook-on`).click();
      await page.locator(`${HOOK_ROW}[data-active="true"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await page.locator(`${HOOK_ROW} .webhook-off-reason`).count()) === 0, 'the reason stayed');
    },
  },
  {
    name: 'a replayed delivery arrives again with the same webhook-id; the detail lists both attempts',
    async run(page) {
      const before = received.length;
      await page.locator('#delivery-replay').click();
      await toast(page, 'Queued to be sent again.');
      await until('the replay at the receiver', async () => received.length > before, async () => {}, 20_000);
      const again = received[received.length - 1];
      assert(again.headers['webhook-id'] === pingId, 'the replay has another webhook-id');
      assert(signedWith(again, signingSecret), 'the replay is not signed with the secret');
      await logShows(page, 'webhook.ping', 'delivered');
      await until('two attempts in the detail', async () => (await page.locator('#delivery-attempts tbody tr').count()) === 2, async () => {
        await page.locator('#webhook-log-refresh').click();
      });
    },
  },
  {
    name: 'a rotated secret is shown once with until when the old one still signs',
    async run(page) {
      await page.locator(`${HOOK_ROW} .webhook-rotate`).click();
      await page.locator(`${HOOK_ROW} .webhook-rotate-yes`).click();
      const rotated = await textOf(page, '#webhook-secret-value');
      assert(rotated.startsWith('whsec_') && rotated !== signingSecret, 'no new secret is shown');
      assert((await textOf(page, '#webhook-secret')).includes('old secret too until'), 'the overlap is not explained');
      await page.locator(`${HOOK_ROW} .webhook-old-secret`).waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.locator('#webhook-secret-done').click();
      // Both secrets sign the next message.
      const before = received.length;
      await page.locator(`${HOOK_ROW} .webhook-ping`).click();
      await until('the second ping', async () => received.length > before, async () => {}, 20_000);
      const ping = received[received.length - 1];
      assert(signedWith(ping, rotated) && signedWith(ping, signingSecret), 'not signed with both secrets');
    },
  },
  {
    name: 'in Persian the log is worded and dated in Persian digits',
    async run(page, shot) {
      await switchTo(page, 'fa');
      const row = '#webhook-deliveries tr[data-event="webhook.ping"]';
      await page.locator(row).first().waitFor({ state: 'visible', timeout: TIMEOUT });
      const created = await textOf(page, `${row} td.created`);
      assert(persianDigits(created), `the time reads ${created}`);
      assert((await textOf(page, '#webhook-log-title')).includes('گزارش ارسال'), 'the log title is not in Persian');
      assert((await textOf(page, `${HOOK_ROW} .webhook-state`)) === 'روشن', 'the state is not in Persian');
      await shot('log-fa');
      await switchTo(page, 'en');
    },
  },
];

await run('partners', tests);
