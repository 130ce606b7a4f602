// Beneficiaries: registration with consent, scoped reads, clinical profiles for therapists.
import { createRouter } from '../http/router.ts';
import type { Prisma } from '@prisma/client';
import { healthDataConsentWhere } from '../access/health-data.ts';
import { canSeeClinical, centreForWrite } from '../access/policy.ts';
import { auditedChange, auditFrom } from '../http/audit.ts';
import type { AppEnv } from '../http/types.ts';
import { conflict, invalid, notFound } from '../lib/errors.ts';
import * as routes from './beneficiaries.routes.ts';
import {
  assertNotAnonymised,
  checkConsentGiver,
  consentRows,
  detailInclude,
  findVisible,
  requireActiveConsent,
  summaryInclude,
  toDetail,
  toSummary,
} from './beneficiaries.service.ts';
import { beneficiaryScope } from '../access/scopes.ts';
import { actorOf } from '../http/access.ts';
import { assertNikFree, warnPossibleDuplicate } from './beneficiary-duplicates.ts';

const day = (d: string) => new Date(`${d}T00:00:00Z`);

export function beneficiaryRoutes() {
  const app = createRouter();

  app.openapi(routes.list, async (c) => {
    const { db, clock } = c.get('deps');
    const actor = actorOf(c);
    const { q, centreId, diagnosis, limit, offset } = c.req.valid('query');
    const where: Prisma.BeneficiaryWhereInput = {
      AND: [
        beneficiaryScope(actor),
        q ? { fullName: { contains: q } } : {},
        centreId ? { centreId } : {},
        // A search by diagnosis finds only people whose diagnosis the reader may see.
        diagnosis && canSeeClinical(actor) ? { diagnosis, ...(actor.role === 'admin' ? {} : healthDataConsentWhere(clock.now())) } : {},
      ],
    };
    const [rows, total] = await Promise.all([
      db.beneficiary.findMany({ where, include: summaryInclude, orderBy: [{ fullName: 'asc' }, { id: 'asc' }], take: limit, skip: offset }),
      db.beneficiary.count({ where }),
    ]);
    const now = clock.now();
    // Names, ages and centres of a page of people were shown: who saw whom, for a breach query.
    if (rows.length) await auditFrom(c, { action: 'beneficiary.list', entityType: 'Beneficiary', centreId: actor.centreId ?? null, details: { ids: rows.map((b) => b.id) } });
    return c.json({ items: rows.map((b) => toSummary(b, actor, now)), total }, 200);
  });

  app.openapi(routes.get, async (c) => {
    const { db, clock } = c.get('deps');
    const actor = actorOf(c);
    const b = await findVisible(db, actor, c.req.valid('param').id);
    await auditFrom(c, { action: 'beneficiary.read', entityType: 'Beneficiary', entityId: b.id, centreId: b.centreId, details: { clinical: canSeeClinical(actor) } });
    return c.json(toDetail(b, actor, clock.now()), 200);
  });

  app.openapi(routes.create, async (c) => {
    const { db, clock } = c.get('deps');
    const actor = actorOf(c);
    const { consent, centreId: requested, birthDate, confirmDuplicate, ...fields } = c.req.valid('json');
    const centreId = centreForWrite(actor, requested);
    if (!(await db.centre.findUnique({ where: { id: centreId } }))) throw invalid('no such centre');
    const now = clock.now();
    const birth = day(birthDate);
    if (birth > now) throw invalid('birth date is in the future', [{ path: ['birthDate'], message: 'in the future', code: 'custom' }]);
    checkConsentGiver(consent, birth, now);
    // The diagnosis category is the programme's eligibility criterion and comes with the service;
    // clinical notes beyond it are health data and need the health-data consent.
    if (fields.diagnosisNotes && !consent.purposes.includes('health_data')) {
      throw invalid('clinical notes need the health-data consent', [
        { path: ['consent', 'purposes'], message: 'add health_data to record diagnosis notes, or leave the notes out', code: 'custom' },
      ]);
    }
    if (fields.nik) await assertNikFree(db, actor, fields.nik);
    if (!confirmDuplicate) await warnPossibleDuplicate(db, centreId, fields.fullName, birth);
    const b = await auditedChange(
      c,
      (tx) =>
        tx.beneficiary.create({
          data: { ...fields, birthDate: birth, centreId, createdById: actor.id, consents: { create: consentRows(consent, actor.id) } },
          include: detailInclude,
        }),
      (row) => ({
        action: 'beneficiary.create',
        entityType: 'Beneficiary',
        entityId: row.id,
        centreId,
        details: { consentPurposes: consent.purposes, ...(confirmDuplicate ? { confirmedDuplicate: true } : {}) },
      }),
    );
    return c.json(toDetail(b, actor, now), 201);
  });

  app.openapi(routes.update, async (c) => {
    const { db, clock } = c.get('deps');
    const actor = actorOf(c);
    const { id } = c.req.valid('param');
    const { birthDate, ...body } = c.req.valid('json');
    const existing = await findVisible(db, actor, id);
    assertNotAnonymised(existing);
    if (birthDate && day(birthDate) > clock.now()) throw invalid('birth date is in the future');
    if (body.nik) await assertNikFree(db, actor, body.nik, id);
    await auditedChange(
      c,
      async (tx) => {
        // Writing clinical notes needs the health-data consent; clearing them never does.
        if (body.diagnosisNotes) await requireActiveConsent(tx, id, 'health_data', clock.now());
        await tx.beneficiary.update({ where: { id }, data: { ...body, ...(birthDate ? { birthDate: day(birthDate) } : {}) } });
      },
      () => ({ action: 'beneficiary.update', entityType: 'Beneficiary', entityId: id, centreId: existing.centreId, details: { fields: Object.keys(c.req.valid('json')) } }),
    );
    const b = await findVisible(db, actor, id);
    return c.json(toDetail(b, actor, clock.now()), 200);
  });

  app.openapi(routes.putCp, async (c) => {
    const { db, clock } = c.get('deps');
    const actor = actorOf(c);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const existing = await findVisible(db, actor, id);
    assertNotAnonymised(existing);
    await auditedChange(
      c,
      async (tx) => {
        await requireActiveConsent(tx, id, 'health_data', clock.now());
        await tx.cpProfile.upsert({ where: { beneficiaryId: id }, create: { ...body, beneficiaryId: id }, update: body });
      },
      () => ({ action: 'cp_profile.write', entityType: 'Beneficiary', entityId: id, centreId: existing.centreId }),
    );
    return c.json(toDetail(await findVisible(db, actor, id), actor, clock.now()), 200);
  });

  app.openapi(routes.putHydro, async (c) => {
    const { db, clock } = c.get('deps');
    const actor = actorOf(c);
    const { id } = c.req.valid('param');
    const { headCircumferences, lastRevisionAt, ...body } = c.req.valid('json');
    const existing = await findVisible(db, actor, id);
    assertNotAnonymised(existing);
    const data = { ...body, lastRevisionAt: lastRevisionAt ? day(lastRevisionAt) : null };
    await auditedChange(
      c,
      async (tx) => {
        await requireActiveConsent(tx, id, 'health_data', clock.now());
        const profile = await tx.hydrocephalusProfile.upsert({ where: { beneficiaryId: id }, create: { ...data, beneficiaryId: id }, update: data });
        if (headCircumferences) {
          await tx.headCircumference.deleteMany({ where: { profileId: profile.id } });
          await tx.headCircumference.createMany({
            data: headCircumferences.map((h) => ({ profileId: profile.id, measuredAt: day(h.measuredAt), cm: h.cm })),
          });
        }
      },
      () => ({ action: 'hydrocephalus_profile.write', entityType: 'Beneficiary', entityId: id, centreId: existing.centreId }),
    );
    return c.json(toDetail(await findVisible(db, actor, id), actor, clock.now()), 200);
  });

  app.openapi(routes.addConsent, async (c) => {
    const { db, clock } = c.get('deps');
    const actor = actorOf(c);
    const { id } = c.req.valid('param');
    const consent = c.req.valid('json');
    const b = await findVisible(db, actor, id);
    assertNotAnonymised(b);
    const now = clock.now();
    checkConsentGiver(consent, b.birthDate, now);
    await auditedChange(
      c,
      (tx) => tx.consent.createMany({ data: consentRows(consent, actor.id).map((r) => ({ ...r, beneficiaryId: id })) }),
      () => ({ action: 'consent.create', entityType: 'Beneficiary', entityId: id, centreId: b.centreId, details: { purposes: consent.purposes } }),
    );
    return c.json(toDetail(await findVisible(db, actor, id), actor, now), 201);
  });

  app.openapi(routes.withdrawConsent, async (c) => {
    const { db, clock } = c.get('deps');
    const actor = actorOf(c);
    const { id, consentId } = c.req.valid('param');
    const b = await findVisible(db, actor, id);
    const consent = b.consents.find((k) => k.id === consentId);
    if (!consent) throw notFound('consent');
    if (consent.withdrawnAt) throw conflict('this consent was already withdrawn');
    const now = clock.now();
    await auditedChange(
      c,
      (tx) => tx.consent.update({ where: { id: consentId }, data: { withdrawnAt: now } }),
      () => ({ action: 'consent.withdraw', entityType: 'Beneficiary', entityId: id, centreId: b.centreId, details: { consentId, purpose: consent.purpose } }),
    );
    return c.json(toDetail(await findVisible(db, actor, id), actor, now), 200);
  });

  return app;
}
