// Every row of the access matrix, in one list: the matrix runs them, and other suites that need a
// valid request for each documented operation (tests/security/text-fields.test.ts) reuse them.
import { accountRows } from './account.rows.ts';
import { authRows } from './auth.rows.ts';
import { beneficiaryRows } from './beneficiaries.rows.ts';
import { catalogueRows } from './catalogue.rows.ts';
import { centreRows } from './centres.rows.ts';
import { chairLifeRows } from './chair-life.rows.ts';
import { fleetRows } from './fleet.rows.ts';
import { homeRows } from './home.rows.ts';
import { importRows } from './imports.rows.ts';
import { notificationRows } from './notifications.rows.ts';
import { privacyRows } from './privacy.rows.ts';
import { requestRows } from './requests.rows.ts';
import { reportRows } from './reports.rows.ts';
import { stockRows } from './stock.rows.ts';
import { userRows } from './users.rows.ts';

export const allRows = [...authRows, ...accountRows, ...centreRows, ...userRows, ...beneficiaryRows, ...requestRows, ...fleetRows, ...chairLifeRows, ...stockRows, ...catalogueRows, ...reportRows, ...notificationRows, ...privacyRows, ...homeRows, ...importRows];
