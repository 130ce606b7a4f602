// Where a webhook may go and what a failure says: targets on loopback, link-local or private
// addresses are refused at delivery unless WEBHOOK_ALLOW_PRIVATE=1, and lastError is a category
// (timeout, refused, tls, dns, http_<status>), never the raw socket error.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/src/config.ts';
import { fixedClock } from '../../core/clock.ts';
import { notify } from '../../core/notifications/notify.ts';
import { createWebhookDispatcher, type WebhookDispatcherOptions } from '../../server/src/notifications/webhook-dispatcher.ts';
import { isPrivateAddress } from '../../server/src/notifications/webhook-target.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let server: http.Server;
let port: number;
let received = 0;
const clock = fixedClock(new Date('2026-11-23T08:00:00Z'));
const dispatcher = (o: Partial<WebhookDispatcherOptions> = {}) => createWebhookDispatcher({ db: h.db.prisma, clock, timeoutMs: 2_000, random: () => 0.5, ...o });
const notifyFamily = () =>
  h.db.prisma.$transaction((tx) => notify(tx, { userIds: [world.user.familyA1], kind: 'report_status', params: { status: 'scheduled' }, link: '/reports/abc12345', now: clock.now() }));
const setUrl = (url: string) => h.db.prisma.webhookEndpoint.update({ where: { centreId: world.centreA }, data: { url } });
async function lastErrorOf(o: Partial<WebhookDispatcherOptions> = {}) {
  await notifyFamily();
  await dispatcher(o).runOnce();
  return (await h.db.prisma.webhookDelivery.findFirstOrThrow({ orderBy: { createdAt: 'desc' } })).lastError;
}

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  server = http.createServer((req, res) => {
    received += 1;
    req.resume().on('end', () => res.writeHead(req.url === '/missing' ? 404 : 200).end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  await h.db.prisma.webhookEndpoint.create({ data: { centreId: world.centreA, url: `http://127.0.0.1:${port}/hook`, enabled: true, secret: 's'.repeat(43) } });
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await h.close();
});
beforeEach(async () => {
  await h.db.prisma.webhookDelivery.deleteMany();
  received = 0;
});

describe('private targets', () => {
  it.each([
    ['127.0.0.1', true], ['127.8.9.10', true], ['10.0.0.5', true], ['172.16.0.1', true], ['172.31.255.255', true], ['192.168.1.20', true],
    ['169.254.169.254', true], ['100.64.0.1', true], ['0.0.0.0', true], ['224.0.0.1', true], ['::1', true], ['::', true], ['fe80::1', true],
    ['fd00::1', true], ['::ffff:127.0.0.1', true], ['::ffff:10.1.2.3', true], ['not-an-address', true],
    ['8.8.8.8', false], ['172.32.0.1', false], ['203.0.113.9', false], ['2001:4860:4860::8888', false], ['::ffff:8.8.8.8', false],
  ])('%s is private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it('a loopback receiver gets nothing by default: the delivery fails as private_address, no connection made', async () => {
    await setUrl(`http://127.0.0.1:${port}/hook`);
    expect(await lastErrorOf()).toBe('private_address');
    expect(received).toBe(0);
  });

  it('a name that resolves to a private address is refused the same way, whatever the port', async () => {
    const resolve = async () => ['10.20.30.40'];
    for (const p of [22, 6379, 9]) {
      await setUrl(`http://gateway.internal.example:${p}/hook`);
      expect(await lastErrorOf({ resolve })).toBe('private_address');
    }
    await setUrl(`http://[::1]:${port}/hook`);
    expect(await lastErrorOf()).toBe('private_address');
  });

  it('with WEBHOOK_ALLOW_PRIVATE=1 the on-premises receiver is reached', async () => {
    expect(parseConfig({ WEBHOOK_ALLOW_PRIVATE: '1' }).webhook.allowPrivate).toBe(true);
    expect(parseConfig({}).webhook.allowPrivate).toBe(false);
    expect(() => parseConfig({ WEBHOOK_ALLOW_PRIVATE: 'yes please' })).toThrow(/WEBHOOK_ALLOW_PRIVATE/);
    await setUrl(`http://127.0.0.1:${port}/hook`);
    expect(await lastErrorOf({ allowPrivate: true })).toBeNull();
    expect(received).toBe(1);
  });

  it('the README configuration table lists WEBHOOK_ALLOW_PRIVATE', () => {
    const readme = fs.readFileSync(path.join(import.meta.dirname, '../../README.md'), 'utf8');
    expect(readme).toMatch(/^\| `WEBHOOK_ALLOW_PRIVATE` \| `0` \| .*loopback.*private/m);
  });
});

describe('lastError names a category', () => {
  it('an answer outside 2xx is http_<status>', async () => {
    await setUrl(`http://127.0.0.1:${port}/missing`);
    expect(await lastErrorOf({ allowPrivate: true })).toBe('http_404');
  });

  it('a closed port is refused, not ECONNREFUSED with an address', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    await setUrl(`http://127.0.0.1:${closedPort}/hook`);
    expect(await lastErrorOf({ allowPrivate: true })).toBe('refused');
  });

  it('TLS spoken to a plain-HTTP receiver is tls', async () => {
    await setUrl(`https://127.0.0.1:${port}/hook`);
    expect(await lastErrorOf({ allowPrivate: true })).toBe('tls');
  });

  it('a name that does not resolve is dns', async () => {
    const resolve = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND gateway.invalid'), { code: 'ENOTFOUND' });
    };
    await setUrl('https://gateway.invalid/hook');
    expect(await lastErrorOf({ resolve })).toBe('dns');
  });
});
