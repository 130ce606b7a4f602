// `npm run bench:import`: registers of 10,000 generated chairs and 10,000 generated people (semicolon,
// BOM, dd/mm/yyyy, Indonesian headers; every 5th person names a chair of the first file) imported
// through the real routes in-process, as an admin: the dry run, the real run and the same file again,
// each kind. A stand-in bridge commits telemetry in another process all the while. Prints progress on
// stderr and one JSON line: seconds per run, the longest write-lock hold, the bridge's refused commits.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../core/db/client.ts';
import { migrate } from '../../core/db/migrate.ts';
import { createLogger } from '../../core/log/logger.ts';
import { createApp } from '../src/app.ts';
import { parseConfig } from '../src/config.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { startTelemetryWriter } from './bridge-stand-in.ts';
import { chairRegister, peopleRegister } from './import-files.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '10000' } } });
const ROWS = Number(values.rows);
const say = (msg: string) => process.stderr.write(`${msg}\n`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atensi-bench-import-'));
const config = parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
migrate(config.dataDir, config.databaseFile);
const db = openDatabase(config.databaseFile);
const { creds } = await seedDemo(db.prisma, config);

// The import's own log lines: progress to stderr, and the write-lock time of each real run.
const writeMs: Record<string, number[]> = { devices: [], beneficiaries: [] };
const log = createLogger('info', (line) => {
  const e = JSON.parse(line) as { event: string; kind?: string; done?: number; total?: number; ms?: number; writeMs?: number; dryRun?: boolean };
  if (e.event === 'import_checked') say(`  ${e.kind}: checked in ${e.ms} ms${e.dryRun ? ' (dry run)' : ''}`);
  if (e.event === 'import_progress') say(`  ${e.kind}: written ${e.done}/${e.total}`);
  if (e.event === 'import_done' && e.kind) {
    writeMs[e.kind]!.push(e.writeMs!);
    say(`  ${e.kind}: write lock held ${e.writeMs} ms`);
  }
});
const app = createApp({ database: db, config, log });

const origin = 'http://localhost';
const admin = creds.users.find((u) => u.role === 'admin')!;
const login = await app.request(`${origin}/api/auth/login`, {
  method: 'POST', headers: { origin, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
  body: JSON.stringify({ email: admin.email, password: admin.password }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;

const models = await db.prisma.deviceModel.findMany({ include: { sizes: true } });
const centres = await db.prisma.centre.findMany();
const files = { devices: chairRegister(models, centres, ROWS), beneficiaries: peopleRegister(centres, ROWS, { chairEvery: 5 }) };
const bridgeChair = await db.prisma.device.findFirstOrThrow({ where: { status: 'in_use', model: { kind: 'electric' } } });

async function run(kind: keyof typeof files, dryRun: boolean) {
  const t0 = performance.now();
  const res = await app.request(`${origin}/api/imports/${kind}?dryRun=${dryRun}`, {
    method: 'POST', headers: { origin, 'sec-fetch-site': 'same-origin', 'content-type': 'text/csv', cookie }, body: files[kind],
  });
  const body = (await res.json()) as { counts?: Record<string, number> };
  const s = Math.round((performance.now() - t0) / 100) / 10;
  if (res.status !== 200) throw new Error(`${kind} import answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  say(`${kind} ${dryRun ? 'dry run' : 'real run'}: ${s} s ${JSON.stringify(body.counts)}`);
  return { s, counts: body.counts! };
}

const bridge = await startTelemetryWriter(config.databaseFile, bridgeChair.id);
const results: Record<string, unknown> = {};
for (const kind of ['devices', 'beneficiaries'] as const) {
  say(`${kind}: ${ROWS} rows, ${(Buffer.byteLength(files[kind]) / 1024).toFixed(0)} KiB`);
  const dry = await run(kind, true);
  const real = await run(kind, false);
  const again = await run(kind, false);
  results[kind] = {
    dryRunS: dry.s, realRunS: real.s, againS: again.s, created: real.counts.created, unchangedAgain: again.counts.unchanged,
    longestWriteLockMs: Math.max(0, ...writeMs[kind]!),
  };
}
const telemetry = await bridge.stop();
say(`bridge stand-in: ${telemetry.commits} commits, ${telemetry.refused} refused, slowest ${telemetry.slowestMs} ms`);
await db.close();
fs.rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ rows: ROWS, ...results, bridge: telemetry }));
