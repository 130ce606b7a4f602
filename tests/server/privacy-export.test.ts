// One beneficiary's export (UU PDP 27/2022 access and portability): the JSON file holds everything
// kept about them and nothing about anyone else; the HTML document is escaped, script-free, under a
// strict CSP, in Bahasa Indonesia or English. Admins may export anyone, managers their centre's.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectJson } from '../helpers/api.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { richBeneficiary, type RichBeneficiary } from '../helpers/privacy.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let admin: Client;
let manager: Client;
let managerB: Client;
let therapist: Client;
let technician: Client;
let b: RichBeneficiary;
let data: any;

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  [admin, manager, managerB, therapist, technician] = await Promise.all([
    h.as(EMAIL.admin), h.as(EMAIL.managerA), h.as(EMAIL.managerB), h.as(EMAIL.therapistA), h.as(EMAIL.technicianA),
  ]);
  b = await richBeneficiary(h, { therapist, technician }, world.centreA);
  // Some reads, so the audit trail about them has entries of several kinds.
  await expectJson(await therapist.get(`/api/beneficiaries/${b.id}`));
  await expectJson(await therapist.get(`/api/requests/${b.requestId}`));
  const res = await manager.get(`/api/beneficiaries/${b.id}/export`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.headers.get('content-disposition')).toBe(`attachment; filename="beneficiary-${b.id}.json"`);
  expect(res.headers.get('cache-control')).toBe('no-store');
  data = JSON.parse(await res.text());
});
afterAll(() => h.close());

