// Opens the database DATABASE_URL names. SQLite (the default): one file, a Prisma client for the
// domain and a raw better-sqlite3 connection for the few places that need prepared statements
// (telemetry hot path, raw writers, migration bookkeeping). PostgreSQL: a Prisma client over a `pg`
// pool (@prisma/adapter-pg), and the pool itself for what later needs SQL of its own.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient, type Prisma } from '@prisma/client';
import Database from 'better-sqlite3';
import type { Pool } from 'pg';
import type { DatabaseTarget } from './target.ts';

/** How long a connection waits for another writer before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

export type Db = PrismaClient;
/** The client inside an interactive transaction (a `Db` is one too, outside any transaction). */
export type Tx = Prisma.TransactionClient;
/** Runs `change` in one transaction; a route passes one that also writes the change's audit row. */
export type Transact<T> = (change: (tx: Tx) => Promise<T>) => Promise<T>;

/** Prisma's unique-constraint refusal (P2002), the same on SQLite and PostgreSQL. */
export const isUniqueViolation = (err: unknown): boolean => typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2002';

/**
 * Another connection's write got in the way of this transaction: SQLite's busy or stale-snapshot
 * refusal, or PostgreSQL's write conflict (P2034). Trying again on fresh reads is the answer.
 */
export const isWriteConflict = (err: unknown): boolean => {
  const e = err as { code?: unknown; message?: unknown } | null;
  return e?.code === 'P2034' || e?.code === 'P1008' || /SQLITE_BUSY|database is locked/.test(String(e?.message ?? ''));
};

export interface SqliteDatabase {
  engine: 'sqlite';
  prisma: PrismaClient;
  raw: Database.Database;
  close(): Promise<void>;
}

export interface PostgresDatabase {
  engine: 'postgres';
  /** Generated from prisma/postgres/schema.prisma; typed as the SQLite client, whose shape it shares. */
  prisma: PrismaClient;
  /** The connection pool under the Prisma client: PostgreSQL's counterpart of `raw`. */
  pool: Pool;
  close(): Promise<void>;
}

/** The SQLite database, as most of the code base still needs it (its `raw` connection). */
export type OpenedDatabase = SqliteDatabase;
export type AnyDatabase = SqliteDatabase | PostgresDatabase;

/**
 * The SQLite database, for a place that has no PostgreSQL path yet: on PostgreSQL it refuses
 * plainly, naming what cannot run there, instead of failing later on a missing connection.
 */
export function requireSqlite(database: AnyDatabase, what: string): SqliteDatabase {
  if (database.engine === 'sqlite') return database;
  throw new Error(`${what} cannot run on PostgreSQL yet (docs/architecture.md, "PostgreSQL status")`);
}

/** Opens a raw connection with the pragmas every connection of ours uses. */
export function openRaw(file: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}): Database.Database {
  const raw = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.fileMustExist ?? false, timeout: BUSY_TIMEOUT_MS });
  if (!options.readonly) raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  return raw;
}

/** Opens a SQLite file (a path), or whichever engine a DatabaseTarget names. */
export function openDatabase(target: string | { engine: 'sqlite'; file: string }): SqliteDatabase;
export function openDatabase(target: DatabaseTarget): AnyDatabase;
export function openDatabase(target: string | DatabaseTarget): AnyDatabase {
  const t: DatabaseTarget = typeof target === 'string' ? { engine: 'sqlite', file: target } : target;
  return t.engine === 'postgres' ? openPostgres(t.url) : openSqlite(t.file);
}

function openSqlite(file: string): SqliteDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = openRaw(file);
  const adapter = new PrismaBetterSQLite3({ url: file, timeout: BUSY_TIMEOUT_MS });
  const prisma = new PrismaClient({ adapter });
  return {
    engine: 'sqlite',
    prisma,
    raw,
    async close() {
      await prisma.$disconnect();
      raw.close();
    },
  };
}

// Loaded on demand, so that SQLite processes never load the PostgreSQL client and driver.
const require = createRequire(import.meta.url);
type PgClientModule = { PrismaClient: new (options: { adapter: unknown }) => PrismaClient };

function openPostgres(url: string): PostgresDatabase {
  const { Pool: PgPool } = require('pg') as typeof import('pg');
  const { PrismaPg } = require('@prisma/adapter-pg') as typeof import('@prisma/adapter-pg');
  // The client generated from prisma/postgres/schema.prisma (postinstall). Its models are the
  // SQLite client's (tests/repo/prisma-schema-twins.test.ts), so it is typed as that client here.
  const { PrismaClient: PgPrismaClient } = require('../../node_modules/.prisma/pg-client/index.js') as PgClientModule;
  const pool = new PgPool({ connectionString: url });
  const prisma = new PgPrismaClient({ adapter: new PrismaPg(pool) });
  return {
    engine: 'postgres',
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}
