// A chair's telemetry series (raw by walking its prev_id chain, hourly and daily from the rollups),
// the query bounds, and the messages the bridge refused from it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AcceptedSample } from '../../core/telemetry/telemetry-store.ts';
import { expectError, expectInvalid, expectJson } from '../helpers/api.ts';
import { commitRejections, commitSeries, deviceOf, fleetStore, HOUR, telemetrySample } from '../helpers/fleet-fixture.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let tech: Client;
let family: Client;
let fajar: string;
let dimas: string;
let yusuf: string;
let rizky: string;
let spare: string; // centre A's electric chair in stock
// Whole hours, so bucket boundaries are known exactly.
const end = Math.floor(Date.now() / HOUR) * HOUR - HOUR;
const start = end - 30 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const url = (id: string, q: Record<string, string>) => `/api/devices/${id}/telemetry?${new URLSearchParams(q)}`;

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  [tech, family] = await Promise.all([h.as(EMAIL.technicianA), h.as(EMAIL.familyA2)]);
  const chairs = await Promise.all([deviceOf(h, 'Muhammad Fajar Nugroho'), deviceOf(h, 'Dimas Saputra'), deviceOf(h, 'Yusuf Hidayat'), deviceOf(h, 'Rizky Pratama')]);
  [fajar, dimas, yusuf, rizky] = chairs.map((d) => d.id) as [string, string, string, string];
  spare = (await h.db.prisma.device.findFirstOrThrow({ where: { centreId: world.centreA, status: 'in_stock', model: { kind: 'electric' } } })).id;
  const store = fleetStore(h);
  // Fajar: one sample a minute for 30 hours; 10 m and 8 s of driving per minute; charging on the hour's last 15 minutes.
  await commitSeries(store, fajar, {
    from: start,
    to: end - 60_000,
    everyMs: 60_000,
    at: (i) => ({ socPct: 90 - (i % 60) / 2, odometerM: 10_000 + i * 10, motorSeconds: 1_000 + i * 8, charging: i % 60 >= 45, tempC: 30 + (i % 7) }),
  });
  // Dimas: 48 hours at one sample every 30 s — more than the raw limit of 5000 points.
  await commitSeries(store, dimas, { from: end - 48 * HOUR + 30_000, to: end, everyMs: 30_000 });
});
afterAll(() => h.close());

describe('hourly and daily series', () => {
  it('returns one bucket per hour with the rollup values, distances that add up, and units', async () => {
    const s = await expectJson(await tech.get(url(fajar, { from: iso(start), to: iso(end - 1), resolution: 'hour' })));
    expect(s).toMatchObject({ deviceId: fajar, resolution: 'hour', from: iso(start), to: iso(end - 1) });
    expect(s.units).toMatchObject({ socMin: '%', voltMin: 'V', tempMax: '°C', distanceM: 'm', motorSeconds: 's', t: 'ms' });
    expect(s.points).toHaveLength(30);
    expect(s.points.map((p: { t: number }) => p.t)).toEqual(Array.from({ length: 30 }, (_, k) => start + k * HOUR));
    expect(s.points.every((p: { n: number }) => p.n === 60)).toBe(true);
    expect(s.points[0]).toMatchObject({ socMax: 90, socMin: 60.5, socLast: 60.5, chargingPct: 25, tempMax: 36, voltMin: 25.4 });
    // The first hour counts its own movement; later ones include the minute between hours.
    expect(s.points[0].distanceM).toBe(590);
    expect(s.points[1].distanceM).toBe(600);
    expect(s.points.reduce((n: number, p: { distanceM: number }) => n + p.distanceM, 0)).toBe(1799 * 10);
    expect(s.points.reduce((n: number, p: { motorSeconds: number }) => n + p.motorSeconds, 0)).toBe(1799 * 8);
  });

  it('a later window counts distance from the hour before it, so nothing is lost at the edge', async () => {
    const s = await expectJson(await tech.get(url(fajar, { from: iso(start + 10 * HOUR), to: iso(start + 12 * HOUR - 1), resolution: 'hour' })));
    expect(s.points.map((p: { distanceM: number }) => p.distanceM)).toEqual([600, 600]);
  });

  it('folds hours into UTC days', async () => {
    const s = await expectJson(await tech.get(url(fajar, { from: iso(start), to: iso(end), resolution: 'day' })));
    expect(s.points.length).toBeGreaterThanOrEqual(2);
    expect(s.points.every((p: { t: number }) => p.t % (24 * HOUR) === 0)).toBe(true);
    expect(s.points.reduce((n: number, p: { n: number }) => n + p.n, 0)).toBe(1800);
    expect(s.points.reduce((n: number, p: { distanceM: number }) => n + p.distanceM, 0)).toBe(1799 * 10);
    expect(s.points.every((p: { chargingPct: number }) => p.chargingPct === 25)).toBe(true);
  });

  it('defaults to the last 24 hours at hourly resolution', async () => {
    const s = await expectJson(await tech.get(`/api/devices/${fajar}/telemetry`));
    expect(s.resolution).toBe('hour');
    expect(Date.parse(s.to) - Date.parse(s.from)).toBe(24 * HOUR);
    expect(s.points.length).toBeGreaterThanOrEqual(22);
  });
});

