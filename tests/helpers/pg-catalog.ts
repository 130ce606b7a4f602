// A PostgreSQL database's schema as sorted lines (columns, constraints, indexes), to compare two
// databases and name what differs (Prisma's bookkeeping table left out), and one-off SQL for tests.
import pg from 'pg';

const queries = [
  `SELECT format('column %I.%I %s%s%s', table_name, column_name, data_type,
           CASE WHEN is_nullable = 'NO' THEN ' NOT NULL' ELSE '' END,
           CASE WHEN column_default IS NULL THEN '' ELSE ' DEFAULT ' || column_default END) AS line
     FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  `SELECT format('constraint %s %s', conrelid::regclass, pg_get_constraintdef(oid)) AS line
     FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'`,
  `SELECT format('index %s', indexdef) AS line
     FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  `SELECT format('table %s %s', c.oid::regclass, c.relkind) AS line
     FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm') AND c.relname <> '_prisma_migrations'`,
];

export async function catalogLines(url: string): Promise<string[]> {
  const lines: string[] = [];
  for (const q of queries) lines.push(...(await queryRows<{ line: string }>(url, q)).map((r) => r.line));
  return lines.sort();
}

/** Lines only in `a` (prefixed "-") or only in `b` (prefixed "+"). */
export function catalogDifferences(a: string[], b: string[]): string[] {
  const [inA, inB] = [new Set(a), new Set(b)];
  return [...a.filter((l) => !inB.has(l)).map((l) => `- ${l}`), ...b.filter((l) => !inA.has(l)).map((l) => `+ ${l}`)];
}

/** Runs SQL on the database at `url` with a connection of its own; returns the rows of the last statement. */
export async function queryRows<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = (await client.query<T>(sql)) as pg.QueryResult<T> | pg.QueryResult<T>[];
    return Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows;
  } finally {
    await client.end();
  }
}

/** Runs SQL (several statements allowed) on the database at `url`. */
export async function runSql(url: string, sql: string): Promise<void> {
  await queryRows(url, sql);
}
