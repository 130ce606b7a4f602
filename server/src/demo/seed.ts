// Demo data for a first start: the programme's centres, users of every role in two centres,
// twenty beneficiaries along the WHO pathway, a catalogue, devices and chair credentials.
// Credentials are random per install and written to data/demo-credentials.json.
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import type { Db } from '../../../core/db/client.ts';
import { generatePassword, hashPassword } from '../auth/password.ts';
import { generateDeviceSecret, hashDeviceSecret } from '../../../core/devices/credentials.ts';
import { firstFollowUp } from '../requests/follow-up-schedule.ts';
import { systemClock, type Clock } from '../../../core/clock.ts';
import { demoModels } from './catalogue.ts';
import { demoCentres } from './centres.ts';
import { seedReports } from './reports.ts';
import { demoBeneficiaries, type DemoBeneficiary, demoPhone } from './people.ts';

export const pathway = ['referred', 'assessed', 'prescribed', 'approved', 'ordered', 'prepared', 'fitted', 'trained', 'in_use'] as const;

export interface DemoCredentials {
  users: { role: string; email: string; password: string; centre: string | null; name: string }[];
  chairs: { deviceId: string; secret: string; serial: string }[];
}

const DAY = 86_400_000;
const staffPlan = [
  { role: 'manager', local: 'manajer', name: (city: string) => `Kepala Balai ${city}` },
  { role: 'therapist', local: 'terapis1', name: () => 'Ratna Kusuma' },
  { role: 'therapist', local: 'terapis2', name: () => 'Hendra Gunawan' },
  { role: 'technician', local: 'teknisi', name: () => 'Joko Susilo' },
] as const;

function ageAt(birth: string, now: Date) {
  return (now.getTime() - new Date(`${birth}T00:00:00Z`).getTime()) / (365.25 * DAY);
}

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
    const child = ageAt(p.birthDate, now) < 18;
    const registered = new Date(now.getTime() - (200 - i * 7) * DAY);
    const b = await db.beneficiary.create({
      data: {
        centreId: centre.id,
        fullName: p.fullName,
        birthDate: new Date(`${p.birthDate}T00:00:00Z`),
        sex: p.sex,
        address: p.address,
        city: p.city,
        phone: demoPhone(100 + i),
        diagnosis: p.diagnosis,
        diagnosisNotes: p.diagnosis === 'other' ? 'Spina bifida dengan paraplegia; dirujuk untuk kebutuhan duduk.' : null,
        createdById: therapistId,
        createdAt: registered,
        consents: {
          create: (['service', 'health_data', 'photos', ...(p.electric ? (['telemetry'] as const) : [])] as const).map((purpose) => ({
            purpose,
            givenBy: child ? 'guardian' : 'beneficiary',
            guardianName: child ? (p.guardian ?? null) : null,
            method: 'written',
            givenAt: registered,
            recordedById: therapistId,
          })),
        },
        ...(p.gmfcs
          ? {
              cpProfile: {
                create: {
                  gmfcs: p.gmfcs,
                  type: p.cpType ?? 'spastic',
                  distribution: p.distribution ?? 'quadriplegia',
                  sittingLevel: p.gmfcs >= 5 ? 'unable' : p.gmfcs === 4 ? 'propped' : 'hands_dependent',
                  tone: p.cpType === 'dyskinetic' ? 'fluctuating' : 'hypertonic',
                  pelvicPosition: p.gmfcs >= 4 ? 'panggul miring ke belakang, lebih rendah di kiri' : 'netral',
                  scoliosis: p.gmfcs >= 4,
                  hipDislocation: p.gmfcs === 5,
                  windsweptHips: p.gmfcs === 5,
                },
              },
            }
          : {}),
        ...(p.shuntSide
          ? {
              hydroProfile: {
                create: {
                  shuntPresent: true,
                  shuntType: 'vp',
                  shuntSide: p.shuntSide,
                  revisions: i % 3,
                  headSupport: 'sandaran kepala berkontur, bantalan menjauhi katup shunt',
                  lastRevisionAt: i % 3 ? new Date(registered.getTime() - 400 * DAY) : null,
                  occiputSkinRisk: child ? 'high' : 'medium',
                  headCircumferences: child
                    ? { create: [0, 1].map((k) => ({ measuredAt: new Date(registered.getTime() + k * 90 * DAY), cm: 48 + k * 0.6 + (i % 4) })) }
                    : undefined,
                },
              },
            }
          : {}),
      },
    });
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