describe('raw series', () => {
  it('walks the chair\'s chain: exactly its samples in the window, oldest first, in real units', async () => {
    const from = start + 5 * HOUR + 30 * 60_000;
    const to = start + 7 * HOUR;
    const s = await expectJson(await tech.get(url(fajar, { from: iso(from), to: iso(to), resolution: 'raw' })));
    expect(s.stride).toBe(1);
    expect(s.points).toHaveLength(91); // 5:30 … 7:00 inclusive, one a minute
    expect(s.points.map((p: { t: number }) => p.t)).toEqual(Array.from({ length: 91 }, (_, k) => from + k * 60_000));
    const i = (from - start) / 60_000;
    expect(s.points[0]).toEqual({
      t: from, socPct: 90 - (i % 60) / 2, voltageV: 25.4, currentA: -4.5, tempC: 30 + (i % 7), charging: i % 60 >= 45,
      odometerM: 10_000 + i * 10, motorSeconds: 1_000 + i * 8, cycleCount: 120, fullChargeAh: 18.6,
    });
    expect(s.units).toMatchObject({ socPct: '%', voltageV: 'V', currentA: 'A', tempC: '°C' });
  });

  it('keeps chairs apart when their samples interleave, stores a resend once, and places a late sample by its time', async () => {
    const store = fleetStore(h);
    const t0 = end - 2 * HOUR;
    const batch: AcceptedSample[] = [];
    for (let k = 0; k < 20; k += 1) {
      batch.push({ deviceId: yusuf, sample: telemetrySample('y1', k, t0 + k * 60_000, { socPct: 50 + k }), receivedAt: t0 + k * 60_000 });
      batch.push({ deviceId: spare, sample: telemetrySample('x9', k, t0 + k * 60_000), receivedAt: t0 + k * 60_000 });
    }
    await store.commit({ samples: batch.filter((_, k) => k % 4 !== 0), rejections: [], statuses: [] });
    // The held-back ones arrive later (out of order), one of them twice.
    const late = batch.filter((_, k) => k % 4 === 0 && batch[k]!.deviceId === yusuf);
    await store.commit({ samples: [...late, late[0]!], rejections: [], statuses: [] });
    const s = await expectJson(await tech.get(url(yusuf, { from: iso(t0), to: iso(t0 + HOUR), resolution: 'raw' })));
    expect(s.points.map((p: { t: number }) => p.t)).toEqual(Array.from({ length: 20 }, (_, k) => t0 + k * 60_000));
    expect(s.points.map((p: { socPct: number }) => p.socPct)).toEqual(Array.from({ length: 20 }, (_, k) => 50 + k));
  });

  it('thins a long series evenly to at most 5000 points, ending at the newest sample', async () => {
    const s = await expectJson(await tech.get(url(dimas, { from: iso(end - 48 * HOUR), to: iso(end), resolution: 'raw' })));
    expect(s.stride).toBe(2);
    expect(s.points).toHaveLength(2880);
    expect(s.points.at(-1).t).toBe(end);
    expect(s.points[1].t - s.points[0].t).toBe(60_000);
  });

  it('is empty for a manual chair and for a window without samples', async () => {
    const manual = await expectJson(await tech.get(url(rizky, { resolution: 'raw' })));
    expect(manual.points).toEqual([]);
    const quiet = await expectJson(await tech.get(url(fajar, { from: iso(start - 10 * HOUR), to: iso(start - 1), resolution: 'raw' })));
    expect(quiet.points).toEqual([]);
  });
});

