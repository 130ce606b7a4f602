// `npm run bench:ingest`: the ceiling (broker → a subscriber that only parses and discards) and
// the end-to-end committed rate through the real bridge, in the same run and alternating rounds;
// then p50/p99 publish→commit latency at a fixed 5k msg/s, bridge RSS, bytes per sample on disk,
// lost and duplicated samples. `--broker aedes|mosquitto` picks the broker (Mosquitto configured by
// `mosquitto:config`), `--bridges N` runs N bridges sharing the subscription (and N ceiling
// subscribers in the same shared group). With --retention-rows N, N samples older than the raw
// horizon are stored first and a second paced phase runs the retention job in the (first) bridge
// while it ingests. Prints progress; the last line is one JSON object.
import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseBridgeConfig } from '../src/config.ts';
import { openRaw } from '../../core/db/client.ts';
import { migrate } from '../../core/db/migrate.ts';
import { generateDeviceSecret, hashDeviceSecret } from '../../core/devices/credentials.ts';
import { serialKey } from '../../schemas/devices.ts';
import { type BenchBroker, startBenchMosquitto } from './bench-broker.ts';
import { prefillOldRows } from './retention-prefill.ts';

const { values } = parseArgs({
  options: {
    chairs: { type: 'string', default: '200' },
    messages: { type: 'string', default: '120000' },
    rounds: { type: 'string', default: '3' },
    'latency-rate': { type: 'string', default: '5000' },
    'latency-seconds': { type: 'string', default: '10' },
    'latency-warmup': { type: 'string', default: '2' },
    broker: { type: 'string', default: 'aedes' },
    bridges: { type: 'string', default: '1' },
    'retention-rows': { type: 'string', default: '0' },
  },
});
const BROKER = values.broker;
if (BROKER !== 'aedes' && BROKER !== 'mosquitto') throw new Error('--broker must be aedes or mosquitto');
const BRIDGES = Number(values.bridges);
if (!Number.isInteger(BRIDGES) || BRIDGES < 1 || BRIDGES > 16) throw new Error('--bridges must be 1..16');
if (BRIDGES > 1 && BROKER === 'aedes') throw new Error('--bridges above 1 needs --broker mosquitto (aedes has no shared subscriptions)');
/** Several consumers share the subscription in this group ('-': none, one plain subscriber). */
const GROUP = BRIDGES > 1 ? 'bench' : '-';
const CHAIRS = Number(values.chairs);
const MESSAGES = Number(values.messages);
const ROUNDS = Number(values.rounds);
const LAT_RATE = Number(values['latency-rate']);
const LAT_SECONDS = Number(values['latency-seconds']);
/**
 * The latency phase starts on a fresh broker and bridge, whose first second runs cold code (JIT,
 * first allocations): the samples of the first seconds are sent but not counted, as in any
 * steady-state latency measurement. 0 counts everything.
 */
