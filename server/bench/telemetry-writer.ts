// A stand-in for the MQTT bridge in its own process: commits one chair's samples through the real
// SQLite ingest (its own connection, the bridge's 5 s busy timeout) every few milliseconds, while an
// import runs elsewhere. Usage: `node --import tsx server/bench/telemetry-writer.ts <db file> <device id>`.
// Prints `ready` after the first commit; on any line on stdin it stops and prints one JSON line:
// commits, stored samples, refused commits (e.g. SQLITE_BUSY) and the slowest commit in ms.
import { setTimeout as sleep } from 'node:timers/promises';
import { openRaw } from '../../core/db/client.ts';
import { SqliteTelemetryStore } from '../../core/telemetry/sqlite-telemetry-store.ts';

const [file, deviceId] = process.argv.slice(2);
if (!file || !deviceId) throw new Error('usage: telemetry-writer.ts <db file> <device id>');
const store = new SqliteTelemetryStore(openRaw(file));
const bootId = `w${process.pid}`;
const out = { commits: 0, stored: 0, refused: 0, errors: [] as string[], slowestMs: 0 };
let running = true;
process.stdin.once('data', () => (running = false));

for (let seq = 0; running; seq += 1) {
  const ts = Date.now();
  const sample = {
    v: 1 as const, bootId, seq, ts,
    battery: { socPct: 80, voltageV: 25.4, currentA: -4.5, tempC: 31.5, charging: false, cycleCount: 120, fullChargeAh: 18.6 },
    usage: { odometerM: 150_000 + seq, motorSeconds: 90_000 + seq },
  };
  const t0 = performance.now();
  try {
    out.stored += (await store.commit({ samples: [{ deviceId, sample, receivedAt: ts }], rejections: [], statuses: [] })).stored;
    out.commits += 1;
  } catch (err) {
    out.refused += 1;
    if (out.errors.length < 5) out.errors.push(String((err as { code?: string }).code ?? (err as Error).message));
  }
  out.slowestMs = Math.max(out.slowestMs, Math.round(performance.now() - t0));
  if (seq === 0) process.stdout.write('ready\n');
  await sleep(5);
}
await store.close();
process.stdout.write(`${JSON.stringify(out)}\n`, () => process.exit(0));