async function createDevice(
  db: Db,
  o: { modelId: string; kind: string; centreId: string; beneficiaryId: string | null; status: string; size: { seatWidthMm: number; seatDepthMm: number }; serial: number; creds: DemoCredentials; installedAt: Date },
) {
  const secret = o.kind === 'electric' ? generateDeviceSecret() : null;
  const serial = `ATM-${o.kind === 'electric' ? 'E' : 'M'}-${String(o.serial).padStart(5, '0')}`;
  const device = await db.device.create({
    data: {
      serial,
      modelId: o.modelId,
      centreId: o.centreId,
      beneficiaryId: o.beneficiaryId,
      status: o.status,
      seatWidthMm: o.size.seatWidthMm,
      seatDepthMm: o.size.seatDepthMm,
      batteryInstalledAt: o.kind === 'electric' ? o.installedAt : null,
      mqttSecretHash: secret ? hashDeviceSecret(secret) : null,
    },
  });
  if (secret) o.creds.chairs.push({ deviceId: device.id, secret, serial });
  return device;
}

async function seedRequest(
  db: Db,
  o: {
    p: DemoBeneficiary;
    b: { id: string; centreId: string };
    therapistId: string;
    managerId: string;
    registered: Date;
    now: Date;
    models: { id: string; kind: string; sizes: { seatWidthMm: number; seatDepthMm: number }[] }[];
    serial: () => number;
    creds: DemoCredentials;
  },
) {
  const { p, b } = o;
  const rejected = p.request === 'rejected';
  const target = rejected ? 'prescribed' : p.request!;
  const steps = pathway.slice(0, pathway.indexOf(target as (typeof pathway)[number]) + 1);
  const at = (k: number) => new Date(o.registered.getTime() + (k + 1) * 12 * DAY);
  const model = o.models[p.gmfcs && p.gmfcs >= 4 && o.models.length > 2 ? 0 : o.models.length - 1]!;
  const size = model.sizes[Math.min(1, model.sizes.length - 1)]!;

  const request = await db.deviceRequest.create({
    data: { beneficiaryId: b.id, centreId: b.centreId, therapistId: o.therapistId, state: rejected ? 'rejected' : target, createdAt: at(0) },
  });
  await db.referral.create({
    data: {
      beneficiaryId: b.id,
      requestId: request.id,
      source: ['community_worker', 'health_centre', 'school', 'social_office', 'self'][p.fullName.length % 5]!,
      reason: 'Membutuhkan kursi roda dengan penyangga postur untuk di rumah, sekolah dan lingkungan.',
      priority: p.gmfcs === 5 ? 'priority' : 'routine',
      appointmentType: p.fullName.length % 3 === 0 ? 'home_visit' : 'centre',
      // Still referred: the assessment visit is in the coming days (09:00 WIB), as on a real worklist.
      appointmentAt: target === 'referred' ? new Date(Date.UTC(o.now.getUTCFullYear(), o.now.getUTCMonth(), o.now.getUTCDate() + 2 + (p.fullName.length % 4), 2)) : at(1),
      referredById: o.therapistId,
      createdAt: at(0),
    },
  });
  const transitions = steps.map((to, k) => ({ requestId: request.id, fromState: k === 0 ? null : (steps[k - 1]! as string), toState: to as string, byUserId: to === 'approved' ? o.managerId : o.therapistId, at: at(k) }));
  if (rejected) transitions.push({ requestId: request.id, fromState: 'prescribed', toState: 'rejected', byUserId: o.managerId, at: at(steps.length) });
  await db.requestTransition.createMany({ data: transitions });

  if (steps.includes('assessed')) {
    await db.assessment.create({
      data: {
        beneficiaryId: b.id,
        requestId: request.id,
        assessedById: o.therapistId,
        assessedAt: at(1),
        goals: 'Duduk tegak saat makan dan sekolah; dapat dibawa dengan aman keliling kampung.',
        usageEnvironment: 'rumah, sekolah, jalan kampung',
        dailyUseHours: 6,
        terrain: 'jalan tanah tidak rata, becek saat musim hujan',
        transport: 'angkot dan sepeda motor keluarga',
        transfers: p.gmfcs && p.gmfcs >= 4 ? 'dibantu penuh oleh satu pendamping' : 'berdiri dengan bantuan',
        currentChair: 'kursi plastik dengan bantal',
        sittingPosture: 'membungkuk, badan condong ke kiri',
        pelvicPosition: 'panggul miring ke belakang',
        pressureInjuryRisk: p.gmfcs === 5 ? 'high' : 'medium',
        hipWidthMm: size.seatWidthMm - 10,
        seatDepthLeftMm: size.seatDepthMm + 40,
        seatDepthRightMm: size.seatDepthMm + 45,
        calfLengthLeftMm: 300,
        calfLengthRightMm: 305,
        seatToRibCageMm: 260,
        seatToShoulderMm: 420,
        seatToOcciputMm: 560,
      },
    });
  }
  if (steps.includes('prescribed')) {
    await db.prescription.create({
      data: {
        requestId: request.id,
        modelId: model.id,
        seatWidthMm: size.seatWidthMm,
        seatDepthMm: size.seatDepthMm,
        pelvicBelt: true,
        lateralSupports: (p.gmfcs ?? 0) >= 4,
        headSupport: (p.gmfcs ?? 0) >= 4 || !!p.shuntSide,
        tiltInSpace: (p.gmfcs ?? 0) === 5,
        cushion: (p.gmfcs ?? 0) === 5 ? 'contoured_foam' : 'flat_foam',
        prescribedById: o.therapistId,
        prescribedAt: at(2),
      },
    });
  }
  if (rejected) {
    await db.fundingApproval.create({ data: { requestId: request.id, decision: 'rejected', reason: 'Sudah menerima kursi roda dari program lain tahun ini.', decidedById: o.managerId, decidedAt: at(3) } });
  } else if (steps.includes('approved')) {
    await db.fundingApproval.create({ data: { requestId: request.id, decision: 'approved', fundingSource: 'ATENSI', decidedById: o.managerId, decidedAt: at(3) } });
  }
  if (steps.includes('ordered')) {
    await db.deviceRequest.update({ where: { id: request.id }, data: { orderSource: 'stock', expectedAt: at(5) } });
  }
  if (steps.includes('prepared')) {
    const inUse = steps.includes('in_use');
    const device = await createDevice(db, {
      modelId: model.id,
      kind: model.kind,
      centreId: b.centreId,
      beneficiaryId: b.id,
      status: inUse ? 'in_use' : 'reserved',
      size,
      serial: o.serial(),
      creds: o.creds,
      installedAt: at(5),
    });
    await db.deviceRequest.update({ where: { id: request.id }, data: { deviceId: device.id, ...(inUse ? { deliveredAt: at(8) } : {}) } });
  }
  if (steps.includes('fitted')) {
    await db.fitting.create({ data: { requestId: request.id, fittedById: o.therapistId, fittedAt: at(6), sizeOk: true, postureOk: true, pressureOk: true, movementOk: true, outcome: 'ok', adjustments: 'Pijakan kaki dinaikkan 20 mm; bantalan lateral digeser ke dalam.' } });
  }
  if (steps.includes('trained')) {
    await db.trainingSession.create({
      data: { requestId: request.id, trainedById: o.therapistId, trainedAt: at(7), trainee: 'caregiver', transfers: true, mobility: true, pressureRelief: true, careMaintenance: true, batteryCharging: model.kind === 'electric', whoToContact: true },
    });
  }
  if (steps.includes('in_use')) {
    // Scheduled by the same rule as a real delivery (a month, as a priority, for high pressure-injury risk).
    const next = firstFollowUp({ deliveredAt: at(8), pressureInjuryRisk: p.gmfcs === 5 ? 'high' : 'medium' });
    await db.followUp.create({ data: { beneficiaryId: b.id, requestId: request.id, kind: next.kind, dueAt: next.dueAt } });
  }
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
