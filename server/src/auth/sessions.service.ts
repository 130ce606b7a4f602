// Server-side sessions: a random 256-bit token goes to the browser, only its SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Db } from '../db/client.ts';
import type { Clock } from '../lib/clock.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionServiceOptions {
  db: Db;
  /** The raw connection to the same file: every signed-in request resolves its session through it. */
  raw: Database.Database;
  clock: Clock;
  ttlHours: number;
}

/** What a request needs to know about its signed-in user. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: string;
  locale: string;
  centreId: string | null;
  beneficiaryIds: string[];
}

interface SessionRow {
  id: string;
  lastSeenAt: string | number;
  expiresAt: string | number;
  userId: string;
  email: string;
  name: string;
  role: string;
  locale: string;
  centreId: string | null;
  disabled: number;
  beneficiaryIds: string;
}

// Prisma keeps DateTime columns as ISO text through the adapter; accept epoch numbers as well.
const instant = (v: string | number) => (typeof v === 'number' ? v : Date.parse(v));

export function createSessionService({ db, raw, clock, ttlHours }: SessionServiceOptions) {
  const ttlMs = ttlHours * 3_600_000;
  // Every signed-in request pays for this lookup, so it is one prepared statement on the raw
  // connection (tens of microseconds) instead of a Prisma query with includes (about 3 ms of CPU,
  // which capped dashboard reads at 32 connections: docs/benchmarks.md). Writes stay on Prisma.
  const lookup = raw.prepare<[string], SessionRow>(
    `SELECT s.id, s.lastSeenAt, s.expiresAt, u.id AS userId, u.email, u.name, u.role, u.locale, u.centreId, u.disabled,
            (SELECT json_group_array(f.beneficiaryId) FROM FamilyLink f WHERE f.userId = u.id) AS beneficiaryIds
       FROM Session s JOIN User u ON u.id = s.userId
      WHERE s.tokenHash = ?`,
  );
  return {
    ttlMs,
    async create(userId: string) {
      const token = randomBytes(32).toString('base64url');
      const now = clock.now();
      await db.session.create({
        data: { tokenHash: hashToken(token), userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + ttlMs) },
      });
      return token;
    },
    /** The session's user, or null when the token is unknown, expired or the account disabled. */
    async resolve(token: string): Promise<{ id: string; renewed: boolean; user: SessionUser } | null> {
      if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
      const row = lookup.get(hashToken(token));
      const now = clock.now();
      if (!row || row.disabled) return null;
      if (instant(row.expiresAt) <= now.getTime()) {
        await db.session.deleteMany({ where: { id: row.id } });
        return null;
      }
      // Sliding expiry, written at most once a minute per session to keep reads cheap; `renewed`
      // tells the caller to refresh the cookie's Max-Age to match.
      const renewed = now.getTime() - instant(row.lastSeenAt) > 60_000;
      if (renewed) {
        await db.session.updateMany({
          where: { id: row.id },
          data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + ttlMs) },
        });
      }
      const user: SessionUser = {
        id: row.userId,
        email: row.email,
        name: row.name,
        role: row.role,
        locale: row.locale,
        centreId: row.centreId,
        beneficiaryIds: JSON.parse(row.beneficiaryIds) as string[],
      };
      return { id: row.id, renewed, user };
    },
    async revoke(token: string) {
      await db.session.deleteMany({ where: { tokenHash: hashToken(token) } });
    },
    async revokeAllFor(userId: string) {
      await db.session.deleteMany({ where: { userId } });
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
