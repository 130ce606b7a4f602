// One beneficiary's personal-data duties (UU PDP 27/2022): export (access and portability),
// anonymisation and erasure. Each is recorded in the audit log.
import type { MiddlewareHandler } from 'hono';
import { auditFrom } from '../http/audit.ts';
import { createRouter } from '../http/router.ts';
import type { AppEnv } from '../http/types.ts';
import { notFound } from '../lib/errors.ts';
import { anonymiseBeneficiary } from './anonymise.service.ts';
import { eraseBeneficiary } from './erase.service.ts';
import { EXPORT_HTML_CSP, renderExportHtml } from './export-html.ts';
import { collectExport } from './export.service.ts';
import * as routes from './privacy.routes.ts';
import { beneficiaryScope } from '../access/scopes.ts';
import { actorOf } from '../http/access.ts';

/**
 * The app-wide secure headers set the web app's CSP on every response; a downloaded export gets a
 * stricter one (nothing loads, nothing runs). Mounted before secureHeaders, so it has the last word.
 */
export const exportDocumentCsp: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (c.res.headers.get('content-type')?.startsWith('text/html')) c.res.headers.set('Content-Security-Policy', EXPORT_HTML_CSP);
};

export function privacyRoutes() {
  const app = createRouter();

  app.openapi(routes.exportData, async (c) => {
    const { db, raw, clock } = c.get('deps');
    const actor = actorOf(c);
    const { id } = c.req.valid('param');
    const { format, lang } = c.req.valid('query');
    const b = await db.beneficiary.findFirst({ where: { AND: [{ id }, beneficiaryScope(actor)] }, select: { id: true, centreId: true } });
    if (!b) throw notFound('beneficiary');
    const data = await collectExport(db, raw, actor, id, clock.now());
    await auditFrom(c, { action: 'beneficiary.export', entityType: 'Beneficiary', entityId: id, centreId: b.centreId, details: { format, ...(format === 'html' ? { lang } : {}) } });
    const common = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
    if (format === 'html') {
      return c.body(renderExportHtml(data, lang), 200, {
        ...common,
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Disposition': `inline; filename="beneficiary-${id}.html"`,
        'Content-Security-Policy': EXPORT_HTML_CSP,
      });
    }
    return c.body(`${JSON.stringify(data, null, 2)}\n`, 200, {
      ...common,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="beneficiary-${id}.json"`,
    });
  });

  app.openapi(routes.anonymise, async (c) => {
    const { db, config, clock } = c.get('deps');
    const { id } = c.req.valid('param');
    const out = await anonymiseBeneficiary(db, config.dataDir, id, c.req.valid('json'), clock.now(), (tx, w) =>
      auditFrom(c, { action: 'beneficiary.anonymise', entityType: 'Beneficiary', entityId: id, centreId: w.centreId, details: { reason: w.reason, counts: w.counts } }, tx),
    );
    return c.json({ id, anonymisedAt: out.anonymisedAt.toISOString() }, 200);
  });

  app.openapi(routes.erase, async (c) => {
    const { db, config, clock } = c.get('deps');
    const { id } = c.req.valid('param');
    const out = await eraseBeneficiary(db, config.dataDir, id, c.req.valid('json'), clock.now(), (tx, w) =>
      auditFrom(c, { action: 'beneficiary.erase', entityType: 'Beneficiary', entityId: id, centreId: w.centreId, details: { reason: w.reason, counts: w.counts } }, tx),
    );
    return c.json({ id, erasedAt: out.erasedAt.toISOString(), counts: out.counts }, 200);
  });

  return app;
}
