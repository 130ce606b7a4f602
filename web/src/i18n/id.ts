// Bahasa Indonesia, the default language and the reference catalogue: one part per page folder (keys prefixed with its name) and one of shared words.
import { accountId } from './account.id.ts';
import { approvalsId } from './approvals.id.ts';
import { auditId } from './audit.id.ts';
import { beneficiariesId } from './beneficiaries.id.ts';
import { catalogueId } from './catalogue.id.ts';
import { centresId } from './centres.id.ts';
import { chairLifeId } from './chair-life.id.ts';
import { commonId } from './common.id.ts';
import { familyId } from './family.id.ts';
import { fleetId } from './fleet.id.ts';
import { homeId } from './home.id.ts';
import { importsId } from './imports.id.ts';
import { labelsId } from './labels.id.ts';
import { loginId } from './login.id.ts';
import { inviteId } from './invite.id.ts';
import { notFoundId } from './not-found.id.ts';
import { notificationsId } from './notifications.id.ts';
import { reportsId } from './reports.id.ts';
import { requestsId } from './requests.id.ts';
import { stockId } from './stock.id.ts';
import { usersId } from './users.id.ts';
import { workOrdersId } from './work-orders.id.ts';
import { worklistId } from './worklist.id.ts';

export const id = {
  ...commonId,
  ...accountId,
  ...approvalsId,
  ...auditId,
  ...beneficiariesId,
  ...catalogueId,
  ...centresId,
  ...chairLifeId,
  ...familyId,
  ...fleetId,
  ...homeId,
  ...importsId,
  ...labelsId,
  ...loginId,
  ...inviteId,
  ...notFoundId,
  ...notificationsId,
  ...reportsId,
  ...requestsId,
  ...stockId,
  ...usersId,
  ...workOrdersId,
  ...worklistId,
} as const;

export type MessageKey = keyof typeof id;
