// Server-side sessions: a random 256-bit token goes to the browser, only its SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import type { Clock } from '../lib/clock.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionServiceOptions {
  db: Db;
  clock: Clock;
  ttlHours: number;
}

export function createSessionService({ db, clock, ttlHours }: SessionServiceOptions) {
  const ttlMs = ttlHours * 3_600_000;
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
    async resolve(token: string) {
      if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
      const session = await db.session.findUnique({
        where: { tokenHash: hashToken(token) },
        include: { user: { include: { centre: true, familyLinks: { select: { beneficiaryId: true } } } } },
      });
      const now = clock.now();
      if (!session || session.user.disabled) return null;
      if (session.expiresAt <= now) {
        await db.session.deleteMany({ where: { id: session.id } });
        return null;
      }
      // Sliding expiry, written at most once a minute per session to keep reads cheap; `renewed`
      // tells the caller to refresh the cookie's Max-Age to match.
      const renewed = now.getTime() - session.lastSeenAt.getTime() > 60_000;
      if (renewed) {
        await db.session.update({
          where: { id: session.id },
          data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + ttlMs) },
        });
      }
      return Object.assign(session, { renewed });
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
