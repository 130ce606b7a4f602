// Anonymising or erasing stands or falls with its audit entry: when the entry cannot be written, the
// person's data is left exactly as it was (one transaction), and the caller gets an error, not a
// removal that nobody could ever account for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson } from '../helpers/api.ts';
import { adultBeneficiaryBody } from '../helpers/fixtures.ts';
import { CENTRE_A, type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL } from '../helpers/world.ts';

let h: Harness;
let admin: Client;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.as(EMAIL.admin);
  // The audit log refuses removal entries (as a full disk or a broken audit table would).
  h.db.raw.exec(`CREATE TRIGGER refuse_removal_audit BEFORE INSERT ON "AuditLog" WHEN NEW.action IN ('beneficiary.anonymise', 'beneficiary.erase')
                 BEGIN SELECT RAISE(ABORT, 'audit refused'); END`);
});
afterAll(() => h.close());

describe.each(['anonymise', 'erase'])('%s without its audit entry', (action) => {
  it('changes nothing and answers an error', async () => {
    const fullName = `Tetap Utuh ${action}`;
    const centre = await h.db.prisma.centre.findFirstOrThrow({ where: { code: CENTRE_A } });
    const b = await expectJson(await admin.post('/api/beneficiaries', adultBeneficiaryBody({ fullName, centreId: centre.id })), 201);
    const res = await admin.post(`/api/beneficiaries/${b.id}/${action}`, { reason: 'Permintaan penghapusan dari keluarga.', confirmName: fullName });
    expect(res.status).toBe(500);
    const row = await h.db.prisma.beneficiary.findUnique({ where: { id: b.id } });
    expect(row).toMatchObject({ fullName, anonymisedAt: null });
  });
});
