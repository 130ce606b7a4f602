// Server-side sessions: a random 256-bit token goes to the browser, only its SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Db, Tx } from '../../../core/db/client.ts';
import type { Clock } from '../../../core/clock.ts';
import { type ChairTenure, tenureKinds, tenureStart } from '../../../core/chair-life/tenure.ts';

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
  /** For families: their people's chairs and since when each is theirs (empty for other roles). */
  chairs: ChairTenure[];
}

interface TenureRow {
  deviceId: string;
  holderId: string;
  kind: string | null;
  beneficiaryId: string | null;
  at: string | number | null;
}

interface SessionRow {
  id: string;
  userAgent: string | null;
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

/** Enough of a User-Agent to name the device; control characters dropped. */
const boundedUserAgent = (ua: string | undefined) => (ua ? ua.replace(/[\u0000-\u001F\u007F-\u009F]/g, '').slice(0, 300) || null : null);

// Prisma keeps DateTime columns as ISO text through the adapter; accept epoch numbers as well.
const instant = (v: string | number) => (typeof v === 'number' ? v : Date.parse(v));

export function createSessionService({ db, raw, clock, ttlHours }: SessionServiceOptions) {
  const ttlMs = ttlHours * 3_600_000;
  // Every signed-in request pays for this lookup, so it is one prepared statement on the raw
  // connection (tens of microseconds) instead of a Prisma query with includes (about 3 ms of CPU,
  // which capped dashboard reads at 32 connections: docs/benchmarks.md). Writes stay on Prisma.
  const lookup = raw.prepare<[string], SessionRow>(
    `SELECT s.id, s.userAgent, s.lastSeenAt, s.expiresAt, u.id AS userId, u.email, u.name, u.role, u.locale, u.centreId, u.disabled,
            (SELECT json_group_array(f.beneficiaryId) FROM FamilyLink f WHERE f.userId = u.id) AS beneficiaryIds
       FROM Session s JOIN User u ON u.id = s.userId
      WHERE s.tokenHash = ?`,
  );
  // Families only: their people's chairs with the steps that start or end someone's time with them
  // (a family has one or two chairs, each with a handful of such steps).
  const tenureRows = raw.prepare<[string, string], TenureRow>(
    `SELECT d.id AS deviceId, d.beneficiaryId AS holderId, e.kind, e.beneficiaryId, e.at
       FROM FamilyLink f JOIN Device d ON d.beneficiaryId = f.beneficiaryId
       LEFT JOIN DeviceEvent e ON e.deviceId = d.id AND e.kind IN (SELECT value FROM json_each(?))
      WHERE f.userId = ?`,
  );
  const kinds = JSON.stringify(tenureKinds);
  function chairsOf(userId: string): ChairTenure[] {
    const byDevice = new Map<string, { holderId: string; steps: { kind: string; beneficiaryId: string | null; at: Date }[] }>();
    for (const r of tenureRows.all(kinds, userId)) {
      const entry = byDevice.get(r.deviceId) ?? { holderId: r.holderId, steps: [] };
      byDevice.set(r.deviceId, entry);
      if (r.kind !== null && r.at !== null) entry.steps.push({ kind: r.kind, beneficiaryId: r.beneficiaryId, at: new Date(instant(r.at)) });
    }
    return [...byDevice].map(([deviceId, e]) => ({ deviceId, since: tenureStart(e.steps, e.holderId) }));
  }
  return {
    ttlMs,
    // Writes take the caller's transaction (`tx`), so a route can record them in the same one as their audit row.
    async create(userId: string, tx: Tx = db) {
      const token = randomBytes(32).toString('base64url');
      const now = clock.now();
      await tx.session.create({
        data: { tokenHash: hashToken(token), userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + ttlMs) },
      });
      return token;
    },
    /** The session's user, or null when the token is unknown, expired or the account disabled. */
    async resolve(token: string, userAgentHeader?: string): Promise<{ id: string; renewed: boolean; user: SessionUser } | null> {
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
      // The device is named from the User-Agent (the session list): taken on the session's first
      // signed-in request, kept current on renewals; sign-in itself does not need to know it.
      const userAgent = boundedUserAgent(userAgentHeader);
      const learnAgent = userAgent !== null && row.userAgent === null;
      if (renewed || learnAgent) {
        await db.session.updateMany({
          where: { id: row.id },
          data: { ...(renewed ? { lastSeenAt: now, expiresAt: new Date(now.getTime() + ttlMs) } : {}), ...(userAgent ? { userAgent } : {}) },
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
        chairs: row.role === 'family' ? chairsOf(row.userId) : [],
      };
      return { id: row.id, renewed, user };
    },
    async revoke(token: string, tx: Tx = db) {
      await tx.session.deleteMany({ where: { tokenHash: hashToken(token) } });
    },
    /** Ends every session of the account; returns how many there were. */
    async revokeAllFor(userId: string, tx: Tx = db): Promise<number> {
      return (await tx.session.deleteMany({ where: { userId } })).count;
    },
    /** Ends the account's sessions except `keepId` (the one asking). */
    async revokeOthers(userId: string, keepId: string | undefined, tx: Tx = db): Promise<number> {
      return (await tx.session.deleteMany({ where: { userId, ...(keepId ? { id: { not: keepId } } : {}) } })).count;
    },
    /** Ends one session, only when it belongs to the account; false when it does not (or no longer) exist. */
    async revokeOne(userId: string, sessionId: string, tx: Tx = db): Promise<boolean> {
      return (await tx.session.deleteMany({ where: { id: sessionId, userId } })).count === 1;
    },
    /** The account's unexpired sessions, most recently used first. */
    async listFor(userId: string) {
      return db.session.findMany({
        where: { userId, expiresAt: { gt: clock.now() } },
        select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true },
        orderBy: [{ lastSeenAt: 'desc' }, { createdAt: 'desc' }],
      });
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
