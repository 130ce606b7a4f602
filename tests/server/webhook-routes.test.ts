// Managing a centre's webhook: the secret shown once (on creation and rotation), URL checks,
// scoping to the manager's own centre, recent deliveries in the view, removal, and the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookView } from '../../schemas/notifications.ts';
import { expectError, expectInvalid, expectJson, quickSession } from '../helpers/api.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let manager: Client;
let admin: Client;
let managerB: Client;
let path: string;

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  [manager, admin, managerB] = await Promise.all([quickSession(h, EMAIL.managerA), quickSession(h, EMAIL.admin), quickSession(h, EMAIL.managerB)]);
  path = `/api/centres/${world.centreA}/webhook`;
});
afterAll(() => h.close());

describe('centre webhook', () => {
  it('is 404 until set up', async () => {
    await expectError(await manager.get(path), 404);
    await expectError(await manager.post(`${path}/rotate`), 404);
    await expectError(await manager.delete(path), 404);
  });

  it('creating answers 201 with the secret once (32 random bytes, base64url); later reads never show it', async () => {
    const created = WebhookView.parse(await expectJson(await manager.put(path, { url: 'http://192.168.1.20:8080/sms?key=abc' }), 201));
    expect(created).toMatchObject({ centreId: world.centreA, url: 'http://192.168.1.20:8080/sms?key=abc', enabled: true, recent: [] });
    expect(created.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(created.secret!, 'base64url')).toHaveLength(32);
    const stored = await h.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { centreId: world.centreA } });
    expect(stored.secret).toBe(created.secret);

    const read = await expectJson(await manager.get(path));
    expect(read).not.toHaveProperty('secret');
    const updated = await expectJson(await manager.put(path, { url: 'http://localhost:9000/hook', enabled: false }));
    expect(updated).toMatchObject({ url: 'http://localhost:9000/hook', enabled: false });
    expect(updated).not.toHaveProperty('secret');
    expect((await h.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { centreId: world.centreA } })).secret).toBe(created.secret);
  });

  it('rotating replaces the secret and shows the new one once', async () => {
    const before = (await h.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { centreId: world.centreA } })).secret;
    const rotated = await expectJson(await manager.post(`${path}/rotate`));
    expect(rotated.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(rotated.secret).not.toBe(before);
    expect((await h.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { centreId: world.centreA } })).secret).toBe(rotated.secret);
  });

  it('refuses credentials in the URL and other schemes; allows loopback and LAN addresses', async () => {
    await expectInvalid(await manager.put(path, { url: 'https://user:pw@gateway.example.id/hook' }), ['url']);
    await expectInvalid(await manager.put(path, { url: 'https://user@gateway.example.id/hook' }), ['url']);
    await expectInvalid(await manager.put(path, { url: 'ftp://gateway.example.id/hook' }), ['url']);
    await expectInvalid(await manager.put(path, { url: 'not a url' }), ['url']);
    await expectInvalid(await manager.put(path, { url: 'https://gateway.example.id/hook', extra: 1 }), []);
    for (const url of ['http://127.0.0.1:3999/hook', 'http://10.0.0.5/hook', 'https://gateway.example.id/hook']) {
      expect((await expectJson(await manager.put(path, { url }))).url).toBe(url);
    }
  });

  it('lists the recent deliveries with their state', async () => {
    const e = await h.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { centreId: world.centreA } });
    const at = new Date('2026-11-23T08:00:00Z');
    await h.db.prisma.webhookDelivery.createMany({
      data: [
        { endpointId: e.id, event: 'report_new', payload: '{}', attempts: 1, deliveredAt: at, createdAt: at },
        { endpointId: e.id, event: 'deep_discharge', payload: '{}', attempts: 2, lastError: 'http_500', nextAttemptAt: new Date(at.getTime() + 120_000), createdAt: new Date(at.getTime() + 1000) },
      ],
    });
    const view = await expectJson(await manager.get(path));
    expect(view.recent).toMatchObject([
      { event: 'deep_discharge', attempts: 2, deliveredAt: null, lastError: 'http_500', nextAttemptAt: '2026-11-23T08:02:00.000Z' },
      { event: 'report_new', attempts: 1, deliveredAt: '2026-11-23T08:00:00.000Z', lastError: null, nextAttemptAt: null },
    ]);
    expect(view.recent[0]).not.toHaveProperty('payload');
  });

  it('another centre\'s manager gets 404; the admin manages any centre, and 404 for a missing one', async () => {
    await expectError(await managerB.get(path), 404);
    await expectError(await managerB.put(path, { url: 'http://10.0.0.9/hook' }), 404);
    await expectError(await managerB.post(`${path}/rotate`), 404);
    await expectError(await managerB.delete(path), 404);
    expect((await expectJson(await admin.get(path))).centreId).toBe(world.centreA);
    await expectError(await admin.put('/api/centres/nosuchcentre0/webhook', { url: 'http://10.0.0.9/hook' }), 404);
  });

  it('removing deletes the endpoint and its deliveries; every change is audited without the URL or secret', async () => {
    expect(await expectJson(await manager.delete(path))).toEqual({ ok: true });
    await expectError(await manager.get(path), 404);
    expect(await h.db.prisma.webhookDelivery.count()).toBe(0);
    const audit = await h.db.prisma.auditLog.findMany({ where: { entityType: 'WebhookEndpoint' }, orderBy: { at: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['webhook.create', 'webhook.update', 'webhook.rotate', 'webhook.delete']));
    for (const a of audit) {
      expect(a.details ?? '').not.toContain('key=abc');
      expect(a.details ?? '').not.toMatch(/secret/);
    }
    expect(audit.every((a) => a.centreId === world.centreA)).toBe(true);
  });
});
