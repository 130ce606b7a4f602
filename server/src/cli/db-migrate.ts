// `npm run db:migrate`: applies the committed migrations of the engine DATABASE_URL names (the
// server also does this at start), e.g. before rolling out several instances of a new version.
import { ConfigError, loadConfig } from '../config.ts';
import { migrateDatabase } from '../../../core/db/migrate.ts';
import { describeTarget } from '../../../core/db/target.ts';

async function run(): Promise<number> {
  const config = loadConfig();
  const applied = await migrateDatabase(config);
  const where = describeTarget(config.database);
  process.stdout.write(applied.length ? `Applied ${applied.length} migrations to ${where}: ${applied.join(', ')}\n` : `${where} is up to date.\n`);
  return 0;
}

run().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(err instanceof ConfigError ? `${err.message}\n` : `db:migrate failed: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
