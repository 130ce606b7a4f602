// Importing a beneficiaries register: each row checked (dates, NIK, centre, guardian for a child,
// the chair it names), matched by NIK or else by name + birth date + centre: read only, with the people
// and chairs looked up in a few batched queries. The real run writes the plan (beneficiary-import.writer.ts).
import { z } from 'zod';
import { Nik, nameKey } from '../../../schemas/beneficiaries.ts';
import {
  importDiagnosisWords,
  importMethodWords, importRelationshipWords,
  importSexWords,
  type BeneficiaryImportField,
} from '../../../schemas/beneficiary-import.ts';
import { availableStatuses } from '../../../schemas/chair-life.ts';
import { day, latestToday } from '../../../schemas/centre-time.ts';
import { Phone, text } from '../../../schemas/common.ts';
import { serialKey } from '../../../schemas/devices.ts';
import { parseImportDate, type ImportProblemCode, type ImportRowResult } from '../../../schemas/imports.ts';
import type { Db } from '../../../core/db/client.ts';
import type { Actor } from '../access/actor.ts';
import { ageInYears } from '../access/health-data.ts';
import { findInSlices } from '../lib/slices.ts';

type Row = Record<BeneficiaryImportField, string>;
type Problem = ImportRowResult['problems'][number];

/** One checked row: the person's fields, and what to do with them. */
export interface PlannedPerson {
  line: number;
  data: { fullName: string; nik: string | null; birthDate: Date; sex: string; address: string; city: string | null; phone: string | null; diagnosis: string; centreId: string };
  consent: { givenBy: 'beneficiary' | 'guardian'; guardianName: string | null; guardianRelationship: string | null; method: string; givenAt: Date };
  existingId: string | null;
  chair: { id: string; assign: boolean } | null;
  outcome: 'created' | 'updated' | 'unchanged';
}

const Name = text(120);
const Address = text(300, { multiline: true });
const Short = text(80);
const person = { id: true, fullName: true, nik: true, birthDate: true, sex: true, address: true, city: true, phone: true, diagnosis: true, centreId: true } as const;

type Person = { id: string; fullName: string; nik: string | null; birthDate: Date; sex: string; address: string; city: string | null; phone: string | null; diagnosis: string; centreId: string };
type Chair = { id: string; centreId: string; status: string; beneficiaryId: string | null; serialKey: string };
const personKey = (centreId: string, birthDate: Date, fullName: string) => `${centreId}|${birthDate.toISOString()}|${nameKey(fullName)}`;

/** The people and chairs the rows may name, in a few batched queries (not one per row). */
async function lookUp(db: Db, rows: { nik: string | null; birthDate: Date; centreId: string; chairSerial: string }[]) {
  const byNik = new Map((await findInSlices(rows.flatMap((r) => (r.nik ? [r.nik] : [])), (niks) => db.beneficiary.findMany({ where: { nik: { in: niks } }, select: person }))).map((b) => [b.nik!, b]));
  const byName = new Map<string, Person>();
  const centreIds = [...new Set(rows.map((r) => r.centreId))];
  const sameDay = await findInSlices(rows.map((r) => r.birthDate.getTime()), (days) =>
    db.beneficiary.findMany({ where: { centreId: { in: centreIds }, birthDate: { in: days.map((d) => new Date(d)) }, anonymisedAt: null }, select: person }));
  for (const b of sameDay) if (!byName.has(personKey(b.centreId, b.birthDate, b.fullName))) byName.set(personKey(b.centreId, b.birthDate, b.fullName), b);
  const chairs = new Map((await findInSlices(rows.flatMap((r) => (r.chairSerial ? [serialKey(r.chairSerial)] : [])), (keys) =>
    db.device.findMany({ where: { serialKey: { in: keys } }, select: { id: true, centreId: true, status: true, beneficiaryId: true, serialKey: true } }))).map((d): [string, Chair] => [d.serialKey, d]));
  return { byNik, byName, chairs };
}

