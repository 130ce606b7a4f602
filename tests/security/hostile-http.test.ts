// The hostile HTTP corpus (rows in ./http-*.corpus.ts), run against the whole app in-process and,
// for what fetch cannot express, over node:http and a raw socket to the same app listening on a
// port. Every row must end as it says, never with a 5xx, and the server must keep serving.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { quickSession } from '../helpers/api.ts';
import { createHarness, type Client, type Harness } from '../helpers/harness.ts';
import { httpRequest, listen, type Listening } from '../helpers/raw-http.ts';
import { EMAIL, loadWorld } from '../helpers/world.ts';
import { checkOutcome, HTTP_CATEGORIES, type HttpCase, type HttpCtx, type Sender, sendCase, type ShiftClock } from './hostile-http.ts';
import { inputCases } from './http-input.corpus.ts';
import { injectionCases } from './http-injection.corpus.ts';
import { limitCases } from './http-limits.corpus.ts';
import { sessionCases } from './http-session.corpus.ts';

const cases: HttpCase[] = [...inputCases, ...limitCases, ...injectionCases, ...sessionCases];

function shiftClock(): ShiftClock {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), shift: (ms) => void (offset += ms), reset: () => void (offset = 0) };
}

let ctx: HttpCtx;
let server: Listening;
const isolated: Harness[] = [];
const tally = { ran: 0, asExpected: 0, serverErrors: 0 };

beforeAll(async () => {
  const clock = shiftClock();
  const h = await createHarness({ clock });
  const world = await loadWorld(h);
  server = await listen(h.app.fetch);
  const senders = ['admin', 'managerA', 'therapistA', 'technicianA', 'familyA1'] as const;
  const clients = Object.fromEntries(await Promise.all(senders.map(async (s) => [s, await quickSession(h, EMAIL[s])] as const))) as unknown as Record<Sender, Client>;
  clients.anonymous = h.anonymous();
  const db = h.db.prisma;
  const therapist = await db.user.findUniqueOrThrow({ where: { id: world.user.therapistA } });
  const cp = await db.cpProfile.findUnique({ where: { beneficiaryId: world.beneficiaryOf.familyA1 } });
  const device = await db.device.findFirstOrThrow({ where: { beneficiaryId: world.beneficiaryOf.familyA1 } });
  ctx = {
    h,
    world,
    port: server.port,
    clock,
    clients,
    facts: {
      seededGmfcs: cp?.gmfcs ?? null,
      therapistA: { name: therapist.name, locale: therapist.locale, role: therapist.role },
      therapistAHash: therapist.passwordHash,
      deviceOfFamilyA1: device.id,
      async reportOfFamilyA1() {
        const r = await db.issueReport.create({
          data: { beneficiaryId: world.beneficiaryOf.familyA1, category: 'wont_charge', description: 'Lampu pengisi daya mati', events: { create: { status: 'new' } } },
        });
        return r.id;
      },
    },
    session: (who) => quickSession(h, EMAIL[who]),
    async isolated(env = {}) {
      const other = await createHarness({ env });
      isolated.push(other);
      return other;
    },
  };
});

afterEach(() => ctx.clock.reset());

afterAll(async () => {
  const byCategory = HTTP_CATEGORIES.map((c) => `${c} ${cases.filter((r) => r.category === c).length}`).join(', ');
  console.log(`hostile-http: ${tally.ran} cases, ${tally.asExpected} as expected, ${tally.serverErrors} server errors (${byCategory})`);
  await server?.close();
  await Promise.all(isolated.map((x) => x.close()));
  await ctx?.h.close();
});

describe('the corpus', () => {
  it('has at least 40 rows with unique names, and rows in every category', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const names = cases.map((r) => r.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    for (const c of HTTP_CATEGORIES) expect(cases.some((r) => r.category === c), c).toBe(true);
  });
});

for (const category of HTTP_CATEGORIES) {
  describe(category, () => {
    for (const row of cases.filter((r) => r.category === category)) {
      it(row.name, async () => {
        tally.ran += 1;
        const { res, input } = await sendCase(ctx, row);
        if (res.status >= 500) tally.serverErrors += 1;
        checkOutcome(row, res);
        await row.check?.(ctx, res, input);
        tally.asExpected += 1;
      });
    }

    it('the server still serves, in-process and on its port', async () => {
      expect((await ctx.clients.anonymous.get('/api/health')).status).toBe(200);
      const overHttp = await httpRequest(ctx.port, { path: '/api/health' });
      expect(overHttp.status).toBe(200);
      expect(JSON.parse(overHttp.text)).toMatchObject({ status: 'ok' });
      // A signed-in read still works too: the session store and the database are fine.
      expect((await ctx.clients.therapistA.get('/api/me')).status).toBe(200);
    });
  });
}
