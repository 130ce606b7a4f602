// The outbound webhook against a real local HTTP receiver: signed deliveries, retries with backoff
// under a fake clock (same delivery id), a hanging or refusing receiver, a disabled endpoint, and
// state that survives a new dispatcher (a restart).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebhookPayload } from '../../schemas/notifications.ts';
import { parseConfig } from '../../server/src/config.ts';
import { fixedClock } from '../../core/clock.ts';
import { notify } from '../../core/notifications/notify.ts';
import { createWebhookDispatcher, type WebhookDispatcherOptions } from '../../server/src/notifications/webhook-dispatcher.ts';
import { signatureHeader, verifySignature } from '../../server/src/notifications/webhook-signature.ts';
import { expectJson, quickSession } from '../helpers/api.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A node:http receiver on an ephemeral port; `answer` decides each response (or never answers). */
function startReceiver() {
  const received: Received[] = [];
  let answer: (n: number) => number | 'hang' = () => 200;
  let onRequest: (() => void) | undefined;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      onRequest?.();
      const a = answer(received.length);
      if (a === 'hang') return;
      res.writeHead(a, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  return new Promise<{
    url: string;
    received: Received[];
    respond(f: typeof answer): void;
    nextRequest(): Promise<void>;
    close(): Promise<void>;
  }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/hook`,
        received,
        respond: (f) => {
          answer = f;
        },
        nextRequest: () => new Promise<void>((r) => (onRequest = r)),
        close: () => {
          server.closeAllConnections();
          return new Promise<void>((r) => server.close(() => r()));
        },
      });
    });
  });
}

let h: Harness;
let world: World;
let manager: Client;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let secret: string;
const clock = fixedClock(new Date('2026-11-23T08:00:00Z'));
const dispatcher = (o: Partial<WebhookDispatcherOptions> = {}) =>
  // The receiver listens on loopback: the WEBHOOK_ALLOW_PRIVATE=1 of an on-premises gateway.
  createWebhookDispatcher({ db: h.db.prisma, clock, timeoutMs: 2_000, random: () => 0.5, allowPrivate: true, ...o });

/** Notifies family A1 (centre A) inside a transaction, as report code does. */
const notifyFamily = (kind: 'report_status' | 'deep_discharge' = 'report_status', params: Record<string, string> = { status: 'scheduled' }) =>
  h.db.prisma.$transaction((tx) => notify(tx, { userIds: [world.user.familyA1], kind, params, link: '/reports/abc12345', now: clock.now() }));

const deliveries = () => h.db.prisma.webhookDelivery.findMany({ orderBy: { createdAt: 'asc' } });

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  manager = await quickSession(h, EMAIL.managerA);
  receiver = await startReceiver();
  await h.db.prisma.user.update({ where: { id: world.user.familyA1 }, data: { phone: '+62 812 1111 2222', locale: 'en' } });
  secret = (await expectJson(await manager.put(`/api/centres/${world.centreA}/webhook`, { url: receiver.url }), 201)).secret;
});
afterAll(async () => {
  await receiver.close();
  await h.close();
});
beforeEach(async () => {
  await h.db.prisma.webhookDelivery.deleteMany();
  receiver.received.length = 0;
  receiver.respond(() => 200);
  await h.db.prisma.webhookEndpoint.update({ where: { centreId: world.centreA }, data: { url: receiver.url, enabled: true, secret } });
});

describe('webhook delivery', () => {
  it('POSTs a signed payload the receiver verifies, worded in the recipient\'s language with the phone', async () => {
    await notifyFamily();
    const [queued] = await deliveries();
    expect(queued).toMatchObject({ event: 'report_status', attempts: 0, deliveredAt: null });
    expect(receiver.received).toHaveLength(0); // the transaction only wrote a row

    expect(await dispatcher().runOnce()).toEqual({ attempted: 1, delivered: 1, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    const [req] = receiver.received;
    expect(req!.headers['x-atensi-event']).toBe('report_status');
    expect(req!.headers['x-atensi-delivery']).toBe(queued!.id);
    expect(req!.headers['content-type']).toBe('application/json');
    expect(verifySignature(secret, req!.headers['x-atensi-signature'] as string, req!.body, clock.now(), 300)).toBe(true);
    // The signature binds the body, the secret and the time.
    expect(verifySignature(secret, req!.headers['x-atensi-signature'] as string, `${req!.body} `, clock.now(), 300)).toBe(false);
    expect(verifySignature('another-secret', req!.headers['x-atensi-signature'] as string, req!.body, clock.now(), 300)).toBe(false);
    expect(verifySignature(secret, req!.headers['x-atensi-signature'] as string, req!.body, clock.now().getTime() + 600_000, 300)).toBe(false);

    const payload = WebhookPayload.parse(JSON.parse(req!.body));
    expect(payload).toMatchObject({
      event: 'report_status',
      centreId: world.centreA,
      recipient: { userId: world.user.familyA1, phone: '+62 812 1111 2222', locale: 'en' },
      message: 'Update on your report: a visit is scheduled.',
      link: '/reports/abc12345',
    });
    const row = await h.db.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: queued!.id } });
    expect(row).toMatchObject({ attempts: 1, lastError: null, nextAttemptAt: null });
    expect(row.deliveredAt).toEqual(clock.now());
    // Delivered rows are not sent again.
    expect(await dispatcher().runOnce()).toEqual({ attempted: 0, delivered: 0, failed: 0 });
  });

  it('verifySignature refuses missing, malformed and stale headers', () => {
    const body = '{"a":1}';
    const header = signatureHeader(secret, body, clock.now());
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, header, body, clock.now())).toBe(true);
    for (const bad of [undefined, null, '', 'garbage', header.split(',')[0]!, `v1=${header.split('v1=')[1]}`, header.replace(/v1=../, 'v1=00')]) {
      expect(verifySignature(secret, bad, body, clock.now()), String(bad)).toBe(false);
    }
    expect(verifySignature(secret, header, body, clock.now().getTime() - 301_000, 300)).toBe(false);
  });

  it('the timeout and attempts are configured from the environment, and checked', () => {
    expect(parseConfig({ WEBHOOK_TIMEOUT_MS: '2500', WEBHOOK_MAX_ATTEMPTS: '3' }).webhook).toEqual({ timeoutMs: 2500, maxAttempts: 3, allowPrivate: false });
    expect(parseConfig({}).webhook).toEqual({ timeoutMs: 10_000, maxAttempts: 8, allowPrivate: false });
    expect(() => parseConfig({ WEBHOOK_TIMEOUT_MS: '5' })).toThrow(/WEBHOOK_TIMEOUT_MS/);
    expect(() => parseConfig({ WEBHOOK_MAX_ATTEMPTS: 'many' })).toThrow(/WEBHOOK_MAX_ATTEMPTS/);
  });

  it('makes the link absolute with PUBLIC_ORIGIN', async () => {
    await notifyFamily();
    await dispatcher({ publicOrigin: 'https://atensi.example.id' }).runOnce();
    const { body, headers } = receiver.received[0]!;
    expect(JSON.parse(body).link).toBe('https://atensi.example.id/reports/abc12345');
    expect(verifySignature(secret, headers['x-atensi-signature'] as string, body, clock.now())).toBe(true);
  });

  it('a 500 is retried after the backoff with the same delivery id, also by a new dispatcher (restart)', async () => {
    receiver.respond((n) => (n === 1 ? 500 : 200));
    await notifyFamily();
    const t0 = clock.now().getTime();
    expect(await dispatcher().runOnce()).toEqual({ attempted: 1, delivered: 0, failed: 1 });
    const [failed] = await deliveries();
    expect(failed).toMatchObject({ attempts: 1, lastError: 'http_500', deliveredAt: null });
    // 30 s first backoff plus jitter (random 0.5 → +10 %).
    expect(failed!.nextAttemptAt!.getTime()).toBe(t0 + 33_000);

    clock.advance(20_000);
    expect((await dispatcher().runOnce()).attempted).toBe(0);
    expect(receiver.received).toHaveLength(1);

    clock.advance(13_000);
    expect(await dispatcher().runOnce()).toEqual({ attempted: 1, delivered: 1, failed: 0 });
    expect(receiver.received).toHaveLength(2);
    const [first, second] = receiver.received;
    expect(second!.headers['x-atensi-delivery']).toBe(first!.headers['x-atensi-delivery']);
    expect(JSON.parse(second!.body)).toEqual(JSON.parse(first!.body));
    expect(verifySignature(secret, second!.headers['x-atensi-signature'] as string, second!.body, clock.now())).toBe(true);
    const [done] = await deliveries();
    expect(done).toMatchObject({ attempts: 2, lastError: null });
    expect(done!.deliveredAt).not.toBeNull();
  });

  it('backs off exponentially and gives up after the last attempt', async () => {
    receiver.respond(() => 503);
    await notifyFamily();
    const d = dispatcher({ maxAttempts: 3 });
    const gaps: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = clock.now().getTime();
      expect((await d.runOnce()).failed).toBe(1);
      const [row] = await deliveries();
      if (row!.nextAttemptAt) {
        gaps.push(row!.nextAttemptAt.getTime() - before);
        clock.set(row!.nextAttemptAt);
      }
    }
    expect(gaps).toEqual([33_000, 132_000]);
    const [row] = await deliveries();
    expect(row).toMatchObject({ attempts: 3, nextAttemptAt: null, deliveredAt: null, lastError: 'http_503' });
    clock.advance(86_400_000);
    expect((await d.runOnce()).attempted).toBe(0);
    expect(receiver.received).toHaveLength(3);
  });

  it('a hanging receiver times out and is recorded, while the HTTP API keeps answering', async () => {
    receiver.respond(() => 'hang');
    await notifyFamily();
    const arrived = receiver.nextRequest();
    let finished = false;
    const run = dispatcher({ timeoutMs: 1_500 })
      .runOnce()
      .finally(() => {
        finished = true;
      });
    await arrived;
    // The receiver holds the delivery open; requests are served meanwhile.
    expect((await h.anonymous().get('/api/health')).status).toBe(200);
    const list = await expectJson(await manager.get('/api/notifications'));
    expect(list).toHaveProperty('unread');
    expect(finished).toBe(false);
    expect(await run).toEqual({ attempted: 1, delivered: 0, failed: 1 });
    const [row] = await deliveries();
    expect(row).toMatchObject({ attempts: 1, lastError: 'timeout', deliveredAt: null });
    expect(row!.nextAttemptAt).not.toBeNull();
  });

  it('stopping (shutdown) does not wait for a hanging receiver; the message is due again at the next start', async () => {
    receiver.respond(() => 'hang');
    await notifyFamily();
    const d = dispatcher({ timeoutMs: 60_000 });
    const arrived = receiver.nextRequest();
    const run = d.runOnce();
    await arrived;
    await d.stop();
    expect(await run).toEqual({ attempted: 0, delivered: 0, failed: 0 });
    const [row] = await deliveries();
    expect(row).toMatchObject({ attempts: 0, deliveredAt: null, lastError: null });
    expect(row!.nextAttemptAt).toEqual(clock.now());
    receiver.respond(() => 200);
    expect((await dispatcher().runOnce()).delivered).toBe(1);
  });

  it('a refused connection is recorded and retried later', async () => {
    const closed = await startReceiver();
    await closed.close();
    await h.db.prisma.webhookEndpoint.update({ where: { centreId: world.centreA }, data: { url: closed.url } });
    await notifyFamily();
    expect((await dispatcher().runOnce()).failed).toBe(1);
    const [row] = await deliveries();
    expect(row!.lastError).toBe('refused');
    expect(row!.nextAttemptAt).not.toBeNull();
  });

  it('a disabled endpoint gets nothing: no row is queued, and queued rows are held', async () => {
    await notifyFamily(); // queued while enabled
    await expectJson(await manager.put(`/api/centres/${world.centreA}/webhook`, { url: receiver.url, enabled: false }));
    await notifyFamily('deep_discharge', { socPct: '12' });
    expect(await deliveries()).toHaveLength(1);
    expect(await dispatcher().runOnce()).toEqual({ attempted: 0, delivered: 0, failed: 0 });
    expect(receiver.received).toHaveLength(0);
    // The notifications themselves are written either way.
    expect(await h.db.prisma.notification.count({ where: { userId: world.user.familyA1, kind: 'deep_discharge' } })).toBeGreaterThan(0);
  });

  it('the dispatcher started with the server sends in the background and stops cleanly', async () => {
    await notifyFamily();
    const d = dispatcher({ pollMs: 50 });
    const arrived = receiver.nextRequest();
    d.start();
    await arrived;
    await expect.poll(async () => (await deliveries())[0]!.deliveredAt, { timeout: 20_000 }).not.toBeNull();
    await d.stop();
    expect(receiver.received).toHaveLength(1);
  });
});