/** Checks every row against the database (read only); a row with problems is refused. */
export async function planBeneficiaryImport(db: Db, actor: Actor, rows: Row[], lines: number[], headers: Record<string, string>, now: Date) {
  const results: ImportRowResult[] = [];
  const plans: PlannedPerson[] = [];
  const centres = new Map((await db.centre.findMany({ select: { id: true, code: true } })).map((c) => [c.code.toUpperCase(), c.id]));
  const seen = new Map<string, number>();
  const seenSerials = new Map<string, number>();
  const today = latestToday(now);
  const checked = rows.map((row, i) => {
    const line = lines[i]!;
    const problems: Problem[] = [];
    const refuse = (field: BeneficiaryImportField | null, code: ImportProblemCode, message: string) =>
      problems.push({ column: field ? (headers[field] ?? field) : null, code, message });
    const need = (field: BeneficiaryImportField) => (row[field] ? row[field] : (refuse(field, 'required', 'required'), ''));
    const parsed = <T>(field: BeneficiaryImportField, schema: z.ZodType<T>, value: string) => {
      const r = schema.safeParse(value);
      if (!r.success) refuse(field, 'invalid_value', r.error.issues[0]?.message ?? 'not valid');
      return r.success ? r.data : null;
    };
    const date = (field: BeneficiaryImportField) => {
      const v = need(field);
      if (!v) return null;
      const iso = parseImportDate(v);
      if (!iso) refuse(field, 'invalid_date', `"${v}" is not a real date (dd/mm/yyyy or yyyy-mm-dd)`);
      return iso ? day(iso) : null;
    };
    const word = <T>(field: BeneficiaryImportField, words: Readonly<Record<string, T>>) => {
      const v = need(field);
      const w = words[v.toLowerCase()];
      if (v && w === undefined) refuse(field, 'invalid_value', `"${v}" is not one of: ${Object.keys(words).join(', ')}`);
      return w ?? null;
    };
    const fullName = parsed('fullName', Name, need('fullName'));
    const nik = row.nik ? parsed('nik', Nik, row.nik) : null;
    if (row.nik && !nik) problems.at(-1)!.code = 'invalid_nik';
    const birthDate = date('birthDate');
    if (birthDate && birthDate > today) refuse('birthDate', 'date_in_future', 'the birth date is in the future');
    const sex = word('sex', importSexWords);
    const address = parsed('address', Address, need('address'));
    const city = row.city ? parsed('city', Short, row.city) : null;
    const phone = row.phone ? parsed('phone', Phone, row.phone) : null;
    const diagnosis = word('diagnosis', importDiagnosisWords);
    const method = word('consentMethod', importMethodWords);
    const givenAt = date('consentDate');
    if (givenAt && birthDate && (givenAt > today || givenAt < birthDate)) refuse('consentDate', 'consent_date', 'the consent must be dated between the birth date and today');
    const guardianName = row.guardianName ? parsed('guardianName', Name, row.guardianName) : null;
    const child = birthDate ? ageInYears(birthDate, now) < 18 : false;
    if (child && !guardianName) refuse('guardianName', 'guardian_required', 'a child\'s consent is given by a parent or guardian: name them');
    const relationship = row.guardianRelationship ? word('guardianRelationship', importRelationshipWords) : null;
    const byGuardian = child || guardianName !== null;
    if (byGuardian && !row.guardianRelationship && birthDate && givenAt && ageInYears(birthDate, givenAt) < 18) {
      refuse('guardianRelationship', 'guardian_required', 'a child\'s consent says how the guardian is related to them (e.g. ibu, ayah, nenek, wali)');
    }
    let centreId = actor.role === 'admin' ? null : actor.centreId;
    if (row.centreCode) {
      const found = centres.get(row.centreCode.toUpperCase()) ?? null;
      if (!found || (actor.role !== 'admin' && found !== actor.centreId)) refuse('centreCode', 'unknown_centre_code', `no centre "${row.centreCode}" of yours`);
      else centreId = found;
    } else if (!centreId) refuse('centreCode', 'required', 'admins name the centre of each row');

    const fields = fullName && birthDate && centreId && sex && address && diagnosis ? { fullName, birthDate, centreId, sex, address, diagnosis } : null;
    return { row, line, problems, refuse, fields, nik, city, phone, method, givenAt, guardianName, relationship, byGuardian };
  });

  const found = await lookUp(db, checked.flatMap((r) => (r.problems.length === 0 && r.fields ? [{ ...r.fields, nik: r.nik, chairSerial: r.row.chairSerial }] : [])));
  for (const { row, line, problems, refuse, fields, nik, city, phone, method, givenAt, guardianName, relationship, byGuardian } of checked) {
    let existingId: string | null = null;
    let same = false;
    let chair: PlannedPerson['chair'] = null;
    if (problems.length === 0 && fields) {
      const { fullName, birthDate, centreId } = fields;
      const key = nik ?? personKey(centreId, birthDate, fullName);
      const first = seen.get(key);
      if (first) refuse(nik ? 'nik' : 'fullName', 'duplicate_in_file', `the same person as line ${first}`);
      seen.set(key, line);
      const existing = (nik ? found.byNik.get(nik) : undefined) ?? found.byName.get(personKey(centreId, birthDate, fullName)) ?? null;
      if (existing && existing.centreId !== centreId) refuse('nik', 'nik_elsewhere', 'a person with this NIK is registered at another centre');
      else if (existing) {
        existingId = existing.id;
        const want = { ...fields, nik: nik ?? existing.nik, city: city ?? existing.city, phone: phone ?? existing.phone };
        same = Object.entries(want).every(([k, v]) => String(v) === String(existing[k as keyof typeof existing]));
      }
      if (row.chairSerial) {
        const sk = serialKey(row.chairSerial);
        const again = seenSerials.get(sk);
        if (again) refuse('chairSerial', 'duplicate_in_file', `the same chair as line ${again}`);
        seenSerials.set(sk, line);
        const d = found.chairs.get(sk);
        if (!d || d.centreId !== centreId) refuse('chairSerial', 'unknown_serial', `no chair "${row.chairSerial}" at this centre`);
        else if (existingId && d.beneficiaryId === existingId) chair = { id: d.id, assign: false };
        else if (!(availableStatuses as readonly string[]).includes(d.status)) refuse('chairSerial', 'device_unavailable', `chair "${row.chairSerial}" is ${d.status}, not in stock`);
        else chair = { id: d.id, assign: true };
      }
    }
    const outcome = problems.length ? 'refused' : !existingId ? 'created' : same && !chair?.assign ? 'unchanged' : 'updated';
    results.push({ line, key: fields?.fullName ?? row.fullName, outcome, problems });
    if (outcome !== 'refused' && fields) {
      plans.push({
        line, existingId, chair, outcome,
        data: { ...fields, nik, city, phone },
        consent: { givenBy: byGuardian ? 'guardian' : 'beneficiary', guardianName, guardianRelationship: byGuardian ? relationship : null, method: method!, givenAt: givenAt! },
      });
    }
  }
  return { results, plans };
}
