// The demo world has family reports on first start, so the staff report pages and Home are not empty:
// chair problems in both centres, one closed with its reason, and a red flag for a child with
// hydrocephalus already taken up as a clinical follow-up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson } from '../helpers/api.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL } from '../helpers/world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

type Item = Record<string, any>;

describe('demo reports', () => {
  it('both centres\' staff find family reports on first start', async () => {
    for (const email of [EMAIL.therapistA, EMAIL.therapistB]) {
      const list = await expectJson(await (await h.as(email)).get('/api/reports?limit=50'));
      expect(list.total, email).toBeGreaterThanOrEqual(2);
      expect(list.items.some((r: Item) => ['new', 'follow_up'].includes(r.status)), email).toBe(true);
    }
    const closed = await h.db.prisma.issueReport.findMany({ where: { status: 'closed' }, include: { events: true } });
    expect(closed.length).toBeGreaterThan(0);
    expect(closed[0]!.events.at(-1)!.note).toBeTruthy();
  });

  it('has one red flag, for a child with hydrocephalus, in follow-up with its alert settled', async () => {
    const flags = await h.db.prisma.issueReport.findMany({ where: { redFlag: true }, include: { beneficiary: true } });
    expect(flags).toHaveLength(1);
    const [flag] = flags;
    expect(['hydrocephalus', 'both']).toContain(flag!.beneficiary.diagnosis);
    expect(new Date().getUTCFullYear() - flag!.beneficiary.birthDate.getUTCFullYear()).toBeLessThan(18);
    expect(flag).toMatchObject({ status: 'follow_up', category: 'headache' });
    expect(flag!.followUpId).toEqual(expect.any(String));
    const alert = await h.db.prisma.alert.findFirstOrThrow({ where: { kind: 'red_flag', details: { contains: flag!.id } } });
    expect(alert.clearedAt).not.toBeNull();
    const seen = await expectJson(await (await h.as(EMAIL.therapistB)).get(`/api/reports/${flag!.id}`));
    expect(seen.staffGuidance).toMatch(/IGD/);
    expect(seen.contact.family[0].phone).toMatch(/^\+62 /);
  });
});
