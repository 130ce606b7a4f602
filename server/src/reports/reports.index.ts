// Family issue reports: reporting (idempotent), the scoped list and detail (reads audited), photos,
// triage by centre staff and the comment thread. Every write is audited and notifies in its transaction.
import fs from 'node:fs/promises';
import { openReportStatuses, PHOTO_LIMITS } from '../../../schemas/reports.ts';
import { requireActiveConsent } from '../beneficiaries/beneficiaries.service.ts';
import { auditFrom } from '../http/audit.ts';
import { createRouter } from '../http/router.ts';
import { ApiError, conflict, notFound } from '../lib/errors.ts';
import { centreStaff, familyOf, notify } from '../../../core/notifications/notify.ts';
import { createReport } from './report-create.ts';
import { triageReport } from './report-triage.ts';
import * as routes from './reports.routes.ts';
import { findVisibleReport, listReports } from './reports.service.ts';
import { photoUrl, toComment, toDetail, toSummary } from './reports.view.ts';
import { isPhotoUpload } from '../http/photo-upload.ts';
import { photoFile, processPhoto, readLimited, storePhoto } from './photos.ts';
import { actorOf } from '../http/access.ts';

export function reportRoutes() {
  const app = createRouter();

  app.openapi(routes.create, async (c) => {
    const { db, clock } = c.get('deps');
    const actor = actorOf(c);
    const body = c.req.valid('json');
    const outcome = await createReport(db, actor, body, clock.now());
    if (outcome.created) {
      await auditFrom(c, {
        action: 'report.create', entityType: 'IssueReport', entityId: outcome.id, centreId: outcome.centreId,
        details: { beneficiaryId: body.beneficiaryId, category: body.category, redFlag: outcome.redFlag },
      });
    }
    const r = await findVisibleReport(db, actor, outcome.id);
    return c.json(await toDetail(db, r, actor), outcome.created ? 201 : 200);
  });

  app.openapi(routes.list, async (c) => {
    const actor = actorOf(c);
    const { items, total } = await listReports(c.get('deps').db, actor, c.req.valid('query'));
    return c.json({ items: items.map((r) => toSummary(r, actor)), total }, 200);
  });

  app.openapi(routes.get, async (c) => {
    const { db } = c.get('deps');
    const actor = actorOf(c);
    const r = await findVisibleReport(db, actor, c.req.valid('param').id);
    await auditFrom(c, { action: 'report.read', entityType: 'IssueReport', entityId: r.id, centreId: r.beneficiary.centreId });
    return c.json(await toDetail(db, r, actor), 200);
  });

  app.openapi(routes.uploadPhoto, async (c) => {
    const { db, config, clock } = c.get('deps');
    const actor = actorOf(c);
    // Scope first: someone else's report is a 404 whatever the body holds.
    const r = await findVisibleReport(db, actor, c.req.valid('param').id);
    if (!isPhotoUpload(c.req.method, c.req.path, c.req.header('content-type') ?? '')) {
      throw new ApiError(415, 'unsupported_media_type', 'send the photo itself as the body, as image/jpeg, image/png or image/webp');
    }
    const full = () => conflict(`a report has at most ${PHOTO_LIMITS.perReport} photos`);
    if (r.photos.length >= PHOTO_LIMITS.perReport) throw full();
    // A family member who takes and sends a photo for their own report consents to it there and
    // then; staff photographing for a family need the photo consent on file (a guardian's, for a child).
    const consentBasis = actor.role === 'family' ? 'uploader' : 'on_file';
    if (consentBasis === 'on_file') await requireActiveConsent(db, r.beneficiaryId, 'photos', clock.now());
    const photo = await processPhoto(await readLimited(c.req.raw));
    const row = await db.$transaction(async (tx) => {
      // Counted again inside the transaction, so two uploads at once cannot make a fourth photo.
      if ((await tx.reportPhoto.count({ where: { reportId: r.id } })) >= PHOTO_LIMITS.perReport) throw full();
      const created = await tx.reportPhoto.create({
        data: { reportId: r.id, uploadedById: actor.id, sha256: photo.sha256, width: photo.width, height: photo.height, bytes: photo.data.length, createdAt: clock.now() },
      });
      await storePhoto(config.dataDir, created.id, photo.data);
      return created;
    });
    await auditFrom(c, { action: 'report.photo.add', entityType: 'IssueReport', entityId: r.id, centreId: r.beneficiary.centreId, details: { photoId: row.id, bytes: row.bytes, consentBasis } });
    return c.json({ id: row.id, url: photoUrl(r.id, row.id), width: row.width, height: row.height, bytes: row.bytes, createdAt: row.createdAt.toISOString() }, 201);
  });

  app.openapi(routes.getPhoto, async (c) => {
    const { db, config } = c.get('deps');
    const actor = actorOf(c);
    const { id, photoId } = c.req.valid('param');
    const r = await findVisibleReport(db, actor, id);
    const photo = r.photos.find((p) => p.id === photoId);
    if (!photo) throw notFound('photo');
    let data: Buffer;
    try {
      data = await fs.readFile(photoFile(config.dataDir, photo.id));
    } catch {
      throw notFound('photo');
    }
    await auditFrom(c, { action: 'report.photo.read', entityType: 'IssueReport', entityId: r.id, centreId: r.beneficiary.centreId, details: { photoId } });
    return c.body(new Uint8Array(data), 200, {
      'Content-Type': 'image/jpeg',
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': 'inline',
    });
  });

  app.openapi(routes.triage, async (c) => {
    const { db, clock } = c.get('deps');
    const actor = actorOf(c);
    const body = c.req.valid('json');
    const r = await findVisibleReport(db, actor, c.req.valid('param').id);
    const outcome = await triageReport(db, actor, r, body, clock.now());
    await auditFrom(c, {
      action: 'report.triage', entityType: 'IssueReport', entityId: r.id, centreId: r.beneficiary.centreId,
      details: { outcome: body.outcome, to: outcome.to, workOrderId: outcome.workOrderId, followUpId: outcome.followUpId },
    });
    return c.json(await toDetail(db, await findVisibleReport(db, actor, r.id), actor), 200);
  });

  app.openapi(routes.photoRequest, async (c) => {
    const { db, clock } = c.get('deps');
    const actor = actorOf(c);
    const r = await findVisibleReport(db, actor, c.req.valid('param').id);
    if (!(openReportStatuses as readonly string[]).includes(r.status)) throw conflict('this report is closed');
    if (r.photos.length >= PHOTO_LIMITS.perReport) throw conflict(`a report has at most ${PHOTO_LIMITS.perReport} photos`);
    const notified = await db.$transaction(async (tx) =>
      notify(tx, {
        userIds: await familyOf(tx, r.beneficiaryId), kind: 'report_photo_request',
        params: { reportId: r.id, beneficiary: r.beneficiary.fullName }, link: `/reports/${r.id}`, now: clock.now(),
      }),
    );
    await auditFrom(c, { action: 'report.photo.request', entityType: 'IssueReport', entityId: r.id, centreId: r.beneficiary.centreId });
    return c.json({ notified }, 200);
  });

  app.openapi(routes.comment, async (c) => {
    const { db, clock } = c.get('deps');
    const actor = actorOf(c);
    const { body } = c.req.valid('json');
    const r = await findVisibleReport(db, actor, c.req.valid('param').id);
    const now = clock.now();
    const created = await db.$transaction(async (tx) => {
      const row = await tx.reportComment.create({ data: { reportId: r.id, authorId: actor.id, body, createdAt: now } });
      // The other side: the family when staff write; when the family writes, whoever works on it, else the therapists.
      let recipients: string[];
      if (actor.role === 'family') {
        const assignee = r.workOrders[0]?.status !== 'cancelled' ? r.workOrders[0]?.assigneeId : null;
        recipients = assignee ? [assignee] : await centreStaff(tx, r.beneficiary.centreId, ['therapist']);
      } else {
        recipients = await familyOf(tx, r.beneficiaryId);
      }
      await notify(tx, {
        userIds: recipients.filter((u) => u !== actor.id), kind: 'report_comment',
        params: { reportId: r.id, beneficiary: r.beneficiary.fullName }, link: `/reports/${r.id}`, now,
      });
      return row;
    });
    await auditFrom(c, { action: 'report.comment', entityType: 'IssueReport', entityId: r.id, centreId: r.beneficiary.centreId, details: { commentId: created.id } });
    return c.json(toComment(created, new Map([[actor.id, { name: actor.name, role: actor.role }]]), actor), 201);
  });

  return app;
}
