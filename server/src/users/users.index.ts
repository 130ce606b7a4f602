// User accounts (created by invitation: admins any, managers their own centre's) and family links (admins).
import { createRouter } from '../http/router.ts';
import { auditedChange } from '../http/audit.ts';
import type { AppEnv } from '../http/types.ts';
import { conflict, forbidden, invalid, notFound } from '../lib/errors.ts';
import { inRoles } from '../../../schemas/common.ts';
import { managerInvitableRoles } from '../../../schemas/users.ts';
import { issueInvitation, revokeOpenInvitations } from '../invitations/invitations.service.ts';
import * as routes from './users.routes.ts';
import { createUser, toUser, userInclude } from './users.service.ts';
import { beneficiaryScope, userManageScope, userScope } from '../access/scopes.ts';
import { actorOf } from '../http/access.ts';

export function userRoutes() {
  const app = createRouter();

  app.openapi(routes.list, async (c) => {
    const { centreId, role } = c.req.valid('query');
    const rows = await c.get('deps').db.user.findMany({
      where: { AND: [userScope(actorOf(c)), centreId ? { centreId } : {}, role ? { role } : {}] },
      include: userInclude,
      orderBy: [{ role: 'asc' }, { name: 'asc' }],
      take: 1000,
    });
    return c.json({ items: rows.map(toUser) }, 200);
  });

  app.openapi(routes.get, async (c) => {
    const { id } = c.req.valid('param');
    const row = await c.get('deps').db.user.findFirst({ where: { AND: [{ id }, userScope(actorOf(c))] }, include: userInclude });
    if (!row) throw notFound('user');
    return c.json(toUser(row), 200);
  });

  app.openapi(routes.create, async (c) => {
    const { familyLink, ...account } = c.req.valid('json');
    const { db, clock } = c.get('deps');
    const actor = actorOf(c);
    if (actor.role === 'manager') {
      // A centre's head invites their own therapists, technicians and families (DESIGN, Access).
      if (!inRoles(managerInvitableRoles, account.role)) throw forbidden('managers invite therapists, technicians and families');
      if (account.centreId && account.centreId !== actor.centreId) throw forbidden('managers invite into their own centre only');
      account.centreId = actor.centreId;
    }
    if (account.centreId && !(await db.centre.findUnique({ where: { id: account.centreId } }))) {
      throw invalid('no such centre', [{ path: ['centreId'], message: 'no such centre', code: 'custom' }]);
    }
    if (familyLink && !(await db.beneficiary.findFirst({ where: { AND: [{ id: familyLink.beneficiaryId }, beneficiaryScope(actor)] }, select: { id: true } }))) {
      throw invalid('no such beneficiary', [{ path: ['familyLink', 'beneficiaryId'], message: 'no such beneficiary', code: 'custom' }]);
    }
    const { user, issued } = await auditedChange(
      c,
      async (tx) => {
        const user = await createUser(tx, account, null, familyLink);
        return { user, issued: await issueInvitation(tx, user.id, actor.id, clock.now()) };
      },
      (r) => ({
        action: 'user.create', entityType: 'User', entityId: r.user.id, centreId: r.user.centreId,
        details: { role: r.user.role, invitationId: r.issued.id, ...(familyLink ? { linkedBeneficiaryId: familyLink.beneficiaryId } : {}) },
      }),
    );
    return c.json({ user: toUser(user), invitation: issued.link }, 201);
  });

  app.openapi(routes.update, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { db, sessions, clock } = c.get('deps');
    const actor = actorOf(c);
    if (!(await db.user.findFirst({ where: { AND: [{ id }, userManageScope(actor)] }, select: { id: true } }))) throw notFound('user');
    if (body.disabled === true && id === actor.id) throw conflict('you cannot disable your own account');
    const { row, ended } = await auditedChange(
      c,
      async (tx) => {
        const updated = await tx.user.update({ where: { id }, data: body, include: userInclude });
        // Disabling an account ends its sessions and withdraws its open invitation links at once.
        const ended = body.disabled === true
          ? { sessions: await sessions.revokeAllFor(id, tx), invitations: await revokeOpenInvitations(tx, id, clock.now()) }
          : undefined;
        return { row: updated, ended };
      },
      (r) => ({
        action: body.disabled === true ? 'user.disable' : body.disabled === false ? 'user.enable' : 'user.update',
        entityType: 'User',
        entityId: id,
        centreId: r.row.centreId,
        details: { fields: Object.keys(body), ...(r.ended ? { endedSessions: r.ended.sessions, revokedInvitations: r.ended.invitations } : {}) },
      }),
    );
    return c.json(toUser(row), 200);
  });

  app.openapi(routes.link, async (c) => {
    const { id } = c.req.valid('param');
    const { beneficiaryId, relationship } = c.req.valid('json');
    const { db } = c.get('deps');
    const user = await db.user.findUnique({ where: { id } });
    if (!user) throw notFound('user');
    if (user.role !== 'family') throw conflict('only family accounts are linked to beneficiaries');
    const beneficiary = await db.beneficiary.findUnique({ where: { id: beneficiaryId } });
    if (!beneficiary) throw invalid('no such beneficiary', [{ path: ['beneficiaryId'], message: 'no such beneficiary', code: 'custom' }]);
    await auditedChange(
      c,
      (tx) => tx.familyLink.create({ data: { userId: id, beneficiaryId, relationship } }),
      () => ({ action: 'family_link.create', entityType: 'Beneficiary', entityId: beneficiaryId, centreId: beneficiary.centreId, details: { userId: id } }),
    );
    return c.json(toUser(await db.user.findUniqueOrThrow({ where: { id }, include: userInclude })), 201);
  });

  app.openapi(routes.unlink, async (c) => {
    const { id, beneficiaryId } = c.req.valid('param');
    const { db } = c.get('deps');
    const link = await db.familyLink.findUnique({ where: { userId_beneficiaryId: { userId: id, beneficiaryId } }, include: { beneficiary: { select: { centreId: true } } } });
    if (!link) throw notFound('family link');
    await auditedChange(
      c,
      (tx) => tx.familyLink.delete({ where: { id: link.id } }),
      () => ({ action: 'family_link.delete', entityType: 'Beneficiary', entityId: beneficiaryId, centreId: link.beneficiary.centreId, details: { userId: id } }),
    );
    return c.json({ ok: true as const }, 200);
  });

  return app;
}
