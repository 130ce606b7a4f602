// Beneficiary text stays data (never markup or SQL), and the list's search and paging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectJson } from '../helpers/api.ts';
import { adultBeneficiaryBody } from '../helpers/fixtures.ts';
import { openBeneficiarySuite, registerAs } from '../helpers/beneficiary-suite.ts';
import type { Client, Harness } from '../helpers/harness.ts';
import type { World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let therapist: Client;
let admin: Client;

beforeAll(async () => {
  ({ h, world, therapist, admin } = await openBeneficiarySuite());
});
afterAll(() => h.close());

const count = () => h.db.prisma.beneficiary.count();
const register = (body: Record<string, unknown> = adultBeneficiaryBody(), as: Client = therapist) => registerAs(as, body);

describe('text is data, never markup or SQL', () => {
  const script = '<script>alert(1)</script>';
  const sql = "Robert'); DROP TABLE Beneficiary;--";
  const notes = 'Ibu: "jangan lupa" — 50% & <b>bold</b>\nbaris dua 😀';

  it('is stored verbatim and returned as JSON text', async () => {
    const before = await count();
    const created = await expectJson(await therapist.post('/api/beneficiaries', adultBeneficiaryBody({ fullName: script, address: sql, diagnosisNotes: notes })), 201);
    const res = await therapist.get(`/api/beneficiaries/${created.id}`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const b = await expectJson(res);
    expect(b).toMatchObject({ fullName: script, address: sql, diagnosisNotes: notes });
    const row = await h.db.prisma.beneficiary.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ fullName: script, address: sql, diagnosisNotes: notes });
    expect(await count()).toBe(before + 1);
    expect(await h.db.prisma.user.count()).toBeGreaterThan(0);
  });

  it('searching with quotes and SQL finds only literal matches', async () => {
    const found = await expectJson(await therapist.get(`/api/beneficiaries?q=${encodeURIComponent("Robert'); DROP")}`));
    expect(found.total).toBe(0); // the SQL text is in the address, not the name
    const byScript = await expectJson(await therapist.get(`/api/beneficiaries?q=${encodeURIComponent('<script>')}`));
    expect(byScript.items.map((x: { fullName: string }) => x.fullName)).toEqual([script]);
    const injection = await expectJson(await therapist.get(`/api/beneficiaries?q=${encodeURIComponent("' OR '1'='1")}`));
    expect(injection).toEqual({ items: [], total: 0 });
    expect(await count()).toBeGreaterThan(20);
  });
});

describe('search and paging', () => {
  it('q matches part of a name, in any letter case, within scope', async () => {
    const byPart = await expectJson(await therapist.get('/api/beneficiaries?q=Pratama'));
    expect(byPart.items.map((x: { id: string }) => x.id)).toContain(world.beneficiaryOf.familyA1);
    for (const item of byPart.items) expect(item.fullName.toLowerCase()).toContain('pratama');
    const lower = await expectJson(await therapist.get('/api/beneficiaries?q=rizky'));
    expect(lower.items.map((x: { id: string }) => x.id)).toContain(world.beneficiaryOf.familyA1);
    const otherCentre = await h.db.prisma.beneficiary.findUniqueOrThrow({ where: { id: world.beneficiaryOf.familyB1 } });
    expect(await expectJson(await therapist.get(`/api/beneficiaries?q=${encodeURIComponent(otherCentre.fullName)}`))).toEqual({ items: [], total: 0 });
  });

  it('limit and offset page through the list in name order, without gaps or repeats (even among equal names)', async () => {
    for (let i = 0; i < 3; i++) await register(adultBeneficiaryBody({ fullName: 'Aaron Sama' }));
    const total = await h.db.prisma.beneficiary.count();
    const all = await expectJson(await admin.get('/api/beneficiaries?limit=200'));
    expect(all.total).toBe(total);
    const seen: string[] = [];
    for (let offset = 0; offset < total; offset += 4) {
      const page = await expectJson(await admin.get(`/api/beneficiaries?limit=4&offset=${offset}`));
      expect(page.total).toBe(total);
      expect(page.items.length).toBe(Math.min(4, total - offset));
      seen.push(...page.items.map((x: { id: string }) => x.id));
    }
    expect(seen).toEqual(all.items.map((x: { id: string }) => x.id));
    const names = all.items.map((x: { fullName: string }) => x.fullName);
    expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('an offset past the end gives no items but the true total', async () => {
    const page = await expectJson(await therapist.get('/api/beneficiaries?offset=100000'));
    expect(page.items).toEqual([]);
    expect(page.total).toBeGreaterThan(0);
  });

  it.each(['limit=0', 'limit=201', 'offset=-1', 'limit=abc', `q=${'x'.repeat(101)}`, 'diagnosis=flu'])('%s is 422', async (query) => {
    await expectError(await therapist.get(`/api/beneficiaries?${query}`), 422);
  });
});
