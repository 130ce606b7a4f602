// Route declaration for the audit-log viewer.
import { AuditList, AuditListQuery } from '../../../schemas/privacy.ts';
import { json, routeGroup } from '../http/route.ts';
import { managementRoles } from '../../../schemas/common.ts';

const route = routeGroup('privacy');

export const list = route.get(managementRoles, '/api/audit', { query: AuditListQuery, 200: json(AuditList, 'One page of entries') },
  'The audit log, newest first: every entry for admins, their own centre\'s for managers',
  'Who read or changed what (UU PDP 27/2022). Filters: actorId, entityType (+ entityId), action (exact, or a prefix ending in `.` or `*`), ' +
  'centreId, from and to (inclusive; a date is a whole UTC day). Pages with `cursor` = the previous answer\'s nextCursor. ' +
  'Reading the log is itself recorded (audit.read).');
