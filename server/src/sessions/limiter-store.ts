// Where the sign-in limits count: rate-limiter-flexible's store for the database every API process
// shares (the RateLimit table), so a burst spread over N processes is limited as one. A store error
// (the file busy past its timeout) falls back to counting in this process for that call, never a 500.
import type Database from 'better-sqlite3';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterSQLite } from 'rate-limiter-flexible';

export interface LimiterOptions {
  /** Keeps each limit's keys apart in the one table. */
  keyPrefix: string;
  points: number;
  /** Seconds. */
  duration: number;
}

/** Makes one limit on the shared store. */
export type LimiterFactory = (o: LimiterOptions) => RateLimiterAbstract;

/** The table the migrations create (prisma/schema.prisma, RateLimit); the library never creates it. */
const TABLE = 'RateLimit';

/**
 * Limits on the SQLite file, through the library's better-sqlite3 store: one
 * `INSERT … ON CONFLICT DO UPDATE … RETURNING` per attempt, atomic across processes. Expired rows
 * are swept by the first limit made (the sweep is table-wide and harmless when repeated).
 */
export function sqliteLimiters(raw: Database.Database): LimiterFactory {
  let sweeping = false;
  return (o) => {
    const clearExpiredByTimeout = !sweeping;
    sweeping = true;
    return new RateLimiterSQLite({
      ...o,
      storeClient: raw,
      storeType: 'better-sqlite3',
      tableName: TABLE,
      tableCreated: true,
      clearExpiredByTimeout,
      insuranceLimiter: new RateLimiterMemory(o),
    });
  };
}

