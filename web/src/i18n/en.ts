// English. The type makes the compiler demand every key of the Indonesian catalogue and no other.
import { accountEn } from './account.en.ts';
import { approvalsEn } from './approvals.en.ts';
import { auditEn } from './audit.en.ts';
import { beneficiariesEn } from './beneficiaries.en.ts';
import { catalogueEn } from './catalogue.en.ts';
import { centresEn } from './centres.en.ts';
import { chairLifeEn } from './chair-life.en.ts';
import { commonEn } from './common.en.ts';
import { familyEn } from './family.en.ts';
import { fleetEn } from './fleet.en.ts';
import { homeEn } from './home.en.ts';
import { importsEn } from './imports.en.ts';
import { labelsEn } from './labels.en.ts';
import { loginEn } from './login.en.ts';
import { inviteEn } from './invite.en.ts';
import { notFoundEn } from './not-found.en.ts';
import { notificationsEn } from './notifications.en.ts';
import { reportsEn } from './reports.en.ts';
import { requestsEn } from './requests.en.ts';
import { stockEn } from './stock.en.ts';
import { usersEn } from './users.en.ts';
import { workOrdersEn } from './work-orders.en.ts';
import { worklistEn } from './worklist.en.ts';
import type { MessageKey } from './id.ts';

export const en: Record<MessageKey, string> = {
  ...commonEn,
  ...accountEn,
  ...approvalsEn,
  ...auditEn,
  ...beneficiariesEn,
  ...catalogueEn,
  ...centresEn,
  ...chairLifeEn,
  ...familyEn,
  ...fleetEn,
  ...homeEn,
  ...importsEn,
  ...labelsEn,
  ...loginEn,
  ...inviteEn,
  ...notFoundEn,
  ...notificationsEn,
  ...reportsEn,
  ...requestsEn,
  ...stockEn,
  ...usersEn,
  ...workOrdersEn,
  ...worklistEn,
};
