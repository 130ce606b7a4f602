// `npm run simulate -- --chairs N --interval S`: emulates chair firmware against a broker, using
// the chair credentials of data/demo-credentials.json (or --credentials FILE). Prints progress.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { BAD_KINDS } from './bad-payloads.ts';
import { startFleet } from './fleet.ts';

const usage = `usage: npm run simulate -- [--chairs N] [--interval S] [--url mqtt://host:1883] [--credentials FILE]
  [--physics-speed K] [--bad-rate P] [--bad-kinds bad_json,schema,...] [--clock-skew-ms MS] [--duration S] [--seed N]`;

const Args = z.object({
  chairs: z.coerce.number().int().min(1).max(100_000).optional(),
  interval: z.coerce.number().min(0.05).max(3600).default(5),
  url: z.string().regex(/^(mqtts?|tcp|wss?):\/\/.+/).default('mqtt://localhost:1883'),
  credentials: z.string().default('data/demo-credentials.json'),
  'physics-speed': z.coerce.number().min(0.1).max(10_000).default(1),
  'bad-rate': z.coerce.number().min(0).max(1).default(0),
  'bad-kinds': z.string().transform((s) => s.split(',')).pipe(z.array(z.enum(BAD_KINDS))).optional(),
  'clock-skew-ms': z.coerce.number().int().default(0),
  duration: z.coerce.number().min(1).optional(),
  seed: z.coerce.number().int().default(42),
  prefix: z.string().default('atensi'),
});

const Credentials = z.object({ chairs: z.array(z.object({ deviceId: z.string(), secret: z.string() })).min(1) });

async function main() {
  let values;
  try {
    ({ values } = parseArgs({ options: Object.fromEntries(Object.keys(Args.shape).map((k) => [k, { type: 'string' as const }])) }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${usage}\n`);
    process.exit(2);
  }
  const args = Args.safeParse(values);
  if (!args.success) {
    process.stderr.write(`${args.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n${usage}\n`);
    process.exit(2);
  }
  const a = args.data;
  let creds;
  try {
    creds = Credentials.parse(JSON.parse(fs.readFileSync(a.credentials, 'utf8')));
  } catch (err) {
    process.stderr.write(`cannot read chair credentials from ${a.credentials}: ${(err as Error).message}\n(start the server once in demo mode, or pass --credentials)\n`);
    process.exit(2);
  }
  const chairs = creds.chairs.slice(0, a.chairs ?? creds.chairs.length);
  if (a.chairs && a.chairs > chairs.length) process.stderr.write(`only ${chairs.length} chairs have credentials; simulating those\n`);
  const fleet = await startFleet({
    url: a.url,
    prefix: a.prefix,
    chairs,
    intervalS: a.interval,
    physicsSpeed: a['physics-speed'],
    badRate: a['bad-rate'],
    ...(a['bad-kinds'] ? { badKinds: a['bad-kinds'] } : {}),
    clockSkewMs: a['clock-skew-ms'],
    seed: a.seed,
  });
  const started = Date.now();
  const progress = setInterval(() => {
    const s = fleet.stats();
    process.stdout.write(`[${Math.round((Date.now() - started) / 1000)}s] chairs online ${s.connected}/${chairs.length}  samples ${s.produced}  awaiting ack ${s.unacked}  bad payloads ${s.bad}\n`);
  }, 5000);
  const stop = async () => {
    clearInterval(progress);
    fleet.halt();
    await Promise.all(fleet.chairs.map((c) => c.drained(5000)));
    await fleet.stop();
    const s = fleet.stats();
    process.stdout.write(`stopped: ${s.produced} samples, ${s.unacked} not acknowledged\n`);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  if (a.duration) setTimeout(() => void stop(), a.duration * 1000);
}

void main();
