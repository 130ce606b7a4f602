// Families see who answered in a report's thread as a role ("the centre"), never a staff member's
// name; staff see names; a family author's name stays visible.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson } from '../helpers/api.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let family: Client;
let therapist: Client;
let reportId: string;
let therapistName: string;
let familyName: string;

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  [family, therapist] = await Promise.all([h.as(EMAIL.familyA1), h.as(EMAIL.therapistA)]);
  therapistName = (await h.db.prisma.user.findUniqueOrThrow({ where: { id: world.user.therapistA } })).name;
  familyName = (await h.db.prisma.user.findUniqueOrThrow({ where: { id: world.user.familyA1 } })).name;
  const r = await expectJson(await family.post('/api/reports', { clientRequestId: randomUUID(), beneficiaryId: world.beneficiaryOf.familyA1, category: 'brakes' }), 201);
  reportId = r.id;
  await expectJson(await family.post(`/api/reports/${reportId}/comments`, { body: 'Remnya masih longgar.' }), 201);
  await expectJson(await therapist.post(`/api/reports/${reportId}/comments`, { body: 'Besok teknisi datang, Bu.' }), 201);
});
afterAll(() => h.close());

describe('comment authors', () => {
  it('a family reads a staff answer as the centre\'s: role staff, no name, anywhere in the answer', async () => {
    const res = await family.get(`/api/reports/${reportId}`);
    const text = await res.clone().text();
    const d = await expectJson(res);
    expect(d.comments.map((c: { author: unknown }) => c.author)).toEqual([
      { name: familyName, role: 'family' },
      { name: '', role: 'staff' },
    ]);
    expect(text).not.toContain(therapistName);
  });

  it('staff read every author\'s name', async () => {
    const d = await expectJson(await therapist.get(`/api/reports/${reportId}`));
    expect(d.comments.map((c: { author: unknown }) => c.author)).toEqual([
      { name: familyName, role: 'family' },
      { name: therapistName, role: 'staff' },
    ]);
  });
});
