// Attacks on who the caller is: tampered, foreign, expired, signed-out and disabled sessions,
// cross-site writes past the CSRF guard, and password guessing behind rotating X-Forwarded-For.
import { expect } from 'vitest';
import { hashToken } from '../../server/src/sessions/sessions.service.ts';
import { cheapAccount, quickSession } from '../helpers/api.ts';
import { unique } from '../helpers/fixtures.ts';
import type { Harness } from '../helpers/harness.ts';
import type { HttpCase, HttpCtx } from './hostile-http.ts';

const cookie = (token: string) => `atensi_session=${token}`;
/** Changes one character in the middle of a token, keeping it well-formed. */
const flip = (token: string) => token.slice(0, 20) + (token[20] === 'A' ? 'B' : 'A') + token.slice(21);

/** The session row of this token no longer exists. */
const sessionGone = (token: string) => async (ctx: HttpCtx) => {
  expect(await ctx.h.db.prisma.session.count({ where: { tokenHash: hashToken(token) } })).toBe(0);
};

const crossSite = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
const localeOf = async (ctx: HttpCtx) => (await ctx.h.db.prisma.user.findUniqueOrThrow({ where: { id: ctx.world.user.therapistA } })).locale;

interface Burst {
  statuses: number[];
  retryAfter: (string | null)[];
}

/** `attempts` sign-ins, each with a new X-Forwarded-For, cycling through `accounts` with wrong passwords. */
async function guess(h: Harness, accounts: { email: string }[], attempts: number): Promise<Burst> {
  const out: Burst = { statuses: [], retryAfter: [] };
  for (let i = 0; i < attempts; i++) {
    const res = await h.anonymous().request('POST', '/api/auth/login', { email: accounts[i % accounts.length]!.email, password: `wrong-${i}` }, {
      'x-forwarded-for': `198.51.100.${i % 250}, 10.0.0.${i % 250}`,
    });
    out.statuses.push(res.status);
    out.retryAfter.push(res.headers.get('retry-after'));
    await res.body?.cancel();
  }
  return out;
}

/** Statuses as runs, e.g. "10×401 90×429", so a failure shows the whole sequence at a glance. */
const runs = (xs: number[]) =>
  xs.reduce<[number, number][]>((acc, s) => (acc.at(-1)?.[0] === s ? (acc.at(-1)![1]++, acc) : [...acc, [s, 1]]), []).map(([s, n]) => `${n}×${s}`).join(' ');

/**
 * 100 wrong passwords for one account from ever-changing X-Forwarded-For addresses, then the right
 * password: the per-account limiter locks after LOGIN_MAX_ATTEMPTS (10) whatever the proxy trust.
 */
function lockOut(trustProxy: boolean): HttpCase {
  let burst: Burst | undefined;
  let limit = 0;
  return {
    name: `100 wrong passwords, rotating X-Forwarded-For, proxy ${trustProxy ? 'trusted' : 'not trusted'}, then the right one`,
    category: 'brute-force', as: 'anonymous',
    input: async (ctx) => {
      const h = await ctx.isolated(trustProxy ? { TRUST_PROXY: '1' } : {});
      limit = h.config.loginMaxAttempts;
      const victim = await cheapAccount(h, { email: `korban.${unique()}@test.atensi.id` });
      burst = await guess(h, [victim], 100);
      return { app: h, path: '/api/auth/login', body: { email: victim.email, password: victim.password }, headers: { 'x-forwarded-for': '203.0.113.77' } };
    },
    expect: { status: 429, headers: { 'retry-after': /^[1-9]\d*$/, 'set-cookie': null } },
    check: () => {
      expect(runs(burst!.statuses)).toBe(`${limit}×401 ${100 - limit}×429`);
      expect(burst!.retryAfter.slice(limit).every((v) => Number(v) > 0)).toBe(true);
    },
  };
}

