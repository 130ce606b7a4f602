// Demo data for a first start: the programme's centres, users of every role in two centres,
// twenty beneficiaries along the WHO pathway, a catalogue, devices and chair credentials.
// Credentials are random per install and written to data/demo-credentials.json.
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import type { Db } from '../../../core/db/client.ts';
import { generatePassword, hashPassword } from '../auth/password.ts';
import { systemClock, type Clock } from '../../../core/clock.ts';
import { demoModels } from './catalogue.ts';
import { programmeCentres as demoCentres } from '../centres/programme-centres.ts';
import { seedReports } from './reports.ts';
import { demoBeneficiaries, demoPhone } from './people.ts';
import { createDemoBeneficiary } from './beneficiaries.ts';
import { createDevice, DAY, type DemoCredentials } from './devices.ts';
import { seedRequest } from './requests.ts';

export type { DemoCredentials } from './devices.ts';
export { pathway } from './requests.ts';

const staffPlan = [
  { role: 'manager', local: 'manajer', name: (city: string) => `Kepala Balai ${city}` },
  { role: 'therapist', local: 'terapis1', name: () => 'Ratna Kusuma' },
  { role: 'therapist', local: 'terapis2', name: () => 'Hendra Gunawan' },
  { role: 'technician', local: 'teknisi', name: () => 'Joko Susilo' },
] as const;

export async function seedDemo(db: Db, config: Config, progress: (msg: string) => void = () => {}, clock: Clock = systemClock) {
  const now = clock.now();
  const creds: DemoCredentials = { users: [], chairs: [] };

  // Phones so a centre's SMS/WhatsApp webhook has a recipient for a family notice (deep discharge).
  const families = [
    { email: 'keluarga.siti@demo.atensi.id', name: 'Siti Aminah', beneficiary: 'Rizky Pratama', centre: 0, phone: demoPhone(1) },
    { email: 'keluarga.bambang@demo.atensi.id', name: 'Bambang Nugroho', beneficiary: 'Muhammad Fajar Nugroho', centre: 0, phone: demoPhone(2) },
    { email: 'keluarga.sutrisno@demo.atensi.id', name: 'Sutrisno', beneficiary: 'Bagus Wicaksono', centre: 1, phone: demoPhone(3) },
    { email: 'keluarga.wahyu@demo.atensi.id', name: 'Wahyu Rahmawati', beneficiary: 'Anisa Rahmawati', centre: 1, phone: demoPhone(4) },
  ];
  // scrypt (N = 2^17) dominates seeding: start hashing now, on the thread pool, while rows are written.
  const accountCount = 1 + 2 * staffPlan.length + families.length;
  const passwords = Array.from({ length: accountCount }, () => generatePassword());
  const hashing = Promise.all(passwords.map((p) => hashPassword(p)));

  progress('Seeding demo data: centres…');
  const centres = [];
  for (const c of demoCentres) centres.push(await db.centre.create({ data: { ...c } }));
  const active = [centres[0]!, centres[1]!];
  const citySlug = ['bekasi', 'temanggung'];

  progress('Seeding demo data: accounts (hashing passwords)…');
  const plan: { email: string; name: string; role: string; centreId: string | null; centreCode: string | null; phone?: string }[] = [
    { email: 'admin@demo.atensi.id', name: 'Admin Direktorat', role: 'admin', centreId: null, centreCode: null },
  ];
  active.forEach((centre, i) => {
    for (const s of staffPlan) {
      plan.push({ email: `${s.local}.${citySlug[i]}@demo.atensi.id`, name: s.name(centre.city), role: s.role, centreId: centre.id, centreCode: centre.code });
    }
  });
  for (const f of families) {
    const centre = active[f.centre]!;
    plan.push({ email: f.email, name: f.name, role: 'family', centreId: centre.id, centreCode: centre.code, phone: f.phone });
  }
  const hashes = await hashing;
  const users = new Map<string, string>();
  for (const [i, u] of plan.entries()) {
    const row = await db.user.create({
      data: { email: u.email, name: u.name, role: u.role, centreId: u.role === 'admin' ? null : u.centreId, passwordHash: hashes[i]!, locale: 'id', phone: u.phone ?? null },
    });
    users.set(u.email, row.id);
    creds.users.push({ role: u.role, email: u.email, password: passwords[i]!, centre: u.centreCode, name: u.name });
  }

  progress('Seeding demo data: catalogue…');
  const models = [];
  for (const { sizes, ...m } of demoModels) {
    models.push(
      await db.deviceModel.create({
        data: { ...m, sizes: { create: sizes.map(([w, d]) => ({ seatWidthMm: w, seatDepthMm: d })) } },
        include: { sizes: true },
      }),
    );
  }
  const manualModels = models.filter((m) => m.kind === 'manual_adaptive');
  const electricModels = models.filter((m) => m.kind === 'electric');

  progress('Seeding demo data: beneficiaries and their pathway…');
  let serialNo = 1;
  for (const [i, p] of demoBeneficiaries.entries()) {
    const centre = active[i < 10 ? 0 : 1]!;
    const slug = citySlug[i < 10 ? 0 : 1];
    const therapistId = users.get(`terapis${(i % 2) + 1}.${slug}@demo.atensi.id`)!;
    const managerId = users.get(`manajer.${slug}@demo.atensi.id`)!;
    const registered = new Date(now.getTime() - (200 - i * 7) * DAY);
    const b = await createDemoBeneficiary(db, { p, i, centreId: centre.id, therapistId, registered, now });
    if (p.request) await seedRequest(db, { p, b: { id: b.id, centreId: centre.id }, therapistId, managerId, registered, now, models: p.electric ? electricModels : manualModels, serial: () => serialNo++, creds });
  }

  for (const f of families) {
    const b = await db.beneficiary.findFirstOrThrow({ where: { fullName: f.beneficiary } });
    await db.familyLink.create({ data: { userId: users.get(f.email)!, beneficiaryId: b.id, relationship: 'parent' } });
  }

  progress('Seeding demo data: family reports…');
  await seedReports(db, users, now);

  progress('Seeding demo data: spare stock…');
  for (const [k, centre] of active.entries()) {
    for (const model of [manualModels[k]!, electricModels[k]!]) {
      const size = model.sizes[0]!;
      await createDevice(db, { modelId: model.id, kind: model.kind, centreId: centre.id, beneficiaryId: null, status: 'in_stock', size, serial: serialNo++, creds, installedAt: now });
    }
  }

  fs.mkdirSync(config.dataDir, { recursive: true });
  const file = path.join(config.dataDir, 'demo-credentials.json');
  fs.writeFileSync(file, `${JSON.stringify(creds, null, 2)}\n`, { mode: 0o600 });
  return { creds, file };
}

/** Seeds when the database has no accounts yet; returns the text to print, or null if it did nothing. */
export async function seedDemoIfEmpty(db: Db, config: Config, progress: (msg: string) => void = () => {}) {
  if ((await db.user.count()) > 0) return null;
  const started = performance.now();
  const { creds, file } = await seedDemo(db, config, progress);
  const lines = creds.users.map((u) => `  ${u.role.padEnd(10)} ${u.email.padEnd(36)} ${u.password}${u.centre ? `  (${u.centre})` : ''}`);
  return [
    `Demo data ready in ${Math.round(performance.now() - started)} ms. Demo accounts (also in ${path.relative(process.cwd(), file)}):`,
    ...lines,
    `  ${creds.chairs.length} electric chairs have MQTT credentials in the same file.`,
    '',
  ].join('\n');
}
