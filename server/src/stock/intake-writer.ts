// Takes planned intake rows (stock/intake.service.ts planIntake) into stock with prepared statements
// on the raw better-sqlite3 connection: thousands of chairs and their `received`/`updated` events in
// milliseconds, so an import holds SQLite's write lock only briefly. Call it inside one transaction
// (audit.changeRaw), which also holds the audit row.
import type Database from 'better-sqlite3';
import { isSqliteUniqueViolation, newRowId, sqliteDateTime } from '../../../core/db/sqlite-values.ts';
import type { Actor } from '../access/actor.ts';
import { conflict } from '../lib/errors.ts';
import type { IntakeResult, IntakeStep } from './intake.service.ts';

export interface IntakeWriteOptions {
  /** The write's time: the chairs' createdAt/updatedAt and their events' time. */
  now: Date;
  /** Called after every 1,000 rows and at the end with how many are done, for progress lines on large imports. */
  onProgress?: (done: number, total: number) => void;
}

const PROGRESS_EVERY = 1000;

/**
 * Writes the plan: a new chair `in_stock` with a `received` event, a changed one updated with an
 * `updated` event naming its fields, nothing for an unchanged one. A chair that left stock (or a
 * serial registered) since the plan was made is a 409 and, thrown inside the transaction, undoes all.
 */
export function writeIntake(raw: Database.Database, actor: Actor, plan: readonly IntakeStep[], options: IntakeWriteOptions): IntakeResult {
  const now = sqliteDateTime(options.now);
  const insertChair = raw.prepare(
    `INSERT INTO "Device" (id, serial, serialKey, modelId, centreId, status, seatWidthMm, seatDepthMm, receivedAt, supplier, fundingSource, batteryInstalledAt, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, 'in_stock', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateChair = raw.prepare(
    `UPDATE "Device" SET serial = ?, serialKey = ?, seatWidthMm = ?, seatDepthMm = ?, receivedAt = ?, supplier = ?, fundingSource = ?, batteryInstalledAt = ?, updatedAt = ?
      WHERE id = ? AND status = 'in_stock' AND centreId = ? AND modelId = ?`,
  );
  const insertEvent = raw.prepare(`INSERT INTO "DeviceEvent" (id, deviceId, kind, at, actorId, centreId, details) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const result: IntakeResult = { created: [], updated: [], unchanged: [] };

  plan.forEach((step, i) => {
    if (step.outcome === 'unchanged') result.unchanged.push(step.id);
    else {
      const r = step.record;
      const values = [r.serial, r.serialKey, r.seatWidthMm, r.seatDepthMm, sqliteDateTime(r.receivedAt), r.supplier, r.fundingSource, sqliteDateTime(r.batteryInstalledAt)] as const;
      if (step.outcome === 'created') {
        const id = newRowId();
        try {
          insertChair.run(id, r.serial, r.serialKey, r.modelId, r.centreId, ...values.slice(2), now, now);
        } catch (err) {
          if (isSqliteUniqueViolation(err)) throw conflict(`serial ${r.serial} was registered meanwhile; check the file again`);
          throw err;
        }
        insertEvent.run(newRowId(), id, 'received', now, actor.id, r.centreId, JSON.stringify({ status: 'in_stock' }));
        result.created.push(id);
      } else {
        const moved = updateChair.run(...values, now, step.id, r.centreId, r.modelId);
        if (moved.changes !== 1) throw conflict(`the chair with serial ${r.serial} is no longer in stock here; check the file again`);
        insertEvent.run(newRowId(), step.id, 'updated', now, actor.id, r.centreId, JSON.stringify({ fields: step.fields }));
        result.updated.push(step.id);
      }
    }
    const done = i + 1;
    if (options.onProgress && (done % PROGRESS_EVERY === 0 || done === plan.length)) options.onProgress(done, plan.length);
  });
  return result;
}
