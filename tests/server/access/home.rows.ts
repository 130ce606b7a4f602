// Access rows for Home's counts: staff roles read their own (scoped to their centre, tested in
// home.test.ts); families have their own Home and get 403.
import { row } from '../../helpers/access-matrix.ts';

// Columns:                                 admin mgrA therA techA famA1 anon
export const homeRows = [row('GET /api/home', 'none', '200   200  200   200   403   401')];
