// Two real API processes on one database: the sign-in limit is one count, not one per process. A
// burst of wrong passwords for one account spread over both is checked LOGIN_MAX_ATTEMPTS times in
// all (with the old in-process counters each process checked that many: twice as many guesses).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cheapAccount, expectError } from '../helpers/api.ts';
import { unique } from '../helpers/fixtures.ts';
import { createHarness, makeClient, type Harness } from '../helpers/harness.ts';
import { type RunningServer, startServer } from '../helpers/process.ts';

let h: Harness;
let servers: RunningServer[] = [];
beforeAll(async () => {
  h = await createHarness();
  const env = { DATA_DIR: h.dir, TELEMETRY: 'off', ATENSI_DEMO: '0' };
  servers = [await startServer(env), await startServer(env)];
}, 240_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await h.close();
});

const login = (server: RunningServer, email: string, password: string) =>
  makeClient(fetch, `http://localhost:${server.port}`).post('/api/auth/login', { email, password });

describe('two API processes, one sign-in limit', () => {
  it('30 parallel wrong passwords for one account, alternating between the processes, check LOGIN_MAX_ATTEMPTS in all', async () => {
    const a = await cheapAccount(h, { email: `shared.${unique()}@test.atensi.id` });
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => login(servers[i % 2]!, a.email, 'wrong-password').then((res) => ({ res, by: i % 2 }))));
    const checked = answers.filter((x) => x.res.status === 401);
    const limited = answers.filter((x) => x.res.status === 429);
    console.log(`multi-instance-login: of 30 wrong sign-ins over 2 processes ${checked.length} were checked, ${limited.length} refused`);
    expect(checked.length + limited.length).toBe(30);
    expect(checked).toHaveLength(h.config.loginMaxAttempts);
    // Each process refused some: the count one made stopped the other.
    expect(new Set(limited.map((x) => x.by))).toEqual(new Set([0, 1]));
    for (const x of limited) await expectError(x.res, 429);
    // Locked on both, even with the right password.
    for (const s of servers) await expectError(await login(s, a.email, a.password), 429);
    // The shared counters hold counts under hashed keys, never the e-mail itself.
    expect(h.db.raw.prepare('SELECT count(*) AS n FROM "RateLimit" WHERE key LIKE ?').get('login-email:%')).not.toEqual({ n: 0 });
    expect(h.db.raw.prepare('SELECT count(*) AS n FROM "RateLimit" WHERE instr(key, ?) > 0').get(a.email)).toEqual({ n: 0 });
  });

  it('a success on one process clears the account for the other', async () => {
    const a = await cheapAccount(h, { email: `cleared.${unique()}@test.atensi.id` });
    const max = h.config.loginMaxAttempts;
    for (let i = 0; i < max - 1; i++) expect((await login(servers[0]!, a.email, 'wrong-password')).status).toBe(401);
    expect((await login(servers[1]!, a.email, a.password)).status).toBe(200);
    // The count started again: another max - 1 wrong passwords are all checked on the first process.
    for (let i = 0; i < max - 1; i++) expect((await login(servers[0]!, a.email, 'wrong-password')).status).toBe(401);
    expect((await login(servers[0]!, a.email, a.password)).status).toBe(200);
  });
});
