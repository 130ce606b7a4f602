// `npm run bench:import`: a chairs register of 10,000 generated rows (semicolon, BOM, dd/mm/yyyy,
// Indonesian headers) imported through the real route in-process, as an admin: the dry run, the
// real run (one transaction), and the same file again (nothing changes). Prints one JSON line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { deviceImportColumns } from '../../schemas/imports.ts';
import { openDatabase } from '../../core/db/client.ts';
import { migrate } from '../../core/db/migrate.ts';
import { createLogger } from '../../core/log/logger.ts';
import { createApp } from '../src/app.ts';
import { parseConfig } from '../src/config.ts';
import { seedDemo } from '../src/demo/seed.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '10000' } } });
const ROWS = Number(values.rows);
const log = (msg: string) => process.stderr.write(`${msg}\n`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atensi-bench-import-'));
const config = parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
migrate(config.dataDir, config.databaseFile);
const db = openDatabase(config.databaseFile);
const { creds } = await seedDemo(db.prisma, config);
const app = createApp({ db: db.prisma, raw: db.raw, config, log: createLogger('silent') });

const origin = 'http://localhost';
const admin = creds.users.find((u) => u.role === 'admin')!;
const login = await app.request(`${origin}/api/auth/login`, {
  method: 'POST', headers: { origin, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
  body: JSON.stringify({ email: admin.email, password: admin.password }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;

// Chairs of every demo model and size, spread over the demo centres.
const models = await db.prisma.deviceModel.findMany({ include: { sizes: true } });
const centres = await db.prisma.centre.findMany();
const header = deviceImportColumns.map((c) => c.id).join(';');
const lines = Array.from({ length: ROWS }, (_, i) => {
  const m = models[i % models.length]!;
  const s = m.sizes[i % m.sizes.length]!;
  const battery = m.kind === 'electric' ? '01/06/2025' : '';
  return [`BENCH ${String(i).padStart(6, '0')}`, m.manufacturer, m.name, s.seatWidthMm, s.seatDepthMm, centres[i % centres.length]!.code, `${String((i % 28) + 1).padStart(2, '0')}/03/2025`, 'PT Pemasok', 'APBN', battery].join(';');
});
const file = `\uFEFF${header}\r\n${lines.join('\r\n')}\r\n`;

async function run(dryRun: boolean) {
  const t0 = performance.now();
  const res = await app.request(`${origin}/api/imports/devices?dryRun=${dryRun}`, {
    method: 'POST', headers: { origin, 'sec-fetch-site': 'same-origin', 'content-type': 'text/csv', cookie }, body: file,
  });
  const body = (await res.json()) as { counts?: Record<string, number> };
  const ms = Math.round(performance.now() - t0);
  if (res.status !== 200) throw new Error(`import answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return { ms, counts: body.counts };
}

log(`${ROWS} rows, ${(Buffer.byteLength(file) / 1024).toFixed(0)} KiB`);
const dry = await run(true);
log(`dry run: ${dry.ms} ms ${JSON.stringify(dry.counts)}`);
const real = await run(false);
log(`real run: ${real.ms} ms ${JSON.stringify(real.counts)}`);
const again = await run(false);
log(`same file again: ${again.ms} ms ${JSON.stringify(again.counts)}`);
await db.close();
fs.rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ rows: ROWS, dryRunMs: dry.ms, realRunMs: real.ms, againMs: again.ms, created: real.counts?.created, unchangedAgain: again.counts?.unchanged }));