const LAT_WARMUP = Number(values['latency-warmup']);
for (const [k, v] of Object.entries({ CHAIRS, MESSAGES, ROUNDS, LAT_RATE, LAT_SECONDS })) {
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${k.toLowerCase()} must be a positive number`);
}
if (!Number.isFinite(LAT_WARMUP) || LAT_WARMUP < 0) throw new Error('--latency-warmup must be 0 or more seconds');
const RETENTION_ROWS = Number(values['retention-rows']);
if (!Number.isInteger(RETENTION_ROWS) || RETENTION_ROWS < 0) throw new Error('--retention-rows must be a whole number, 0 for none');

const log = (msg: string) => process.stderr.write(`${msg}\n`);
const workerPath = path.join(import.meta.dirname, 'worker.ts');
const children: ChildProcess[] = [];

function start(role: string, ...args: string[]) {
  const child = fork(workerPath, [role, ...args], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.push(child);
  const latestByType = new Map<string, { type: string; [k: string]: unknown }>();
  const unclaimed: { type: string }[] = [];
  const waiters: [string, (m: never) => void][] = [];
  child.on('message', (m: { type: string }) => {
    latestByType.set(m.type, m);
    const i = waiters.findIndex(([type]) => type === m.type);
    if (i >= 0) waiters.splice(i, 1)[0]![1](m as never);
    else if (m.type !== 'count') unclaimed.push(m);
  });
  return {
    child,
    latest: (type: string) => latestByType.get(type),
    /** The next message of a type, including one that arrived before anyone asked. */
    next: <T>(type: string) =>
      new Promise<T>((resolve) => {
        const i = unclaimed.findIndex((m) => m.type === type);
        if (i >= 0) resolve(unclaimed.splice(i, 1)[0] as T);
        else waiters.push([type, resolve as never]);
      }),
    stop: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))),
  };
}
type Worker = ReturnType<typeof start>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** What the consumers (bridges or sinks) have counted together, and when the last of them counted. */
function counted(consumers: Worker[]) {
  const latest = consumers.map((c) => c.latest('count'));
  return { n: latest.reduce((s, c) => s + ((c?.n as number | undefined) ?? 0), 0), at: Math.max(...latest.map((c) => (c?.at as number | undefined) ?? 0)) };
}

async function measure(consumers: Worker[], url: string, chairsJson: string, total: number, rate: number, label: string) {
  const base = counted(consumers).n;
  const load = start('load', url, chairsJson, String(total), String(rate));
  await load.next('ready');
  const t0 = Date.now();
  let last = 0;
  for (;;) {
    await sleep(100);
    const c = counted(consumers);
    const n = c.n - base;
    if (Date.now() - last > 2000) {
      last = Date.now();
      log(`  ${label}: ${n}/${total} (${Math.round((n / (Date.now() - t0)) * 1000)} msg/s)`);
    }
    if (n >= total) {
      const done = c.at - t0;
      const finished = await load.next<{ seqs: number[]; bootId: string }>('done');
      await load.stop();
      return { rate: (total / done) * 1000, ms: done, seqs: finished.seqs, bootId: finished.bootId };
    }
    if (Date.now() - t0 > 300_000) throw new Error(`${label} did not finish in 5 minutes (${n}/${total})`);
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atensi-bench-'));
  const config = parseBridgeConfig({ DATA_DIR: dir });
  log(`bench:ingest — ${BROKER}, ${BRIDGES} bridge(s), ${CHAIRS} chairs, ${MESSAGES} messages per round, ${ROUNDS} rounds; data in ${dir}`);
  migrate(config.dataDir, config.databaseFile);
  const raw = openRaw(config.databaseFile);
  raw.prepare(`INSERT INTO "Centre" (id, code, name, city, province, updatedAt) VALUES ('benchcentre0', 'BENCH', 'Bench', 'X', 'X', 0)`).run();
  raw.prepare(`INSERT INTO "DeviceModel" (id, name, manufacturer, kind, isoCode, updatedAt) VALUES ('benchmodel00', 'M', 'B', 'electric', '12 23 06', 0)`).run();
  const chairs = Array.from({ length: CHAIRS }, (_, i) => ({ deviceId: `benchchair${String(i).padStart(6, '0')}`, secret: generateDeviceSecret() }));
  const insert = raw.prepare(`INSERT INTO "Device" (id, serial, serialKey, modelId, centreId, status, mqttSecretHash, updatedAt) VALUES (?, ?, ?, 'benchmodel00', 'benchcentre0', 'in_use', ?, 0)`);
  raw.transaction(() => chairs.forEach((c, i) => insert.run(c.deviceId, `BENCH-${i}`, serialKey(`BENCH-${i}`), hashDeviceSecret(c.secret))))();
  const oldRows = RETENTION_ROWS > 0 ? prefillOldRows(raw, chairs.map((c) => c.deviceId), RETENTION_ROWS, log) : 0;
  raw.pragma('wal_checkpoint(TRUNCATE)');
  const sizeBefore = fs.statSync(config.databaseFile).size;
  const chairsJson = JSON.stringify(chairs);

  // Each phase gets a fresh broker process, so no phase pays for another's sessions or backlog.
  const startBroker = async (): Promise<BenchBroker> => {
    if (BROKER === 'mosquitto') return startBenchMosquitto(raw);
    const broker = start('broker', config.databaseFile);
    const { port } = await broker.next<{ port: number }>('ready');
    return { url: `mqtt://127.0.0.1:${port}`, bridgeUrl: `mqtt://127.0.0.1:${port}`, stop: broker.stop };
  };
  /** N consumers of a role ('sink' or 'bridge'), each with its own client id, ready. */
  const startConsumers = async (role: 'sink' | 'bridge', url: string, warmupS = 0, retention = false) => {
    const consumers = Array.from({ length: BRIDGES }, (_, i) =>
      role === 'sink' ? start('sink', url, `bench-sink-${i + 1}`, GROUP) : start('bridge', url, config.databaseFile, String(warmupS * 1000), `bench-bridge-${i + 1}`, GROUP, retention && i === 0 ? 'retention' : ''),
    );
    for (const c of consumers) {
      c.child.on('message', (m: { type: string; rss?: number }) => {
        if (m.type === 'count' && m.rss) rss = Math.max(rss, m.rss);
      });
    }
    await Promise.all(consumers.map((c) => c.next('ready')));
    return { consumers, stop: () => Promise.all(consumers.map((c) => c.stop())) };
  };

  const ceilings: number[] = [];
  const committed: number[] = [];
  const expected = new Map<string, number>(); // `${deviceId}:${bootId}` → samples produced
  let rss = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    log(`round ${round}/${ROUNDS}: ceiling (broker → subscriber that parses and discards)`);
    {
      const broker = await startBroker();
      const sinks = await startConsumers('sink', broker.bridgeUrl);
      const c = await measure(sinks.consumers, broker.url, chairsJson, MESSAGES, 0, 'ceiling');
      ceilings.push(c.rate);
      await sinks.stop();
      await broker.stop();
    }
    log(`round ${round}/${ROUNDS}: end to end (broker → bridge → SQLite commit)`);
    {
      const broker = await startBroker();
      const bridges = await startConsumers('bridge', broker.bridgeUrl);
      const e = await measure(bridges.consumers, broker.url, chairsJson, MESSAGES, 0, 'committed');
      e.seqs.forEach((n, i) => expected.set(`${chairs[i]!.deviceId}:${e.bootId}`, n));
      committed.push(e.rate);
      await bridges.stop();
      await broker.stop();
    }
    log(`  ceiling ${Math.round(ceilings.at(-1)!)} msg/s, committed ${Math.round(committed.at(-1)!)} msg/s, ratio ${(committed.at(-1)! / ceilings.at(-1)!).toFixed(2)}`);
  }

  log(`latency: ${LAT_RATE} msg/s for ${LAT_WARMUP} s of warm-up (not counted), then ${LAT_SECONDS} s`);
  const broker = await startBroker();
  const bridges = await startConsumers('bridge', broker.bridgeUrl, LAT_WARMUP);
  const lat = await measure(bridges.consumers, broker.url, chairsJson, LAT_RATE * (LAT_WARMUP + LAT_SECONDS), LAT_RATE, 'paced');
  lat.seqs.forEach((n, i) => expected.set(`${chairs[i]!.deviceId}:${lat.bootId}`, n));
  const latencies: number[] = [];
  for (const b of bridges.consumers) {
    b.child.send({ type: 'latencies' });
    latencies.push(...(await b.next<{ values: number[] }>('latencies')).values);
  }

  const totalExpected = [...expected.values()].reduce((a, b) => a + b, 0) + oldRows;
  await waitStored(raw, totalExpected, 'final');
  await bridges.stop();
  await broker.stop();

  let retention: Record<string, number> | null = null;
  if (oldRows > 0) {
    log(`latency with retention: ${LAT_RATE} msg/s while the bridge deletes ${oldRows} old samples in batches`);
    const b2 = await startBroker();
    const bridges2 = await startConsumers('bridge', b2.bridgeUrl, LAT_WARMUP, true);
    const done = bridges2.consumers[0]!.next<{ deleted: number; batches: number; ms: number }>('retention');
    const lat2 = await measure(bridges2.consumers, b2.url, chairsJson, LAT_RATE * (LAT_WARMUP + LAT_SECONDS), LAT_RATE, 'paced+retention');
    lat2.seqs.forEach((n, i) => expected.set(`${chairs[i]!.deviceId}:${lat2.bootId}`, n));
    const during: number[] = [];
    for (const b of bridges2.consumers) {
      b.child.send({ type: 'latencies' });
      during.push(...(await b.next<{ values: number[] }>('latencies')).values);
    }
    const run = await done;
    await bridges2.stop();
    await b2.stop();
    retention = { oldRows, deleted: run.deleted, batches: run.batches, runMs: run.ms, phaseS: LAT_SECONDS, p50Ms: pct(during, 50), p99Ms: pct(during, 99) };
    log(`  retention deleted ${run.deleted} rows in ${run.batches} batches, ${run.ms} ms · p99 ${retention.p99Ms} ms with, ${pct(latencies, 99)} ms without`);
  }

  // Every produced (chair, boot, seq) must be there exactly once.
  const rows = raw
    .prepare(`SELECT s.deviceId AS deviceId, b.bootId AS bootId, count(*) AS n, count(DISTINCT r.seq) AS d, min(r.seq) AS lo, max(r.seq) AS hi
              FROM telemetry_raw r JOIN chair_state s ON s.key = r.device_key JOIN chair_boot b ON b.key = r.boot_key GROUP BY r.device_key, r.boot_key`)
    .all() as { deviceId: string; bootId: string; n: number; d: number; lo: number; hi: number }[];
  let lost = 0;
  let duplicated = 0;
  const seen = new Map(rows.map((r) => [`${r.deviceId}:${r.bootId}`, r]));
  for (const [k, n] of expected) {
    const r = seen.get(k);
    if (!r) lost += n;
    else {
      lost += n - r.d;
      duplicated += r.n - r.d;
      if (r.lo !== 0 || r.hi !== n - 1) lost += Math.max(0, n - 1 - r.hi);
    }
  }
  raw.pragma('wal_checkpoint(TRUNCATE)');
  const samples = (raw.prepare('SELECT count(*) AS n FROM telemetry_raw').get() as { n: number }).n;
  const bytesPerSample = (fs.statSync(config.databaseFile).size - sizeBefore) / samples;
  raw.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const ceiling = median(ceilings);
  const e2e = median(committed);
  const result = {
    broker: BROKER,
    bridges: BRIDGES,
    chairs: CHAIRS,
    messagesPerRound: MESSAGES,
    rounds: ROUNDS,
    ceilingMsgPerS: Math.round(ceiling),
    committedMsgPerS: Math.round(e2e),
    ratio: Number((e2e / ceiling).toFixed(3)),
    ratios: committed.map((c, i) => Number((c / ceilings[i]!).toFixed(3))),
    lost,
    duplicated,
    latencyRate: LAT_RATE,
    latencyWarmupS: LAT_WARMUP,
    latencySamples: latencies.length,
    p50Ms: pct(latencies, 50),
    p99Ms: pct(latencies, 99),
    bridgeRssMB: Math.round(rss / 1024 / 1024),
    bytesPerSample: Number(bytesPerSample.toFixed(1)),
    samples,
    retention,
    targets: { ratio: 0.65, lost: 0, duplicated: 0, p99Ms: 250, bridgeRssMB: 200, bytesPerSample: 80 },
  };
  log(`ceiling ${result.ceilingMsgPerS} msg/s · committed ${result.committedMsgPerS} msg/s · ratio ${result.ratio} · lost ${lost} · duplicated ${duplicated} · p50 ${result.p50Ms} ms · p99 ${result.p99Ms} ms · RSS ${result.bridgeRssMB} MB · ${result.bytesPerSample} B/sample`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function waitStored(raw: ReturnType<typeof openRaw>, total: number, label: string) {
  const until = Date.now() + 120_000;
  for (;;) {
    const n = (raw.prepare('SELECT count(*) AS n FROM telemetry_raw').get() as { n: number }).n;
    if (n >= total) return;
    if (Date.now() > until) {
      log(`  ${label}: stored ${n} of ${total} after 120 s`);
      return;
    }
    await sleep(200);
  }
}

main()
  .catch((err: unknown) => {
    log(`bench:ingest failed: ${(err as Error).stack}`);
    process.exitCode = 1;
  })
  .finally(() => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));
