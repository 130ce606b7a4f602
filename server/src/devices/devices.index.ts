// Devices: the fleet list, one chair with its state, its telemetry series and refused messages.
// These are the dashboard's hot reads: they go through the telemetry store (prepared statements),
// not Prisma.
import { TELEMETRY_LIMITS, telemetryUnits, type TelemetrySeries } from '../../../schemas/devices.ts';
import { createRouter } from '../http/router.ts';
import type { Actor } from '../access/actor.ts';
import { invalid, notFound } from '../lib/errors.ts';
import * as routes from './devices.routes.ts';
import { chairForecast } from './battery-forecast.ts';
import { findVisibleFleetRow, toDetail } from './devices.service.ts';
import { listFleet } from './fleet-list.ts';
import type { FleetReadModel } from '../../../core/telemetry/fleet-read-model.ts';
import { canSeeDevice } from '../access/scopes.ts';
import { rawHorizon, servedResolution } from '../../../core/telemetry/retention.ts';
import { actorOf } from '../http/access.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const rawUnits = ['t', 'socPct', 'voltageV', 'currentA', 'tempC', 'odometerM', 'motorSeconds', 'fullChargeAh'] as const;
const aggregateUnits = ['t', 'socMin', 'socMax', 'socLast', 'voltMin', 'tempMax', 'currentMin', 'chargingPct', 'distanceM', 'motorSeconds', 'fullChargeAh'] as const;
const unitsOf = (keys: readonly (keyof typeof telemetryUnits)[]) => Object.fromEntries(keys.map((k) => [k, telemetryUnits[k]]));

/** The device's chair key (null: it never reported), or 404 unless the actor may see the device. */
async function locateVisible(model: FleetReadModel, actor: Actor, id: string): Promise<number | null> {
  const d = await model.locateDevice(id);
  if (!d || !canSeeDevice(actor, d)) throw notFound('device');
  return d.chairKey;
}

/** The instants asked for, checked against the bounds (422 naming the field at fault). */
function telemetryRange(q: { from?: string; to?: string; resolution: TelemetrySeries['resolution'] }, now: number) {
  const to = q.to ? Date.parse(q.to) : now;
  const from = q.from ? Date.parse(q.from) : to - DAY;
  if (from >= to) throw invalid('`from` must be before `to`', [{ path: ['from'], message: 'not before to', code: 'custom' }]);
  if (to - from > TELEMETRY_LIMITS.maxRangeDays * DAY) {
    throw invalid(`at most ${TELEMETRY_LIMITS.maxRangeDays} days at once`, [{ path: ['from'], message: 'range too long', code: 'custom' }]);
  }
  if (q.resolution === 'raw' && to - from > TELEMETRY_LIMITS.rawMaxHours * HOUR) {
    throw invalid(`raw samples for at most ${TELEMETRY_LIMITS.rawMaxHours} hours at once; use resolution=hour`, [
      { path: ['resolution'], message: 'raw range too long', code: 'custom' },
    ]);
  }
  return { from, to };
}

export function deviceRoutes() {
  const app = createRouter();

  app.openapi(routes.list, async (c) => {
    const { telemetry, clock, config } = c.get('deps');
    return c.json(await listFleet(telemetry, actorOf(c), c.req.valid('query'), clock.now(), config.rules), 200);
  });

  app.openapi(routes.get, async (c) => {
    const { telemetry, clock, config } = c.get('deps');
    const actor = actorOf(c);
    const row = await findVisibleFleetRow(telemetry, actor, c.req.valid('param').id, clock.now());
    const detail = toDetail(row, actor, clock.now(), config.rules);
    if (detail.batteryForecast !== undefined && row.state) {
      // The chair page fits the forecast afresh, with the points its chart draws.
      const chair = { key: row.state.key, ratedAh: row.model.ratedAh, batteryInstalledAt: row.batteryInstalledAt, capacityPct: detail.state?.capacityPct ?? null };
      detail.batteryForecast = await chairForecast(telemetry, chair, clock.now().getTime());
    }
    return c.json(detail, 200);
  });

  app.openapi(routes.telemetry, async (c) => {
    const { telemetry, clock, config } = c.get('deps');
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const now = clock.now().getTime();
    const { from, to } = telemetryRange(q, now);
    const chairKey = await locateVisible(telemetry, actorOf(c), id);
    // Raw samples older than the horizon are gone (TELEMETRY_RAW_DAYS): such a raw read is answered
    // from the hourly rollups, and `resolution` says so.
    const horizon = rawHorizon(now, config.telemetryRawDays);
    const resolution = servedResolution(q.resolution, from, horizon);
    const base = { deviceId: id, from: new Date(from).toISOString(), to: new Date(to).toISOString(), requested: q.resolution, rawSince: new Date(horizon).toISOString() };
    if (resolution === 'raw') {
      const { points, stride } = chairKey === null ? { points: [], stride: 1 } : await telemetry.rawSeries(chairKey, from, to, TELEMETRY_LIMITS.maxPoints);
      return c.json({ ...base, resolution: 'raw' as const, units: unitsOf(rawUnits), stride, points }, 200);
    }
    const points = chairKey === null ? [] : await telemetry.aggregateSeries(chairKey, from, to, resolution);
    return c.json({ ...base, resolution, units: unitsOf(aggregateUnits), points }, 200);
  });

  app.openapi(routes.rejected, async (c) => {
    const { telemetry } = c.get('deps');
    const { id } = c.req.valid('param');
    const { limit, offset } = c.req.valid('query');
    await locateVisible(telemetry, actorOf(c), id);
    const { items, byReason, refusedConnections } = await telemetry.rejectedMessages(id, limit, offset);
    return c.json(
      {
        items: items.map((r) => ({ ...r, receivedAt: new Date(r.receivedAt).toISOString() })),
        total: byReason.reduce((n, r) => n + r.count, 0),
        byReason,
        refusedConnections: {
          count: refusedConnections.count,
          since: refusedConnections.since === null ? null : new Date(refusedConnections.since).toISOString(),
        },
      },
      200,
    );
  });

  return app;
}
