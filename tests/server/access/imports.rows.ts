// Access rows for importing registers (beneficiaries): clinical writers only; staff import into their own centre.
import { row } from '../../helpers/access-matrix.ts';

// Columns:                                                           admin mgrA therA techA famA1 anon
export const importRows = [
  // The matrix sends JSON: those allowed in are told to send text/csv (415). Real imports: imports-beneficiaries.test.ts.
  row('POST /api/imports/beneficiaries', 'none',                     '415   403  415   403   403   401', { query: 'dryRun=true', body: () => ({}) }),
  row('GET /api/imports/beneficiaries/template', 'none',             '200   403  200   403   403   401'),
];