describe('bounds and access', () => {
  it('refuses more than 31 days, raw beyond 48 hours, an empty or inverted window, and bad values (422)', async () => {
    await expectInvalid(await tech.get(url(fajar, { from: iso(end - 32 * 24 * HOUR), to: iso(end) })), ['from']);
    await expectInvalid(await tech.get(url(fajar, { from: iso(end - 49 * HOUR), to: iso(end), resolution: 'raw' })), ['resolution']);
    await expectInvalid(await tech.get(url(fajar, { from: iso(end), to: iso(end) })), ['from']);
    await expectInvalid(await tech.get(url(fajar, { from: iso(end), to: iso(end - HOUR) })), ['from']);
    await expectInvalid(await tech.get(url(fajar, { from: 'yesterday' })), ['from']);
    await expectInvalid(await tech.get(url(fajar, { to: '2026-13-01T00:00:00Z' })), ['to']);
    await expectInvalid(await tech.get(url(fajar, { resolution: 'minute' })), ['resolution']);
    // 31 days exactly is allowed.
    await expectJson(await tech.get(url(fajar, { from: iso(end - 31 * 24 * HOUR), to: iso(end), resolution: 'day' })));
  });

  it('another centre\'s chair is not found; families have no telemetry history', async () => {
    const other = await h.db.prisma.device.findFirstOrThrow({ where: { centreId: world.centreB } });
    await expectError(await tech.get(url(other.id, {})), 404);
    await expectError(await family.get(url(fajar, {})), 403);
  });
});

describe('rejected messages', () => {
  beforeAll(async () => {
    const store = fleetStore(h);
    const base = { clientId: fajar, topic: `atensi/chairs/${fajar}/telemetry`, preview: '{"v":1' };
    await commitRejections(store, [
      ...Array.from({ length: 5 }, (_, k) => ({ ...base, receivedAt: end - k * 1000, deviceId: fajar, reason: 'schema' as const, detail: `battery.socPct: too big ${k}`, size: 210 })),
      ...Array.from({ length: 2 }, (_, k) => ({ ...base, receivedAt: end - 10_000 - k, deviceId: fajar, reason: 'bad_json' as const, detail: 'Unexpected token', size: 12 })),
      { ...base, receivedAt: end, deviceId: dimas, clientId: dimas, reason: 'oversize' as const, detail: 'over 2048 bytes', size: 4000 },
    ]);
  });

  it('lists the chair\'s refused messages newest first, paged, with counts by reason', async () => {
    const page = await expectJson(await tech.get(`/api/devices/${fajar}/rejected-messages?limit=3`));
    expect(page.total).toBe(7);
    expect(page.byReason).toEqual([{ reason: 'schema', count: 5 }, { reason: 'bad_json', count: 2 }]);
    expect(page.items).toHaveLength(3);
    expect(page.items[0]).toMatchObject({ reason: 'schema', detail: 'battery.socPct: too big 0', size: 210, receivedAt: iso(end), topic: `atensi/chairs/${fajar}/telemetry` });
    expect(page.items[0]).not.toHaveProperty('preview');
    const rest = await expectJson(await tech.get(`/api/devices/${fajar}/rejected-messages?limit=3&offset=5`));
    expect(rest.items.map((r: { reason: string }) => r.reason)).toEqual(['bad_json', 'bad_json']);
    const detail = await expectJson(await tech.get(`/api/devices/${fajar}/rejected-messages`));
    expect(detail.items.map((r: { receivedAt: string }) => Date.parse(r.receivedAt))).toEqual(
      [...detail.items.map((r: { receivedAt: string }) => Date.parse(r.receivedAt))].sort((a, b) => b - a),
    );
  });

  it('is refused to families, empty for a clean chair, and 422 for bad paging', async () => {
    await expectError(await family.get(`/api/devices/${fajar}/rejected-messages`), 403);
    expect(await expectJson(await tech.get(`/api/devices/${yusuf}/rejected-messages`))).toEqual({ items: [], total: 0, byReason: [], refusedConnections: { count: 0, since: null } });
    await expectInvalid(await tech.get(`/api/devices/${fajar}/rejected-messages?limit=1000`), ['limit']);
  });
});
