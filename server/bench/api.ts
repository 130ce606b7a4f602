// `npm run bench:api`: seeds realistic volume (see api-seed.ts), starts the real server in its own
// process, signs in as a centre technician, and measures p50/p99 of the dashboard reads at 32
// concurrent keep-alive connections: the fleet list and a chair's hourly telemetry (7 days), and the
// national admin's fleet list.
// Prints progress to stderr; the last line on stdout is one JSON object.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig } from '../src/config.ts';
import { openDatabase } from '../../core/db/client.ts';
import { migrate } from '../../core/db/migrate.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { seedVolume } from './api-seed.ts';

const { values } = parseArgs({
  options: {
    /** sqlite (the default) or postgres. */
    store: { type: 'string', default: 'sqlite' },
    centres: { type: 'string', default: '41' },
    chairs: { type: 'string', default: '60' },
    electric: { type: 'string', default: '50' },
    'raw-minutes': { type: 'string', default: '1440' },
    connections: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '10' },
    keep: { type: 'boolean', default: false },
    /** Comma-separated subset of floor,fleet,telemetry,admin. */
    only: { type: 'string', default: 'floor,fleet,telemetry,admin' },
    /** What-if: the server keeps session rows for 5 s, to show what the session lookup costs. */
    /** Writes a V8 CPU profile of the server process into this directory. */
    profile: { type: 'string' },
  },
});
const num = (k: keyof typeof values) => {
  const n = Number(values[k]);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${k} must be a positive number`);
  return n;
};
if (values.store === 'postgres') {
  process.stderr.write('bench:api --store postgres: not yet. The PostgreSQL telemetry store has not landed (issue 14); only --store sqlite can be measured today.\n');
  process.exit(2);
}
if (values.store !== 'sqlite') throw new Error(`--store must be sqlite or postgres, not ${values.store}`);
const CONNECTIONS = num('connections');
const SECONDS = num('seconds');
const log = (msg: string) => process.stderr.write(`${msg}\n`);
const HOUR = 3_600_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atensi-bench-api-'));
const config = parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
log(`data in ${dir}`);
migrate(config.dataDir, config.databaseFile);
const db = openDatabase(config.databaseFile);
log('seeding the demo world (accounts are hashed, this takes a few seconds)…');
const { creds } = await seedDemo(db.prisma, config);
const now = Date.now();
const t0 = performance.now();
const volume = await seedVolume(db, {
  centres: num('centres'),
  chairsPerCentre: num('chairs'),
  electricPerCentre: num('electric'),
  rollupDays: 29,
  rawMinutes: num('raw-minutes'),
  now,
  log,
});
const tech = creds.users.find((u) => u.role === 'technician')!;
const techCentre = (await db.prisma.user.findUniqueOrThrow({ where: { email: tech.email } })).centreId!;
const chairIds = (await db.prisma.device.findMany({ where: { centreId: techCentre, model: { kind: 'electric' } }, select: { id: true } })).map((d) => d.id);
const counts = db.raw.prepare('SELECT (SELECT count(*) FROM telemetry_raw) AS raw, (SELECT count(*) FROM telemetry_hourly) AS hourly, (SELECT count(*) FROM "Device") AS devices').get() as Record<string, number>;
await db.close();
const dbBytes = fs.statSync(config.databaseFile).size;
log(`seeded in ${Math.round((performance.now() - t0) / 1000)} s: ${JSON.stringify({ ...volume, ...counts, dbMB: Math.round(dbBytes / 1e6) })}`);

const server = fork(path.join(import.meta.dirname, 'api-server.ts'), [dir], {
  execArgv: ['--import', 'tsx', ...(values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [])],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const port = await new Promise<number>((resolve, reject) => {
  server.once('message', (m: { port: number }) => resolve(m.port));
  server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

function request(method: string, url: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: url, method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function signIn(email: string, password: string) {
  const origin = `http://127.0.0.1:${port}`;
  const res = await request('POST', '/api/auth/login', { 'content-type': 'application/json', origin }, JSON.stringify({ email, password }));
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.body}`);
  return String(res.headers['set-cookie']).split(';')[0]!;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function measure(name: string, cookie: string, nextUrl: (i: number) => string) {
  const run = async (ms: number) => {
    const latencies: number[] = [];
    let errors = 0;
    let i = 0;
    let bytes = 0;
    const until = performance.now() + ms;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < until) {
          const url = nextUrl(i++);
          const start = performance.now();
          const res = await request('GET', url, { cookie });
          latencies.push(performance.now() - start);
          bytes += res.body.length;
          if (res.status !== 200) errors += 1;
        }
      }),
    );
    return { latencies: latencies.sort((a, b) => a - b), errors, bytes };
  };
  log(`${name}: warming up…`);
  await run(2000);
  log(`${name}: measuring ${SECONDS} s at ${CONNECTIONS} connections…`);
  const { latencies, errors, bytes } = await run(SECONDS * 1000);
  const result = {
    requests: latencies.length,
    rps: Math.round(latencies.length / SECONDS),
    p50Ms: Math.round(pct(latencies, 50) * 10) / 10,
    p99Ms: Math.round(pct(latencies, 99) * 10) / 10,
    maxMs: Math.round(latencies.at(-1)! * 10) / 10,
    avgBytes: Math.round(bytes / latencies.length),
    errors,
  };
  log(`${name}: ${JSON.stringify(result)}`);
  return result;
}

try {
  const only = new Set(values.only!.split(','));
  const skipped = { requests: 0, rps: 0, p50Ms: 0, p99Ms: 0, maxMs: 0, avgBytes: 0, errors: 0, skipped: true };
  const techCookie = await signIn(tech.email, tech.password);
  const from = new Date(now - 7 * 24 * HOUR).toISOString();
  // The floor every signed-in request pays before any route runs: the session lookup (Prisma) and
  // the health check's one trivial query.
  const floor = only.has('floor') ? await measure('GET /api/health (signed in: the per-request floor)', techCookie, () => '/api/health') : skipped;
  const results = {
    fleetList: only.has('fleet') ? await measure('GET /api/devices (technician, own centre)', techCookie, () => '/api/devices') : skipped,
    telemetryHour: only.has('telemetry')
      ? await measure('GET /api/devices/{id}/telemetry?resolution=hour (7 days)', techCookie, (i) =>
          `/api/devices/${chairIds[i % chairIds.length]}/telemetry?resolution=hour&from=${encodeURIComponent(from)}`,
        )
      : skipped,
  };
  const admin = creds.users.find((u) => u.role === 'admin')!;
  const adminFleet = only.has('admin') ? await measure('GET /api/devices (admin, every centre, first page)', await signIn(admin.email, admin.password), () => '/api/devices') : skipped;
  process.stdout.write(
    `${JSON.stringify({
      bench: 'api',
      connections: CONNECTIONS,
      seconds: SECONDS,
      volume: { ...volume, ...counts, dbMB: Math.round(dbBytes / 1e6), centreChairs: chairIds.length },
      ...results,
      adminFleetList: adminFleet,
      floorHealth: floor,
      store: values.store,
      targetP99Ms: 50,
      adminTargetP99Ms: 200,
      pass: results.fleetList.p99Ms <= 50 && results.telemetryHour.p99Ms <= 50 && adminFleet.p99Ms <= 200,
      loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
      node: process.version,
      cpus: os.cpus().length,
    })}\n`,
  );
} finally {
  agent.destroy();
  server.kill('SIGTERM');
  if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
}
