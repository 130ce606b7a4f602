// A raw telemetry read past the raw horizon (TELEMETRY_RAW_DAYS) is answered from the hourly rollups
// and says so (`resolution` served, `requested`, `rawSince`); reads inside the horizon stay raw.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { rawHorizon, runRetention } from '../../core/telemetry/retention.ts';
import { SqliteRawPruner } from '../../core/telemetry/sqlite-retention.ts';
import { expectJson } from '../helpers/api.ts';
import { commitSeries, deviceOf, fleetStore, HOUR } from '../helpers/fleet-fixture.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL } from '../helpers/world.ts';

const DAY = 24 * HOUR;
const MIN = 60_000;
// 25 minutes past an hour, so the horizon (a whole hour) is not "now minus two days".
const NOW = Date.UTC(2026, 11, 1, 9, 25);
const HORIZON = rawHorizon(NOW, 2);
/** The first sample, on a whole hour. */
const START = Math.floor((NOW - 4 * DAY) / HOUR) * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const url = (id: string, from: number, to: number, resolution: string) =>
  `/api/devices/${id}/telemetry?${new URLSearchParams({ from: iso(from), to: iso(to), resolution })}`;

let h: Harness;
let tech: Client;
let chair: string;
let stored: number;

beforeAll(async () => {
  h = await createHarness({ env: { TELEMETRY_RAW_DAYS: '2' }, clock: fixedClock(new Date(NOW)) });
  tech = await h.as(EMAIL.technicianA);
  chair = (await deviceOf(h, 'Muhammad Fajar Nugroho')).id;
  // A sample every 10 minutes for four days, then the retention run removes the two older days.
  stored = (await commitSeries(fleetStore(h), chair, { from: START, to: NOW - 10 * MIN, everyMs: 10 * MIN })).length;
  const run = await runRetention(new SqliteRawPruner(h.db.raw), { horizon: HORIZON, batchRows: 100, pauseMs: 0 });
  expect(run.deleted).toBeGreaterThan(0);
});
afterAll(() => h.close());

describe('raw reads and the raw horizon', () => {
  it('a raw range older than the horizon comes from hourly rollups and says so', async () => {
    const s = await expectJson(await tech.get(url(chair, HORIZON - 30 * HOUR, HORIZON - 6 * HOUR - 1, 'raw')));
    expect(s).toMatchObject({ resolution: 'hour', requested: 'raw', rawSince: iso(HORIZON) });
    expect(s.units).toMatchObject({ socMin: '%', distanceM: 'm' });
    expect(s.points.map((p: { t: number }) => p.t)).toEqual(Array.from({ length: 24 }, (_, k) => HORIZON - 30 * HOUR + k * HOUR));
    // Each hour's six samples are in its rollup, though their raw rows are gone.
    expect(s.points.every((p: { n: number }) => p.n === 6)).toBe(true);
    expect(s).not.toHaveProperty('stride');
  });

  it('a raw range that starts before the horizon and ends after it is served hourly as a whole', async () => {
    const s = await expectJson(await tech.get(url(chair, HORIZON - 2 * HOUR, HORIZON + 3 * HOUR - 1, 'raw')));
    expect(s).toMatchObject({ resolution: 'hour', requested: 'raw' });
    expect(s.points.map((p: { n: number }) => p.n)).toEqual([6, 6, 6, 6, 6]);
  });

  it('a raw range inside the horizon stays raw', async () => {
    const s = await expectJson(await tech.get(url(chair, HORIZON, HORIZON + 4 * HOUR, 'raw')));
    expect(s).toMatchObject({ resolution: 'raw', requested: 'raw', rawSince: iso(HORIZON), stride: 1 });
    expect(s.points.map((p: { t: number }) => p.t)).toEqual(Array.from({ length: 25 }, (_, k) => HORIZON + k * 10 * MIN));
  });

  it('hourly and daily reads are served as asked, before the horizon too', async () => {
    const hourly = await expectJson(await tech.get(url(chair, START, START + DAY - 1, 'hour')));
    expect(hourly).toMatchObject({ resolution: 'hour', requested: 'hour' });
    expect(hourly.points).toHaveLength(24);
    const daily = await expectJson(await tech.get(url(chair, START, NOW, 'day')));
    expect(daily).toMatchObject({ resolution: 'day', requested: 'day' });
    expect(daily.points.reduce((n: number, p: { n: number }) => n + p.n, 0)).toBe(stored);
  });
});
