// `npm run admin:create -- --email a@b.id [--name "…"] [--password-stdin]`: creates a national admin.
// Outside demo mode this is the only way to get the first account: there is no default password.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { Email, text } from '../../../schemas/common.ts';
import { Password } from '../../../schemas/users.ts';
import { generatePassword, hashPassword } from '../auth/password.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { createAuditService } from '../../../core/audit/audit.service.ts';
import { systemClock } from '../../../core/clock.ts';
import { openDatabase } from '../../../core/db/client.ts';
import { createLogger } from '../../../core/log/logger.ts';
import { migrateDatabase } from '../../../core/db/migrate.ts';
import { createUser } from '../users/users.service.ts';

const usage = 'usage: npm run admin:create -- --email ADDRESS [--name "Full Name"] [--password-stdin]';

const Args = z.object({
  email: Email,
  name: text(120).default('Administrator'),
  'password-stdin': z.boolean().default(false),
});

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

export async function run(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { email: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean' } } }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${usage}\n`);
    return 2;
  }
  const args = Args.safeParse(values);
  if (!args.success) {
    process.stderr.write(`${args.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n${usage}\n`);
    return 2;
  }
  const given = args.data['password-stdin'] ? await readStdin() : undefined;
  const password = given ?? generatePassword();
  const checked = Password.safeParse(password);
  if (!checked.success) {
    process.stderr.write(`password: ${checked.error.issues[0]?.message}\n`);
    return 2;
  }

  const config = loadConfig();
  await migrateDatabase(config);
  const db = openDatabase(config.database);
  try {
    if (await db.prisma.user.findUnique({ where: { email: args.data.email } })) {
      process.stderr.write(`an account with ${args.data.email} already exists\n`);
      return 1;
    }
    const passwordHash = await hashPassword(password);
    const audit = createAuditService(db.prisma, systemClock, createLogger(config.logLevel));
    // The account and its audit row commit together, as every audited change does.
    const user = await audit.change(
      (tx) => createUser(tx, { email: args.data.email, name: args.data.name, role: 'admin', locale: 'id' }, passwordHash),
      (u) => ({ action: 'user.create', entityType: 'User', entityId: u.id, details: { role: 'admin', via: 'cli' } }),
    );
    process.stdout.write(`Created admin ${user.email}.\n`);
    if (!given) process.stdout.write(`Password (shown once, store it safely): ${password}\n`);
    return 0;
  } finally {
    await db.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(err instanceof ConfigError ? `${err.message}\n` : `admin:create failed: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
