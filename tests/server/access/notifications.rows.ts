// Access rows for notifications and the centre webhook. Every role reads and marks its own
// notifications (scoping is tested in notifications.test.ts); only a centre's manager or an admin
// manages the centre's webhook, and another centre's answers 404 to a manager.
import { row, type RowContext } from '../../helpers/access-matrix.ts';
import { centreId } from './targets.ts';

/** The target centre with a (disabled) webhook, so reads and changes have something to act on. */
const withEndpoint = async (ctx: RowContext) => {
  const id = centreId(ctx);
  await ctx.h.db.prisma.webhookEndpoint.upsert({
    where: { centreId: id },
    create: { centreId: id, url: 'http://127.0.0.1:9/hook', secret: 'x'.repeat(43), enabled: false },
    update: {},
  });
  return { id };
};
const webhookBody = () => ({ url: 'http://127.0.0.1:9/hook', enabled: false });

// Columns:                                                          admin mgrA therA techA famA1 anon
export const notificationRows = [
  row('GET /api/notifications', 'none',                             '200   200  200   200   200   401'),
  row('POST /api/notifications/read', 'none',                       '200   200  200   200   200   401', { body: () => ({ all: true }) }),
  row('GET /api/centres/{id}/webhook', 'own',                       '200   200  403   403   403   401', { params: withEndpoint }),
  row('GET /api/centres/{id}/webhook', 'otherFamily',               '200   200  403   403   403   401', { params: withEndpoint }),
  row('GET /api/centres/{id}/webhook', 'otherCentre',               '200   404  403   403   403   401', { params: withEndpoint }),
  row('PUT /api/centres/{id}/webhook', 'own',                       '200   200  403   403   403   401', { params: withEndpoint, body: webhookBody }),
  row('PUT /api/centres/{id}/webhook', 'otherFamily',               '200   200  403   403   403   401', { params: withEndpoint, body: webhookBody }),
  row('PUT /api/centres/{id}/webhook', 'otherCentre',               '200   404  403   403   403   401', { params: withEndpoint, body: webhookBody }),
  row('POST /api/centres/{id}/webhook/rotate', 'own',               '200   200  403   403   403   401', { params: withEndpoint }),
  row('POST /api/centres/{id}/webhook/rotate', 'otherFamily',       '200   200  403   403   403   401', { params: withEndpoint }),
  row('POST /api/centres/{id}/webhook/rotate', 'otherCentre',       '200   404  403   403   403   401', { params: withEndpoint }),
  row('DELETE /api/centres/{id}/webhook', 'own',                    '200   200  403   403   403   401', { params: withEndpoint }),
  row('DELETE /api/centres/{id}/webhook', 'otherFamily',            '200   200  403   403   403   401', { params: withEndpoint }),
  row('DELETE /api/centres/{id}/webhook', 'otherCentre',            '200   404  403   403   403   401', { params: withEndpoint }),
];