export const sessionCases: HttpCase[] = [
  // sessions
  { name: 'a session token with one character changed', category: 'session', input: async (ctx) => ({ path: '/api/me', cookie: cookie(flip((await ctx.session('admin')).token)) }), expect: { status: 401 } },
  {
    name: 'another user\'s stored token hash as the cookie', category: 'session',
    input: async (ctx) => {
      const s = await ctx.session('admin');
      return { path: '/api/me', cookie: cookie(hashToken(s.token)) };
    },
    expect: { status: 401 },
  },
  { name: 'a forged token of the right length and alphabet', category: 'session', input: { path: '/api/me', cookie: cookie('Zm9yZ2VkLXNlc3Npb24tdG9rZW4tZm9yLXRoZS1hZG1p') }, expect: { status: 401 } },
  { name: 'SQL in the session cookie', category: 'session', input: { path: '/api/me', cookie: cookie("' OR '1'='1' --") }, expect: { status: 401 } },
  { name: 'an 8 KB session cookie', category: 'session', input: { path: '/api/me', cookie: cookie('A'.repeat(8 * 1024)) }, expect: { status: 401 } },
  {
    name: 'an expired session (clock moved past its expiry)', category: 'session',
    input: async (ctx) => {
      const s = await ctx.session('therapistA');
      const row = await ctx.h.db.prisma.session.findUniqueOrThrow({ where: { tokenHash: hashToken(s.token) } });
      ctx.clock.shift(row.expiresAt.getTime() - Date.now() + 60_000);
      return { path: '/api/me', cookie: s.cookie!, notes: s.token };
    },
    expect: { status: 401 },
    check: (ctx, _res, input) => sessionGone(input.notes as string)(ctx),
  },
  {
    name: 'a signed-out session replayed', category: 'session',
    input: async (ctx) => {
      const s = await ctx.session('familyA1');
      expect((await s.post('/api/auth/logout')).status).toBe(200);
      return { path: '/api/beneficiaries', cookie: s.cookie!, notes: s.token };
    },
    expect: { status: 401 },
    check: (ctx, _res, input) => sessionGone(input.notes as string)(ctx),
  },
  {
    name: 'a session of an account disabled after signing in', category: 'session',
    input: async (ctx) => {
      const a = await cheapAccount(ctx.h, { email: `nonaktif.${unique()}@test.atensi.id`, role: 'technician', centreId: ctx.world.centreA });
      const s = await quickSession(ctx.h, a.email);
      await ctx.h.db.prisma.user.update({ where: { id: a.id }, data: { disabled: true } });
      return { path: '/api/devices', cookie: s.cookie! };
    },
    expect: { status: 401 },
  },

  // cross-site writes
  {
    name: 'cross-site JSON POST with the victim\'s cookie', category: 'csrf',
    input: { path: '/api/beneficiaries', headers: crossSite, body: { fullName: 'Lintas Situs' } },
    expect: { status: 403 },
    check: async (ctx) => expect(await ctx.h.db.prisma.beneficiary.count({ where: { fullName: 'Lintas Situs' } })).toBe(0),
  },
  { name: 'JSON PATCH with a foreign Origin and no Sec-Fetch-Site', category: 'csrf', input: { method: 'PATCH', path: '/api/me', headers: { origin: 'https://evil.example', 'sec-fetch-site': null }, body: { locale: 'en' } }, expect: { status: 403 }, check: async (ctx) => expect(await localeOf(ctx)).toBe('id') },
  { name: 'JSON PATCH from a sibling site (Sec-Fetch-Site: same-site)', category: 'csrf', input: { method: 'PATCH', path: '/api/me', headers: { origin: 'http://shop.localhost', 'sec-fetch-site': 'same-site' }, body: { locale: 'en' } }, expect: { status: 403 }, check: async (ctx) => expect(await localeOf(ctx)).toBe('id') },
  { name: 'Origin: null (a sandboxed frame)', category: 'csrf', input: { method: 'PATCH', path: '/api/me', headers: { origin: 'null', 'sec-fetch-site': 'cross-site' }, body: { locale: 'en' } }, expect: { status: 403 }, check: async (ctx) => expect(await localeOf(ctx)).toBe('id') },
  {
    name: 'cross-site DELETE of the centre webhook by its manager\'s browser', category: 'csrf', as: 'managerA',
    input: async (ctx) => {
      await ctx.h.db.prisma.webhookEndpoint.upsert({
        where: { centreId: ctx.world.centreA },
        create: { centreId: ctx.world.centreA, url: 'http://127.0.0.1:9/hook', secret: 'x'.repeat(43), enabled: false },
        update: {},
      });
      return { method: 'DELETE', path: `/api/centres/${ctx.world.centreA}/webhook`, headers: crossSite };
    },
    expect: { status: 403 },
    check: async (ctx) => expect(await ctx.h.db.prisma.webhookEndpoint.count({ where: { centreId: ctx.world.centreA } })).toBe(1),
  },
  {
    name: 'cross-site sign-out of the victim', category: 'csrf', as: 'familyA1',
    input: async (ctx) => {
      const s = await ctx.session('familyA1');
      return { method: 'POST', path: '/api/auth/logout', headers: crossSite, cookie: s.cookie!, notes: s };
    },
    expect: { status: 403 },
    check: async (_ctx, _res, input) => expect((await (input.notes as { get(u: string): Promise<Response> }).get('/api/me')).status).toBe(200),
  },

  // password guessing
  lockOut(false),
  lockOut(true),
  (() => {
    let burst: Burst | undefined;
    let perIp = 0;
    return {
      name: 'one wrong password each on 60 accounts from rotating X-Forwarded-For, proxy not trusted',
      category: 'brute-force', as: 'anonymous',
      input: async (ctx) => {
        const h = await ctx.isolated();
        perIp = h.config.loginMaxAttempts * 5;
        const accounts = await Promise.all(Array.from({ length: 60 }, () => cheapAccount(h, { email: `semprot.${unique()}@test.atensi.id` })));
        burst = await guess(h, accounts, 60);
        const fresh = await cheapAccount(h, { email: `segar.${unique()}@test.atensi.id` });
        return { app: h, path: '/api/auth/login', body: { email: fresh.email, password: fresh.password }, headers: { 'x-forwarded-for': '192.0.2.1' } };
      },
      // X-Forwarded-For is not trusted, so every guess counts against the one real client address.
      expect: { status: 429, headers: { 'retry-after': /^[1-9]\d*$/ } },
      check: () => expect(runs(burst!.statuses)).toBe(`${perIp}×401 ${60 - perIp}×429`),
    } satisfies HttpCase;
  })(),
];
