// `npm run breach:affected -- --from <ISO> --to <ISO> [--centre <id>] [--actor <userId>] [--format csv|json]`:
// the people whose data was read or exported in a window, with their and their guardians' contact
// details, for the breach notice of UU PDP 27/2022 art. 46 (see docs/breach-report.md). Progress
// goes to stderr, the list to stdout.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { Id } from '../../../schemas/common.ts';
import { DateOrDateTime } from '../../../schemas/privacy.ts';
import { fromInstant, toInstant } from '../audit/audit-query.ts';
import { loadConfig } from '../config.ts';
import { type CliIo, runAsScript, stdIo } from './cli-io.ts';
import { openDatabase } from '../../../core/db/client.ts';
import { migrate } from '../../../core/db/migrate.ts';
import { affectedCsv, findAffected } from '../privacy/breach-affected.ts';

const usage = 'usage: npm run breach:affected -- --from <ISO date or datetime> --to <ISO date or datetime> [--centre <centreId>] [--actor <userId>] [--format csv|json]';

export const BreachArgs = z
  .object({
    from: DateOrDateTime,
    to: DateOrDateTime,
    centre: Id.optional(),
    actor: Id.optional(),
    format: z.enum(['csv', 'json']).default('csv'),
  })
  .refine((a) => fromInstant(a.from) <= toInstant(a.to), { path: ['from'], message: 'must not be after --to' });

export async function run(argv: string[], io: CliIo = stdIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { from: { type: 'string' }, to: { type: 'string' }, centre: { type: 'string' }, actor: { type: 'string' }, format: { type: 'string' } },
    }));
  } catch (err) {
    io.err(`${(err as Error).message}\n${usage}\n`);
    return 2;
  }
  const args = BreachArgs.safeParse(values);
  if (!args.success) {
    io.err(`${args.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n${usage}\n`);
    return 2;
  }
  const a = args.data;
  const config = loadConfig();
  if (!fs.existsSync(config.databaseFile)) {
    io.err(`no database at ${config.databaseFile}: set DATA_DIR to the server's data folder\n`);
    return 1;
  }
  migrate(config.dataDir, config.databaseFile);
  const db = openDatabase(config.databaseFile);
  try {
    const from = fromInstant(a.from);
    const to = toInstant(a.to);
    io.err(`Looking for reads and exports of beneficiary data from ${from.toISOString()} to ${to.toISOString()}` +
      `${a.centre ? ` in centre ${a.centre}` : ''}${a.actor ? ` by account ${a.actor}` : ''}…\n`);
    const people = await findAffected(db.prisma, { from, to, centreId: a.centre, actorId: a.actor }, io.now(), (msg) => io.err(`${msg}\n`));
    io.out(a.format === 'json' ? `${JSON.stringify({ from: from.toISOString(), to: to.toISOString(), centreId: a.centre ?? null, actorId: a.actor ?? null, affected: people }, null, 2)}\n` : affectedCsv(people));
    io.err(`${people.length} affected ${people.length === 1 ? 'person' : 'people'}.\n`);
    return 0;
  } finally {
    await db.close();
  }
}

runAsScript(/breach-affected\.ts$/, 'breach:affected', run);
