// User accounts and family links, managed by admins.
import { createRouter } from '../http/router.ts';
import { generatePassword, hashPassword } from '../auth/password.ts';
import { assertStrongPassword } from '../auth/password-policy.ts';
import { auditFrom } from '../http/audit.ts';
import type { AppEnv } from '../http/types.ts';
import { conflict, invalid, notFound } from '../lib/errors.ts';
import * as routes from './users.routes.ts';
import { createUser, toUser, userInclude } from './users.service.ts';
import { userScope } from '../access/scopes.ts';
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
    const body = c.req.valid('json');
    const { db } = c.get('deps');
    if (body.centreId && !(await db.centre.findUnique({ where: { id: body.centreId } }))) {
      throw invalid('no such centre', [{ path: ['centreId'], message: 'no such centre', code: 'custom' }]);
    }
    assertStrongPassword(body.password, [body.email, body.name], 'password');
    const row = await createUser(db, body);
    await auditFrom(c, { action: 'user.create', entityType: 'User', entityId: row.id, centreId: row.centreId, details: { role: row.role } });
    return c.json(toUser(row), 201);
  });

  app.openapi(routes.update, async (c) => {
    const { id } = c.req.valid('param');
    const { password, ...body } = c.req.valid('json');
    const { db, sessions } = c.get('deps');
    const before = await db.user.findUnique({ where: { id } });
    if (!before) throw notFound('user');
    if (password) assertStrongPassword(password, [before.email, body.name ?? before.name], 'password');
    const row = await db.user.update({
      where: { id },
      data: { ...body, ...(password ? { passwordHash: await hashPassword(password) } : {}) },
      include: userInclude,
    });
    // Disabling an account or setting its password ends all its sessions at once.
    const endedSessions = body.disabled === true || password ? await sessions.revokeAllFor(id) : 0;
    await auditFrom(c, {
      action: body.disabled === true ? 'user.disable' : 'user.update',
      entityType: 'User',
      entityId: id,
      centreId: row.centreId,
      details: { fields: [...Object.keys(body), ...(password ? ['password'] : [])], endedSessions },
    });
    return c.json(toUser(row), 200);
  });

  app.openapi(routes.resetPassword, async (c) => {
    const { id } = c.req.valid('param');
    const { db, sessions } = c.get('deps');
    if (!(await db.user.findUnique({ where: { id } }))) throw notFound('user');
    // Like a new account's: a generated password the admin passes on once; the person then
    // chooses their own on their account page (which checks its strength).
    const password = generatePassword();
    const row = await db.user.update({ where: { id }, data: { passwordHash: await hashPassword(password) } });
    const endedSessions = await sessions.revokeAllFor(id);
    await auditFrom(c, { action: 'user.password_reset', entityType: 'User', entityId: id, centreId: row.centreId, details: { endedSessions } });
    return c.json({ password, endedSessions }, 200);
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
    await db.familyLink.create({ data: { userId: id, beneficiaryId, relationship } });
    await auditFrom(c, { action: 'family_link.create', entityType: 'Beneficiary', entityId: beneficiaryId, centreId: beneficiary.centreId, details: { userId: id } });
    return c.json(toUser(await db.user.findUniqueOrThrow({ where: { id }, include: userInclude })), 201);
  });

  app.openapi(routes.unlink, async (c) => {
    const { id, beneficiaryId } = c.req.valid('param');
    const { db } = c.get('deps');
    const link = await db.familyLink.findUnique({ where: { userId_beneficiaryId: { userId: id, beneficiaryId } }, include: { beneficiary: { select: { centreId: true } } } });
    if (!link) throw notFound('family link');
    await db.familyLink.delete({ where: { id: link.id } });
    await auditFrom(c, { action: 'family_link.delete', entityType: 'Beneficiary', entityId: beneficiaryId, centreId: link.beneficiary.centreId, details: { userId: id } });
    return c.json({ ok: true as const }, 200);
  });

  return app;
}
