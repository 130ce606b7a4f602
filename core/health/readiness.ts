// Readiness: whether this process can do its work now (liveness, /api/health, only says it runs).
// Each check throws when it fails; the report names every check, and the failures' causes go to
// the log, never to the caller. docs/operations.md, Health.
import { openRaw } from '../db/client.ts';
import { pendingMigrations } from '../db/migrate.ts';
import type { ReadinessCheckName, ReadinessChecks } from '../../schemas/health.ts';

export interface ReadinessCheck {
  name: ReadinessCheckName;
  run(): unknown;
}

export interface ReadinessReport {
  ready: boolean;
  checks: ReadinessChecks;
  /** Why each failed check failed, for the log. */
  causes: Partial<Record<ReadinessCheckName, string>>;
}

/** A check that takes longer than this has failed (a probe must answer fast). */
export const READINESS_TIMEOUT_MS = 2000;

async function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function runReadiness(checks: readonly ReadinessCheck[], timeoutMs = READINESS_TIMEOUT_MS): Promise<ReadinessReport> {
  const outcomes = await Promise.all(
    checks.map((c) => within(Promise.resolve().then(() => c.run()), timeoutMs).then(() => null, (err: Error) => err.message)),
  );
  // In the order the checks are given, so the answer reads the same every time.
  const report: ReadinessReport = { ready: true, checks: {}, causes: {} };
  checks.forEach((c, i) => {
    const cause = outcomes[i];
    report.checks[c.name] = cause === null ? 'ok' : 'failed';
    if (cause !== null && cause !== undefined) {
      report.ready = false;
      report.causes[c.name] = cause;
    }
  });
  return report;
}

/**
 * The SQLite checks: the process's own connection answers (`live`), the file on disk opens and
 * reads as a database (a fresh read-only connection, so a deleted, replaced or corrupted file is
 * seen although the open connection still works), and no committed migration is pending.
 */
export function sqliteReadiness(databaseFile: string, live: () => Promise<unknown>): ReadinessCheck[] {
  return [
    {
      name: 'database',
      async run() {
        await live();
        const fresh = openRaw(databaseFile, { readonly: true, fileMustExist: true });
        try {
          fresh.prepare('SELECT count(*) FROM sqlite_master').get();
        } finally {
          fresh.close();
        }
      },
    },
    {
      name: 'migrations',
      run() {
        const pending = pendingMigrations(databaseFile);
        if (pending.length) throw new Error(`${pending.length} migrations pending: ${pending.join(', ')}`);
      },
    },
  ];
}

/** The broker check, for a process that runs the bridge: connected and subscribed. */
export function brokerReadiness(subscribed: () => boolean): ReadinessCheck {
  return {
    name: 'broker',
    run() {
      if (!subscribed()) throw new Error('the bridge is not connected and subscribed to the broker');
    },
  };
}