describe('the JSON export', () => {
  it('opens with exportedAt, schemaVersion 1 and the beneficiary row', () => {
    expect(Date.parse(data.exportedAt)).not.toBeNaN();
    expect(data.schemaVersion).toBe(1);
    expect(data.exportedBy).toEqual({ id: world.user.managerA, role: 'manager' });
    expect(data.beneficiary).toMatchObject({ id: b.id, fullName: b.fullName, phone: b.phone, address: b.address, anonymisedAt: null, centre: { id: world.centreA } });
    expect(data.beneficiary.diagnosisNotes).toContain('Catatan klinis');
  });

  it('holds the clinical profiles, head circumferences and consents', () => {
    expect(data.cpProfile).toMatchObject({ gmfcs: 4, type: 'spastic' });
    expect(data.hydrocephalusProfile).toMatchObject({ shuntPresent: true, shuntType: 'vp' });
    expect(data.headCircumferences.map((x: { cm: number }) => x.cm)).toEqual([49.5, 50.2]);
    expect(data.consents.map((k: { purpose: string }) => k.purpose).sort()).toEqual(['health_data', 'photos', 'service']);
    expect(data.consents[0]).toMatchObject({ givenBy: 'guardian', guardianName: 'Wali Privasi' });
  });

  it('holds the family links with the linked accounts\' name, email and phone (never a password hash)', () => {
    expect(data.familyLinks).toEqual([
      expect.objectContaining({ relationship: 'guardian', user: expect.objectContaining({ id: b.family.id, name: 'Wali Privasi', email: b.family.email, phone: '+62 811 0000 1234' }) }),
    ]);
    expect(JSON.stringify(data)).not.toMatch(/passwordHash|scrypt\$|mqttSecretHash|tokenHash/);
  });

  it('holds the pathway: referral, assessment, the request with its steps, and follow-ups', () => {
    expect(data.referrals).toHaveLength(1);
    expect(data.assessments).toEqual([expect.objectContaining({ requestId: b.requestId, hipWidthMm: 370 })]);
    const [r] = data.requests;
    expect(r).toMatchObject({ id: b.requestId, state: 'in_use', deviceId: b.deviceId });
    expect(r.transitions.map((t: { toState: string }) => t.toState)).toEqual(['referred', 'assessed', 'prescribed', 'approved', 'ordered', 'prepared', 'fitted', 'trained', 'in_use']);
    expect(r.prescription).toMatchObject({ seatWidthMm: 380, model: { name: 'Rough Terrain' } });
    expect(r.funding).toHaveLength(1);
    expect(r.fittings).toHaveLength(1);
    expect(r.trainings).toHaveLength(1);
    expect(data.followUps).toEqual([expect.objectContaining({ requestId: b.requestId, kind: 'first' })]);
  });

  it('holds the chair with a telemetry summary: counts, first and last sample, daily and hourly rollups', () => {
    const [d] = data.devices;
    expect(d).toMatchObject({ id: b.deviceId, assignedNow: true, model: { name: 'Rough Terrain' } });
    expect(d).not.toHaveProperty('mqttSecretHash');
    expect(d.telemetry).toMatchObject({ samples: 36, firstSampleAt: expect.any(String), lastSampleAt: expect.any(String) });
    expect(Date.parse(d.telemetry.lastSampleAt)).toBeGreaterThan(Date.parse(d.telemetry.firstSampleAt));
    expect(d.telemetry.hourly).toHaveLength(3);
    expect(d.telemetry.daily.reduce((n: number, p: { n: number }) => n + p.n, 0)).toBe(36);
  });

  it('holds the report with its events, comments and photo details (not the image), its work orders and alerts', () => {
    const [r] = data.reports;
    expect(r).toMatchObject({ id: b.reportId, category: 'brakes', description: expect.stringContaining(b.fullName) });
    expect(r.events.map((e: { status: string }) => e.status)).toEqual(['new', 'work_order']);
    expect(r.comments).toEqual([expect.objectContaining({ body: expect.stringContaining(b.address) })]);
    expect(r.photos).toEqual([expect.objectContaining({ id: b.photoId, width: 40, height: 30, bytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
    expect(data.workOrders.map((w: { id: string }) => w.id).sort()).toEqual([...b.workOrderIds].sort());
    expect(Array.isArray(data.alerts)).toBe(true);
  });

  it('holds the notifications about them (to the family and to staff), with the recipient', () => {
    expect(data.notifications.length).toBeGreaterThan(0);
    expect(data.notifications.every((n: { link: string }) => n.link === `/reports/${b.reportId}`)).toBe(true);
    expect(data.notifications.some((n: { recipient: { id: string } }) => n.recipient.id === b.family.id)).toBe(true);
  });

  it('holds the audit entries about them, their request and their report', () => {
    const actions = new Set(data.audit.map((e: { action: string }) => e.action));
    for (const a of ['beneficiary.create', 'cp_profile.write', 'hydrocephalus_profile.write', 'beneficiary.read', 'request.read', 'report.create', 'report.photo.add', 'report.triage']) {
      expect(actions.has(a), a).toBe(true);
    }
  });

  it('holds nothing about anyone else: no other beneficiary\'s name or id', async () => {
    const text = JSON.stringify(data);
    const others = await h.db.prisma.beneficiary.findMany({ where: { id: { not: b.id } }, select: { id: true, fullName: true } });
    expect(others.length).toBeGreaterThan(10);
    const leaks = others.filter((o) => text.includes(o.id) || text.includes(o.fullName));
    expect(leaks).toEqual([]);
  });

  it('is recorded as beneficiary.export with the format', async () => {
    const entry = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'beneficiary.export', entityId: b.id }, orderBy: { at: 'desc' } });
    expect(entry).toMatchObject({ actorId: world.user.managerA, centreId: world.centreA });
    expect(JSON.parse(entry.details!)).toEqual({ format: 'json' });
  });
});

describe('the HTML export', () => {
  const hostile = '<script>alert(1)</script> & "Putri" \'Ayu\'';
  let html: string;
  let res: Response;
  beforeAll(async () => {
    await expectJson(await therapist.patch(`/api/beneficiaries/${b.id}`, { fullName: `Kirana ${hostile}` }));
    res = await admin.get(`/api/beneficiaries/${b.id}/export?format=html`);
    html = await res.text();
  });

  it('is a self-contained HTML document under a strict CSP: nothing loads, nothing runs', () => {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="beneficiary-${b.id}.html"`);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/\bsandbox\b/);
    expect(csp).not.toMatch(/script-src|'self'|unsafe/);
    // The one inline stylesheet is allowed by its hash, and nothing else is referenced.
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    // Only plain document elements and attributes; links only to the document's own sections.
    const tags = [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^>]*)?)>/g)];
    const names = new Set(tags.map((t) => t[1]!.toLowerCase()));
    const allowed = ['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'nav', 'main', 'section', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ol', 'li', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span'];
    expect([...names].filter((n) => !allowed.includes(n))).toEqual([]);
    const attributes = new Set(tags.flatMap((t) => [...t[2]!.replace(/"[^"]*"/g, '""').matchAll(/\s([a-zA-Z-]+)=/g)].map((m) => m[1]!.toLowerCase())));
    expect([...attributes].filter((a) => !['lang', 'charset', 'name', 'content', 'class', 'scope', 'id', 'href'].includes(a))).toEqual([]);
    expect([...html.matchAll(/href="([^"]*)"/g)].every((m) => m[1]!.startsWith('#sec-'))).toBe(true);
  });

  it('escapes every value: the hostile name appears only as text', () => {
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('Kirana &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Putri&quot; &#39;Ayu&#39;');
    expect(html).toMatch(/<title>Data pribadi: Kirana &lt;script&gt;/);
  });

  it('is in Bahasa Indonesia by default and in English with lang=en', async () => {
    expect(html).toMatch(/<html lang="id">/);
    for (const heading of ['Data penerima manfaat', 'Profil cerebral palsy', 'Lingkar kepala', 'Persetujuan', 'Permintaan kursi roda', 'Kursi roda', 'Laporan masalah', 'Catatan audit']) {
      expect(html, heading).toContain(heading);
    }
    const en = await admin.get(`/api/beneficiaries/${b.id}/export?format=html&lang=en`);
    const text = await en.text();
    expect(text).toMatch(/<html lang="en">/);
    for (const heading of ['Beneficiary', 'Cerebral palsy profile', 'Head circumference', 'Consents', 'Wheelchair requests', 'Problem reports', 'Audit trail']) {
      expect(text, heading).toContain(heading);
    }
    expect(text).toMatch(/<title>Personal data: Kirana/);
    const entry = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'beneficiary.export', entityId: b.id, requestId: en.headers.get('x-request-id') } });
    expect(JSON.parse(entry.details!)).toEqual({ format: 'html', lang: 'en' });
  });

  it('shows the data as tables, with the daily telemetry and the report\'s comment', () => {
    expect(html).toContain('<table');
    expect(html).toContain('Ringkasan harian');
    expect(html).toContain(b.address);
    expect(html).not.toContain('Ringkasan per jam');
  });
});

describe('who may export', () => {
  it('a manager of another centre gets 404 (as for a missing one); therapists and technicians 403', async () => {
    const other = await expectError(await managerB.get(`/api/beneficiaries/${b.id}/export`), 404);
    const missing = await expectError(await managerB.get('/api/beneficiaries/nosuchbeneficiary0/export'), 404);
    expect(other.message).toBe(missing.message);
    await expectError(await therapist.get(`/api/beneficiaries/${b.id}/export`), 403);
    await expectError(await technician.get(`/api/beneficiaries/${b.id}/export`), 403);
  });

  it('an unknown format or language is 422', async () => {
    await expectError(await admin.get(`/api/beneficiaries/${b.id}/export?format=pdf`), 422);
    await expectError(await admin.get(`/api/beneficiaries/${b.id}/export?format=html&lang=fr`), 422);
  });
});
