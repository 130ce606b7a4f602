// Periodic jobs that must run once across all instances (N API processes, M bridges on one
// database): a lease row per job name, claimed with one conditional UPDATE, so of several
// instances whose timers fire, exactly one runs the job per period. docs/architecture.md, Jobs.
import type { PrismaClient } from '@prisma/client';
import { randomBytes } from 'node:crypto';
import { isUniqueViolation } from '../db/client.ts';

type LeaseDb = Pick<PrismaClient, 'jobLease'>;

/** Who holds a lease: unique per process, readable in the table (host pid and a random tail). */
export function leaseHolder(label: string): string {
  return `${label}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * Takes the lease `name` until `now + ttlMs` when it is free (never taken, or run out); true when
 * this holder got it. One statement decides, so two instances claiming at once cannot both win,
 * on SQLite (one writer at a time) or PostgreSQL (the UPDATE re-checks its WHERE on the locked row).
 */
export async function claimLease(db: LeaseDb, name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
  const until = new Date(now.getTime() + ttlMs);
  const taken = await db.jobLease.updateMany({ where: { name, until: { lte: now } }, data: { holder, until } });
  if (taken.count === 1) return true;
  try {
    await db.jobLease.create({ data: { name, holder, until } });
    return true;
  } catch (err) {
    // The row exists: another instance holds it (or created it first just now).
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

/** Gives the lease back early (a clean shutdown), so another instance need not wait for it to run out. */
export async function releaseLease(db: LeaseDb, name: string, holder: string): Promise<void> {
  await db.jobLease.updateMany({ where: { name, holder }, data: { until: new Date(0) } });
}

export interface PeriodicJobOptions {
  db: LeaseDb;
  name: string;
  holder: string;
  periodMs: number;
  now: () => Date;
}

/**
 * Runs `job` when this instance wins the period's lease; returns whether it ran. The lease lasts
 * 90 % of the period, so the instance whose timer fires first after it runs out takes the next one,
 * and a dead holder's job is taken over within one period.
 */
export async function runOncePerPeriod<T>(o: PeriodicJobOptions, job: () => Promise<T>): Promise<{ ran: true; result: T } | { ran: false }> {
  if (!(await claimLease(o.db, o.name, o.holder, o.now(), Math.round(o.periodMs * 0.9)))) return { ran: false };
  return { ran: true, result: await job() };
}
