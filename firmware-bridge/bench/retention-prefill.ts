// bench:ingest --retention-rows N: fills the raw table with N samples older than the default raw
// horizon (through the real store, so chains and rollups are as in production), before any live
// sample, so the retention run in the bridge has old rows to delete while the paced phase ingests.
import type Database from 'better-sqlite3';
import { SqliteTelemetryStore } from '../../core/telemetry/sqlite-telemetry-store.ts';
import { RETENTION } from '../../core/telemetry/retention.ts';

const DAY = 86_400_000;

export function prefillOldRows(raw: Database.Database, deviceIds: string[], rows: number, log: (msg: string) => void) {
  const store = new SqliteTelemetryStore(raw);
  // Ten days of samples ending ten days past the horizon, spread evenly over the chairs.
  const end = Date.now() - (RETENTION.rawDays + 10) * DAY;
  const step = Math.max(1, Math.floor((10 * DAY) / Math.ceil(rows / deviceIds.length)));
  const perChair = Math.ceil(rows / deviceIds.length);
  const started = Date.now();
  let written = 0;
  for (let seq = 0; seq < perChair && written < rows; ) {
    const samples = [];
    for (let k = 0; k < 50 && seq < perChair; k++, seq++) {
      const ts = end - (perChair - seq) * step;
      for (const deviceId of deviceIds) {
        if (written + samples.length >= rows) break;
        samples.push({
          deviceId,
          receivedAt: ts + 2000,
          sample: {
            v: 1 as const, bootId: 'old-boot', seq, ts,
            battery: { socPct: 40 + (seq % 600) / 10, voltageV: 25.31, currentA: -6.42, tempC: 31.4, charging: false, cycleCount: 212, fullChargeAh: 18.92 },
            usage: { odometerM: 1_000_000 + seq * 12, motorSeconds: 400_000 + seq * 9 },
          },
        });
      }
    }
    store.commit({ samples, rejections: [], statuses: [] });
    written += samples.length;
  }
  log(`  prefilled ${written} samples older than ${RETENTION.rawDays} days in ${Math.round((Date.now() - started) / 1000)} s`);
  return written;
}
