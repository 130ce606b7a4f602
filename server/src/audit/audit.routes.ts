// Route declaration for the audit-log viewer.
import { managementRoles } from '../../../schemas/common.ts';
import { AuditList, AuditListQuery } from '../../../schemas/privacy.ts';
import { defineRoute, json } from '../http/route.ts';

export const list = defineRoute(managementRoles, {
  method: 'get',
  path: '/api/audit',
  tags: ['privacy'],
  summary: 'The audit log, newest first: every entry for admins, their own centre\'s for managers',
  description:
    'Who read or changed what (UU PDP 27/2022). Filters: actorId, entityType (+ entityId), action (exact, or a prefix ending in `.` or `*`), ' +
    'centreId, from and to (inclusive; a date is a whole UTC day). Pages with `cursor` = the previous answer\'s nextCursor. ' +
    'Reading the log is itself recorded (audit.read).',
  request: { query: AuditListQuery },
  responses: { 200: json(AuditList, 'One page of entries') },
});
