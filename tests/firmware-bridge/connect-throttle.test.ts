// Refused chair connections: the embedded broker counts an attempt per client id and per address
// before it looks up the secret, so a flood of wrong secrets or unknown ids is refused without
// database work; refusals are stored as counted rows, and technicians see how many there were.
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrokerRefusal, type EmbeddedBroker, startEmbeddedBroker } from '../../firmware-bridge/src/broker/embedded-broker.ts';
import { ConnectThrottle } from '../../firmware-bridge/src/broker/connect-throttle.ts';
import { cheapAccount, expectJson } from '../helpers/api.ts';
import { unique } from '../helpers/fixtures.ts';
import { startTelemetryFixture, type TelemetryFixture } from '../helpers/telemetry-fixture.ts';
import { EMAIL } from '../helpers/world.ts';

/** Tries to connect; true if the broker accepted. */
async function tryConnect(url: string, clientId: string, password: string, username = clientId): Promise<boolean> {
  const client = await mqtt.connectAsync(url, { clientId, username, password, reconnectPeriod: 0, connectTimeout: 5000 }).catch(() => null);
  if (!client) return false;
  await client.endAsync(true);
  return true;
}

async function inParallel(n: number, chunk: number, one: (i: number) => Promise<unknown>) {
  for (let i = 0; i < n; i += chunk) await Promise.all(Array.from({ length: Math.min(chunk, n - i) }, (_, k) => one(i + k)));
}

describe('the embedded broker throttles refused connections', () => {
  const GOOD = 'chairgood0001';
  const SECRET = 'the-right-secret';
  let broker: EmbeddedBroker;
  let url: string;
  const lookups: string[] = [];
  const refusals: BrokerRefusal[] = [];

  beforeAll(async () => {
    broker = await startEmbeddedBroker({
      port: 0,
      host: '127.0.0.1',
      prefix: 'atensi',
      bridge: { username: 'bridge', password: 'bridge-secret-0123456789' },
      // Stands for the registry lookup (the database work a refused flood must not cause).
      verifyDevice: (id, secret) => (lookups.push(id), id === GOOD && secret === SECRET),
      onRefusal: (r) => refusals.push(r),
      throttle: new ConnectThrottle({ maxFailures: 5, windowMs: 60_000 }),
    });
    url = `mqtt://127.0.0.1:${broker.port}`;
  });
  afterAll(() => broker.close());

  it('a chair that signs in correctly is never throttled', async () => {
    for (let i = 0; i < 12; i++) expect(await tryConnect(url, GOOD, SECRET)).toBe(true);
  });

  it('40 parallel wrong secrets for one id: at most 5 are looked up, every one is refused and reported', async () => {
    const victim = 'chairvictim01';
    lookups.length = 0;
    refusals.length = 0;
    const accepted = await Promise.all(Array.from({ length: 40 }, () => tryConnect(url, victim, 'guess')));
    expect(accepted.filter(Boolean)).toEqual([]);
    expect(lookups.filter((id) => id === victim).length).toBeLessThanOrEqual(5);
    expect(refusals).toHaveLength(40);
    for (const r of refusals) expect(r).toMatchObject({ reason: 'auth_failed', deviceId: victim, beforeSignIn: true });
    expect(refusals.filter((r) => r.detail.includes('unchecked')).length).toBeGreaterThanOrEqual(35);
    // The id stays locked for the window, even with the right secret (refused unchecked).
    lookups.length = 0;
    expect(await tryConnect(url, victim, SECRET)).toBe(false);
    expect(lookups).toEqual([]);
  });

  it('one address trying many unknown ids is refused unchecked after 5 × the per-id limit', async () => {
    lookups.length = 0;
    await inParallel(60, 20, (i) => tryConnect(url, `chairunknown${String(i).padStart(3, '0')}`, 'guess'));
    // The earlier test's 5 checked failures came from the same address.
    expect(lookups.length).toBeLessThanOrEqual(25 - 5);
    lookups.length = 0;
    expect(await tryConnect(url, 'chairunknown999', 'guess')).toBe(false);
    expect(lookups).toEqual([]);
  });

  it('the bridge\'s own account is never locked by strangers\' wrong guesses', async () => {
    for (let i = 0; i < 3; i++) expect(await tryConnect(url, 'bridge-x', 'wrong', 'bridge')).toBe(false);
    expect(await tryConnect(url, 'bridge-x', 'bridge-secret-0123456789', 'bridge')).toBe(true);
  });
});

