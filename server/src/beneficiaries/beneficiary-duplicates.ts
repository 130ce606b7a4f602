// Duplicate checks on registering or changing a person: the NIK is unique nationally (409, naming
// the existing record only to those who may open it); the same name and birth date at the centre is
// a warning the client confirms.
import type { Prisma } from '@prisma/client';
import { nameKey } from '../../../schemas/beneficiaries.ts';
import type { Actor } from '../access/actor.ts';
import { beneficiaryScope } from '../access/scopes.ts';
import { conflict } from '../lib/errors.ts';

type Reader = Pick<Prisma.TransactionClient, 'beneficiary'>;

/** 409 when another record holds this NIK; its id is given only when the actor may open it. */
export async function assertNikFree(db: Reader, actor: Actor, nik: string, exceptId?: string) {
  const other = await db.beneficiary.findUnique({ where: { nik }, select: { id: true } });
  if (!other || other.id === exceptId) return;
  const visible = await db.beneficiary.count({ where: { AND: [{ id: other.id }, beneficiaryScope(actor)] } });
  if (visible) throw conflict('a person with this NIK is already registered', { reason: 'duplicate_nik', beneficiaryId: other.id });
  // Not a word about who or where: another centre's people are not the caller's to know.
  throw conflict('a person with this NIK is already registered at another centre', { reason: 'duplicate_nik_elsewhere' });
}

/** The records at a centre with this name (compared by nameKey) and birth date, anonymised ones left out. */
export async function sameNameAndBirth(db: Reader, centreId: string, fullName: string, birthDate: Date) {
  const key = nameKey(fullName);
  const rows = await db.beneficiary.findMany({ where: { centreId, birthDate, anonymisedAt: null }, select: { id: true, fullName: true, nik: true } });
  return rows.filter((r) => nameKey(r.fullName) === key);
}

/** 409 possible_duplicate when someone with the same name and birth date is at the centre (the caller's own centre's record). */
export async function warnPossibleDuplicate(db: Reader, centreId: string, fullName: string, birthDate: Date) {
  const [first] = await sameNameAndBirth(db, centreId, fullName, birthDate);
  if (first) {
    throw conflict('someone with the same name and birth date is already registered at this centre; open that record, or confirm this is another person', {
      reason: 'possible_duplicate',
      beneficiaryId: first.id,
    });
  }
}
