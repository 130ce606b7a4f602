// Opens the one SQLite file: a Prisma client for the domain, and a raw better-sqlite3 connection
// for the few places that need prepared statements (telemetry hot path, migration bookkeeping).
import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient, type Prisma } from '@prisma/client';
import Database from 'better-sqlite3';

/** How long a connection waits for another writer before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

export type Db = PrismaClient;
/** The client inside an interactive transaction (a `Db` is one too, outside any transaction). */
export type Tx = Prisma.TransactionClient;
/** Runs `change` in one transaction; a route passes one that also writes the change's audit row. */
export type Transact<T> = (change: (tx: Tx) => Promise<T>) => Promise<T>;

export interface OpenedDatabase {
  prisma: PrismaClient;
  raw: Database.Database;
  close(): Promise<void>;
}

/** Opens a raw connection with the pragmas every connection of ours uses. */
export function openRaw(file: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}): Database.Database {
  const raw = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.fileMustExist ?? false, timeout: BUSY_TIMEOUT_MS });
  if (!options.readonly) raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  return raw;
}

export function openDatabase(file: string): OpenedDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = openRaw(file);
  const adapter = new PrismaBetterSQLite3({ url: file, timeout: BUSY_TIMEOUT_MS });
  const prisma = new PrismaClient({ adapter });
  return {
    prisma,
    raw,
    async close() {
      await prisma.$disconnect();
      raw.close();
    },
  };
}
