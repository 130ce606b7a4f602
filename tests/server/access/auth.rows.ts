// Access rows for sign-in, sign-out, the signed-in user and health.
import { row } from '../../helpers/access-matrix.ts';
import { cheapAccount } from '../../helpers/api.ts';
import { unique } from '../../helpers/fixtures.ts';

// Columns:                                              admin mgrA therA techA famA1 anon
export const authRows = [
  row('GET /api/health', 'none',                        '200   200  200   200   200   200'),
  row('GET /api/health/ready', 'none',                  '200   200  200   200   200   200'),
  row('GET /api/health/details', 'none',                '200   403  403   403   403   401'),
  row('POST /api/auth/login', 'none',                   '200   200  200   200   200   200', {
    // A real sign-in, by any caller, to an account that is not an actor (with a cheap password hash).
    body: async ({ h }) => {
      const { email, password } = await cheapAccount(h, { email: `login.${unique()}@test.atensi.id` });
      return { email, password };
    },
  }),
  row('POST /api/auth/logout', 'none',                  '200   200  200   200   200   200', { freshSession: true }),
  row('GET /api/me', 'none',                            '200   200  200   200   200   401'),
  row('PATCH /api/me', 'none',                          '200   200  200   200   200   401', { body: () => ({ locale: 'id' }) }),
];
