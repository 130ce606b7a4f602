// Device requests: scoped reads, referral, the pathway transitions and the sizing helper.
import type { Prisma } from '@prisma/client';
import { healthDataView } from '../access/health-data.ts';
import type { RequestState } from '../../../schemas/requests.ts';
import { findVisible, requireActiveConsent } from '../beneficiaries/beneficiaries.service.ts';
import { addMonths } from './follow-up-schedule.ts';
import { auditFrom } from '../http/audit.ts';
import { createRouter } from '../http/router.ts';
import { conflict } from '../lib/errors.ts';
import * as routes from './requests.routes.ts';
import { detail, findVisibleRequest, namesOf, therapistFor } from './requests.service.ts';
import { toSummary } from './requests.view.ts';
import { sizingFor } from './sizing.service.ts';
import { openStates } from './state-machine.ts';
import { invalidAt } from './steps/step-context.ts';
import { transition } from './transition.service.ts';
import { requestScope } from '../access/scopes.ts';
import { actorOf } from '../http/access.ts';
import { summaryInclude } from './request-rows.ts';

export function requestRoutes() {
  const app = createRouter();

  app.openapi(routes.list, async (c) => {
    const { db, clock } = c.get('deps');
    const actor = actorOf(c);
    const q = c.req.valid('query');
    const where: Prisma.DeviceRequestWhereInput = {
      AND: [
        requestScope(actor),
        q.state ? { state: q.state } : {},
        q.open === 'true' ? { state: { in: [...openStates] } } : q.open === 'false' ? { state: { notIn: [...openStates] } } : {},
        q.beneficiaryId ? { beneficiaryId: q.beneficiaryId } : {},
        q.mine === 'true' ? { therapistId: actor.id } : {},
        q.centreId ? { centreId: q.centreId } : {},
      ],
    };
    const [rows, total] = await Promise.all([
      db.deviceRequest.findMany({ where, include: summaryInclude, orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }], take: q.limit, skip: q.offset }),
      db.deviceRequest.count({ where }),
    ]);
    const names = await namesOf(db, rows.map((r) => r.therapistId));
    const now = clock.now();
    return c.json({ items: rows.map((r) => toSummary(r, actor, now, names)), total }, 200);
  });

  app.openapi(routes.get, async (c) => {
    const { db, clock } = c.get('deps');
    const actor = actorOf(c);
    const body = await detail(db, actor, c.req.valid('param').id, clock.now());
    await auditFrom(c, { action: 'request.read', entityType: 'DeviceRequest', entityId: body.id, centreId: body.centreId, details: { clinical: body.assessment !== undefined } });
    return c.json(body, 200);
  });

  app.openapi(routes.beneficiaryTimeline, async (c) => {
    const { db, clock } = c.get('deps');
    const actor = actorOf(c);
    const b = await findVisible(db, actor, c.req.valid('param').id);
    const staff = actor.role !== 'family';
    // Transition notes can be clinical (a refit's reason, a rejection's): healthDataView decides.
    const full = healthDataView(actor, b, clock.now()).level === 'full';
    const rows = await db.requestTransition.findMany({
      where: { request: { AND: [{ beneficiaryId: b.id }, requestScope(actor)] } },
      include: { byUser: { select: { id: true, name: true } } },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    });
    const items = rows.map((t) => ({
      requestId: t.requestId,
      from: (t.fromState as RequestState | null) ?? null,
      to: t.toState as RequestState,
      at: t.at.toISOString(),
      refit: t.fromState === 'fitted' && t.toState === 'prepared',
      ...(staff ? { by: t.byUser ? { id: t.byUser.id, name: t.byUser.name } : null } : {}),
      ...(full ? { note: t.note } : {}),
    }));
    return c.json({ items }, 200);
  });

  app.openapi(routes.create, async (c) => {
    const { db, clock } = c.get('deps');
    const actor = actorOf(c);
    const { beneficiaryId, referral, therapistId } = c.req.valid('json');
    const now = clock.now();
    const b = await findVisible(db, actor, beneficiaryId);
    if (referral.appointmentAt) {
      const at = new Date(referral.appointmentAt);
      // A visit earlier today may still be booked afterwards: twelve hours' grace.
      if (at.getTime() < now.getTime() - 12 * 3_600_000) throw invalidAt(['referral', 'appointmentAt'], 'date_in_past', 'the appointment is in the past');
      if (at > addMonths(now, 12)) throw invalidAt(['referral', 'appointmentAt'], 'date_too_far', 'the appointment is more than a year away');
    }
    await requireActiveConsent(db, b.id, 'service', now);
    const therapist = await therapistFor(db, actor, b.centreId, therapistId);
    const open = await db.deviceRequest.findFirst({ where: { beneficiaryId: b.id, state: { in: [...openStates] } } });
    if (open) throw conflict('this beneficiary already has an open request; continue or cancel that one', { reason: 'open_request_exists', openRequestId: open.id });
    const created = await db.$transaction(async (tx) => {
      const r = await tx.deviceRequest.create({ data: { beneficiaryId: b.id, centreId: b.centreId, therapistId: therapist, state: 'referred', createdAt: now, updatedAt: now } });
      await tx.referral.create({
        data: { ...referral, appointmentAt: referral.appointmentAt ? new Date(referral.appointmentAt) : null, beneficiaryId: b.id, requestId: r.id, referredById: actor.id, createdAt: now },
      });
      await tx.requestTransition.create({ data: { requestId: r.id, fromState: null, toState: 'referred', byUserId: actor.id, at: now } });
      return r;
    });
    await auditFrom(c, { action: 'request.create', entityType: 'DeviceRequest', entityId: created.id, centreId: b.centreId, details: { beneficiaryId: b.id } });
    return c.json(await detail(db, actor, created.id, now), 201);
  });

  app.openapi(routes.transition, async (c) => {
    const { db, clock } = c.get('deps');
    const actor = actorOf(c);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const now = clock.now();
    const request = await findVisibleRequest(db, actor, id);
    const outcome = await transition({ db, actor, now, request, body });
    await auditFrom(c, {
      action: 'request.transition',
      entityType: 'DeviceRequest',
      entityId: id,
      centreId: request.centreId,
      details: { from: request.state, to: body.to, fields: Object.keys(body), ...(outcome.credentials ? { credentialsIssuedFor: outcome.credentials.deviceId } : {}) },
    });
    const result = { request: await detail(db, actor, id, now), warnings: outcome.warnings ?? [], ...(outcome.credentials ? { credentials: outcome.credentials } : {}) };
    // The secret is in this answer only: keep it out of any cache.
    if (outcome.credentials) c.header('Cache-Control', 'no-store');
    return c.json(result, 200);
  });

  app.openapi(routes.sizing, async (c) => {
    const { db, clock } = c.get('deps');
    const actor = actorOf(c);
    const request = await findVisibleRequest(db, actor, c.req.valid('param').id);
    // The sizing works from the body measurements and the clinical profiles: health data.
    if (healthDataView(actor, request.beneficiary, clock.now()).level !== 'full') {
      throw conflict('the health_data consent is missing or withdrawn: the sizing helper needs the assessment, which may not be used until it is recorded again');
    }
    return c.json(await sizingFor(db, request, c.req.valid('query').kind), 200);
  });

  return app;
}