describe('rows written by a flood of refusals (the bound of finding 4)', () => {
  let f: TelemetryFixture;
  beforeAll(async () => {
    f = await startTelemetryFixture('aedes');
  }, 60_000);
  afterAll(() => f?.close());

  const rows = () => f.count('SELECT count(*) AS n FROM rejected_message') + f.count('SELECT count(*) AS n FROM "AuditLog"');
  const loginFrom = (ip: string, email: string, password: string) =>
    f.h.app.request(
      'http://localhost/api/auth/login',
      { method: 'POST', headers: { origin: 'http://localhost', 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) },
      { incoming: { socket: { remoteAddress: ip } } } as never,
    );

  it('300 refused connects for one chair plus 300 wrong sign-ins from one address add at most 100 rows; technicians see the count', async () => {
    const chair = f.chairs[0]!;
    const accounts = await Promise.all([0, 1, 2].map((i) => cheapAccount(f.h, { email: `bound${i}.${unique()}@test.atensi.id` })));
    const before = rows();

    await inParallel(300, 25, () => tryConnect(f.url, chair.deviceId, 'not-the-secret'));
    const statuses: number[] = [];
    await inParallel(300, 25, async (i) => {
      const email = i % 4 === 3 ? `nobody${i}.${unique()}@test.atensi.id` : accounts[i % 4]!.email;
      statuses.push((await loginFrom('10.7.7.7', email, 'wrong-password')).status);
    });
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    // The bridge commits refusals in the background: wait until all 300 are counted.
    await f.waitFor(() => f.count("SELECT coalesce(sum(count), 0) AS n FROM rejected_message WHERE device_id = ? AND reason = 'auth_failed'", chair.deviceId) === 300);

    const added = rows() - before;
    const mqttRows = f.count('SELECT count(*) AS n FROM rejected_message WHERE agg_key IS NOT NULL');
    const byAction = f.h.db.raw.prepare('SELECT action, count(*) AS n, sum(count) AS total FROM "AuditLog" WHERE aggregateKey IS NOT NULL GROUP BY action').all();
    // A login window that turns during the run starts new rows for the same keys.
    console.log(`refusal-bound: 300 refused connects + 300 wrong sign-ins added ${added} rows (${mqttRows} rejected_message, ${added - mqttRows} AuditLog: ${JSON.stringify(byAction)})`);
    expect(added).toBeLessThanOrEqual(100);
    const failed = await f.h.db.prisma.auditLog.aggregate({ where: { action: { in: ['auth.login_failed', 'auth.login_blocked'] } }, _sum: { count: true } });
    expect(failed._sum.count).toBe(300);

    const device = await f.h.db.prisma.device.findUniqueOrThrow({ where: { id: chair.deviceId }, select: { centre: { select: { code: true } } } });
    const tech = f.h.creds.users.find((u) => u.role === 'technician' && u.centre === device.centre?.code)?.email ?? EMAIL.technicianA;
    const list = await expectJson(await (await f.h.as(tech)).get(`/api/devices/${chair.deviceId}/rejected-messages`));
    expect(list.refusedConnections.count).toBe(300);
    expect(Date.parse(list.refusedConnections.since)).toBeLessThanOrEqual(Date.now());
    expect(list.byReason).toContainEqual({ reason: 'auth_failed', count: 300 });
  }, 120_000);
});
