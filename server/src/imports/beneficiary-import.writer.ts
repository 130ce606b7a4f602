// Writes a checked beneficiaries register (beneficiary-import.service.ts planBeneficiaryImport) with
// prepared statements on the raw better-sqlite3 connection: new people with their imported consents,
// changed details, and each named chair issued to its person (status in_use, event `issued`). Call it
// inside one transaction (audit.changeRaw, which also holds the audit row): milliseconds of write lock.
import type Database from 'better-sqlite3';
import { IMPORTED_CONSENT_PURPOSES } from '../../../schemas/beneficiary-import.ts';
import { availableStatuses } from '../../../schemas/chair-life.ts';
import { isSqliteUniqueViolation, newRowId, sqliteDateTime } from '../../../core/db/sqlite-values.ts';
import type { Actor } from '../access/actor.ts';
import { conflict } from '../lib/errors.ts';
import type { PlannedPerson } from './beneficiary-import.service.ts';

export interface BeneficiaryWriteOptions {
  now: Date;
  /** Called after every 1,000 rows and at the end with how many are done. */
  onProgress?: (done: number, total: number) => void;
}

const PROGRESS_EVERY = 1000;
const AVAILABLE = availableStatuses.map((s) => `'${s}'`).join(', ');

/** Writes the plan; returns the ids of the people created or changed. A plan gone stale (a chair issued, a NIK registered meanwhile) is a 409 and undoes all. */
export function writeBeneficiaryImport(raw: Database.Database, actor: Actor, plans: readonly PlannedPerson[], options: BeneficiaryWriteOptions): string[] {
  const now = sqliteDateTime(options.now);
  const insertPerson = raw.prepare(
    `INSERT INTO "Beneficiary" (id, centreId, fullName, nik, birthDate, sex, address, city, phone, diagnosis, createdById, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertConsent = raw.prepare(
    `INSERT INTO "Consent" (id, beneficiaryId, givenBy, guardianName, guardianRelationship, purpose, method, givenAt, recordedById, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Details the row leaves empty keep the person's (NIK, city, phone).
  const updatePerson = raw.prepare(
    `UPDATE "Beneficiary" SET fullName = ?, nik = COALESCE(?, nik), birthDate = ?, sex = ?, address = ?, city = COALESCE(?, city), phone = COALESCE(?, phone),
       diagnosis = ?, updatedAt = ? WHERE id = ?`,
  );
  const issueChair = raw.prepare(`UPDATE "Device" SET status = 'in_use', beneficiaryId = ?, updatedAt = ? WHERE id = ? AND status IN (${AVAILABLE})`);
  const insertEvent = raw.prepare(
    `INSERT INTO "DeviceEvent" (id, deviceId, kind, at, actorId, beneficiaryId, centreId, reason) VALUES (?, ?, 'issued', ?, ?, ?, ?, 'import')`,
  );
  const ids: string[] = [];
  plans.forEach((p, i) => {
    const d = p.data;
    let id = p.existingId;
    try {
      if (!id) {
        id = newRowId();
        insertPerson.run(id, d.centreId, d.fullName, d.nik, sqliteDateTime(d.birthDate), d.sex, d.address, d.city, d.phone, d.diagnosis, actor.id, now, now);
        for (const purpose of IMPORTED_CONSENT_PURPOSES) {
          insertConsent.run(newRowId(), id, p.consent.givenBy, p.consent.guardianName, p.consent.guardianRelationship, purpose, p.consent.method, sqliteDateTime(p.consent.givenAt), actor.id, now);
        }
      } else if (p.outcome === 'updated') {
        updatePerson.run(d.fullName, d.nik, sqliteDateTime(d.birthDate), d.sex, d.address, d.city, d.phone, d.diagnosis, now, id);
      }
    } catch (err) {
      if (isSqliteUniqueViolation(err)) throw conflict(`the NIK on line ${p.line} was registered meanwhile; check the file again`);
      throw err;
    }
    if (p.chair?.assign) {
      // Checked again inside the transaction: a chair issued meanwhile is not taken from its user.
      if (issueChair.run(id, now, p.chair.id).changes !== 1) throw conflict(`the chair on line ${p.line} is no longer in stock; check the file again`);
      insertEvent.run(newRowId(), p.chair.id, now, actor.id, id, d.centreId);
    }
    if (p.outcome !== 'unchanged') ids.push(id);
    const done = i + 1;
    if (options.onProgress && (done % PROGRESS_EVERY === 0 || done === plans.length)) options.onProgress(done, plans.length);
  });
  return ids;
}
