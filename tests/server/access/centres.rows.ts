// Access rows for centres.
import { row } from '../../helpers/access-matrix.ts';
import { centreBody } from '../../helpers/fixtures.ts';
import { centreId } from './targets.ts';

const params = (ctx: Parameters<typeof centreId>[0]) => ({ id: centreId(ctx) });

// Columns:                                              admin mgrA therA techA famA1 anon
export const centreRows = [
  row('GET /api/centres', 'none',                       '200   200  200   200   200   401'),
  row('GET /api/centres/{id}', 'own',                   '200   200  200   200   200   401', { params }),
  row('GET /api/centres/{id}', 'otherFamily',           '200   200  200   200   200   401', { params }),
  row('GET /api/centres/{id}', 'otherCentre',           '200   404  404   404   404   401', { params }),
  row('POST /api/centres', 'none',                      '201   403  403   403   403   401', { body: () => centreBody() }),
  row('POST /api/centres/load-programme', 'none',       '200   403  403   403   403   401'),
  row('PATCH /api/centres/{id}', 'own',                 '200   403  403   403   403   401', { params, body: () => ({ city: 'Bekasi' }) }),
  row('PATCH /api/centres/{id}', 'otherFamily',         '200   403  403   403   403   401', { params, body: () => ({ city: 'Bekasi' }) }),
  row('PATCH /api/centres/{id}', 'otherCentre',         '200   403  403   403   403   401', { params, body: () => ({ city: 'Temanggung' }) }),
];
