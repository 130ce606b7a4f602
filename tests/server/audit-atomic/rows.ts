// One row per write route of the API: the audit action it records with its change, and how to set
// up a valid call (an access-matrix row's request, sent as the admin unless said otherwise).
import sharp from 'sharp';
import { cheapAccount, quickSession } from '../../helpers/api.ts';
import { unique } from '../../helpers/fixtures.ts';
import type { AtomicRow } from './kit.ts';

const own = { target: 'own' } as const;
const none = { target: 'none' } as const;

export const atomicRows: AtomicRow[] = [
  // Sign-in, sign-out and the signed-in person's own account.
  { op: 'POST /api/auth/login', action: 'auth.login', matrix: none, ok: 200 },
  { op: 'POST /api/auth/logout', action: 'auth.logout', matrix: none, ok: 200 },
  { op: 'PATCH /api/me', action: 'user.update_self', matrix: { target: 'none', actor: 'therapistA' }, ok: 200 },
  { op: 'DELETE /api/me/sessions/{id}', action: 'session.end', matrix: own, ok: 200 },
  { op: 'POST /api/me/sessions/sign-out-everywhere', action: 'auth.sign_out_everywhere', matrix: none, ok: 200 },
  {
    op: 'POST /api/me/password',
    action: 'user.password_change',
    // The matrix sends a wrong current password; this needs the right one, so an account of its own.
    prepare: async ({ h }) => {
      const { email, password } = await cheapAccount(h, { email: `pw.${unique()}@test.atensi.id`, role: 'therapist' });
      const client = await quickSession(h, email);
      return { client, method: 'POST', url: '/api/me/password', body: { currentPassword: password, newPassword: 'kuda lumping menari di pasar malam' } };
    },
    ok: 200,
  },
  // Centres and accounts.
  { op: 'POST /api/centres', action: 'centre.create', matrix: none, ok: 201 },
  { op: 'PATCH /api/centres/{id}', action: 'centre.update', matrix: own, ok: 200 },
  { op: 'POST /api/users', action: 'user.create', matrix: none, ok: 201 },
  { op: 'PATCH /api/users/{id}', action: 'user.update', matrix: own, ok: 200 },
  { op: 'POST /api/users/{id}/invitations', action: 'user.invite', matrix: own, ok: 201 },
  { op: 'POST /api/invitations/{token}/accept', action: 'invitation.accept', matrix: none, ok: 200 },
  { op: 'POST /api/centres/load-programme', action: 'centre.load_programme', matrix: none, ok: 200 },
  { op: 'POST /api/users/{id}/family-links', action: 'family_link.create', matrix: own, ok: 201 },
  { op: 'DELETE /api/users/{id}/family-links/{beneficiaryId}', action: 'family_link.delete', matrix: own, ok: 200 },
  // Beneficiaries, their clinical profiles and consents.
  { op: 'POST /api/beneficiaries', action: 'beneficiary.create', matrix: own, ok: 201 },
  { op: 'PATCH /api/beneficiaries/{id}', action: 'beneficiary.update', matrix: own, ok: 200 },
  { op: 'PUT /api/beneficiaries/{id}/cp-profile', action: 'cp_profile.write', matrix: own, ok: 200 },
  { op: 'PUT /api/beneficiaries/{id}/hydrocephalus-profile', action: 'hydrocephalus_profile.write', matrix: own, ok: 200 },
  { op: 'POST /api/beneficiaries/{id}/consents', action: 'consent.create', matrix: own, ok: 201 },
  {
    op: 'POST /api/imports/beneficiaries',
    action: 'beneficiary.import',
    // The matrix sends JSON (415); this sends a one-person register for a real run, as centre A's therapist.
    prepare: async ({ as }) => {
      const header = 'Nama Lengkap;Tanggal Lahir;Jenis Kelamin;Alamat;Diagnosis;Cara Persetujuan;Tanggal Persetujuan';
      const body = `${header}\r\nImpor ${unique()};01/01/1990;P;Jl. Impor 1;cp;tertulis;01/01/2020\r\n`;
      return { client: as.therapistA, method: 'POST', url: '/api/imports/beneficiaries?dryRun=false', body, headers: { 'content-type': 'text/csv' } };
    },
    ok: 200,
  },
  { op: 'POST /api/beneficiaries/{id}/consents/{consentId}/withdraw', action: 'consent.withdraw', matrix: own, ok: 200 },
  // The fleet.
  { op: 'POST /api/alerts/{id}/acknowledge', action: 'alert.acknowledge', matrix: own, ok: 200 },
  { op: 'POST /api/work-orders', action: 'work_order.create', matrix: own, ok: 201 },
  { op: 'PATCH /api/work-orders/{id}', action: 'work_order.assign', matrix: own, ok: 200 },
  // Stock and register imports.
  { op: 'POST /api/devices', action: 'device.intake', matrix: none, ok: 201 },
  { op: 'PATCH /api/devices/{id}', action: 'device.update', matrix: own, ok: 200 },
  {
    op: 'POST /api/imports/devices',
    action: 'device.import',
    // The matrix sends no file (415); this sends a one-chair register, as the admin naming centre A.
    prepare: async ({ h, as }) => {
      const centre = await h.db.prisma.centre.findFirstOrThrow({ orderBy: { code: 'asc' } });
      const csv = `Serial Number;Model;Seat Width (mm);Seat Depth (mm);Centre Code;Received Date\nATM-${unique()};Moti-Care;280;280;${centre.code};05/01/2026\n`;
      return { client: as.admin, method: 'POST', url: '/api/imports/devices?dryRun=false', body: csv, headers: { 'content-type': 'text/csv' } };
    },
    ok: 200,
  },
  // A chair's life.
  { op: 'POST /api/devices/{id}/loan', action: 'device.loan', matrix: own, ok: 200 },
  { op: 'POST /api/devices/{id}/return', action: 'device.return', matrix: own, ok: 200 },
  { op: 'POST /api/devices/{id}/transfer', action: 'device.transfer', matrix: own, ok: 200 },
  { op: 'POST /api/devices/{id}/receive', action: 'device.receive', matrix: own, ok: 200 },
  { op: 'POST /api/devices/{id}/battery', action: 'device.battery', matrix: own, ok: 200 },
  { op: 'POST /api/devices/{id}/retire', action: 'device.retire', matrix: own, ok: 200 },
  { op: 'POST /api/devices/{id}/credentials', action: 'device.credentials', matrix: own, ok: 201 },
  // The catalogue.
  { op: 'POST /api/device-models', action: 'device_model.create', matrix: none, ok: 201 },
  { op: 'PATCH /api/device-models/{id}', action: 'device_model.update', matrix: own, ok: 200 },
  // The pathway and follow-ups.
  { op: 'POST /api/requests', action: 'request.create', matrix: own, ok: 201 },
  { op: 'POST /api/requests/{id}/transitions', action: 'request.transition', matrix: own, ok: 200 },
  { op: 'POST /api/follow-ups/{id}/complete', action: 'follow_up.complete', matrix: own, ok: 200 },
  // Family reports.
  { op: 'POST /api/reports', action: 'report.create', matrix: own, ok: 201 },
  {
    op: 'POST /api/reports/{id}/photos',
    action: 'report.photo.add',
    // The matrix reaches this route with no image (415); this sends one, as the family (who consent by sending it).
    prepare: async ({ h, world, as }) => {
      const r = await h.db.prisma.issueReport.create({
        data: { beneficiaryId: world.beneficiaryOf.familyA1, category: 'wont_charge', events: { create: { status: 'new' } } },
      });
      const body = new Uint8Array(await sharp({ create: { width: 40, height: 30, channels: 3, background: '#36a' } }).jpeg().toBuffer());
      return { client: as.familyA1, method: 'POST', url: `/api/reports/${r.id}/photos`, body, headers: { 'content-type': 'image/jpeg' } };
    },
    ok: 201,
  },
  { op: 'POST /api/reports/{id}/triage', action: 'report.triage', matrix: own, ok: 200 },
  { op: 'POST /api/reports/{id}/photo-request', action: 'report.photo.request', matrix: own, ok: 200 },
  { op: 'POST /api/reports/{id}/comments', action: 'report.comment', matrix: own, ok: 201 },
  // Notifications and webhooks.
  {
    op: 'POST /api/notifications/read',
    action: null,
    unaudited: 'marking one\'s own notifications read records nothing about a person\'s data, so it writes no audit row',
    matrix: { target: 'none', actor: 'familyA1' },
    ok: 200,
  },
  { op: 'PUT /api/centres/{id}/webhook', action: 'webhook.update', matrix: own, ok: 200 },
  { op: 'POST /api/centres/{id}/webhook/rotate', action: 'webhook.rotate', matrix: own, ok: 200 },
  { op: 'DELETE /api/centres/{id}/webhook', action: 'webhook.delete', matrix: own, ok: 200 },
  // Personal-data duties.
  { op: 'POST /api/beneficiaries/{id}/anonymise', action: 'beneficiary.anonymise', matrix: own, ok: 200 },
  { op: 'POST /api/beneficiaries/{id}/erase', action: 'beneficiary.erase', matrix: own, ok: 200 },
];
