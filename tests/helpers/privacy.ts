// Builders for the personal-data suites: a beneficiary with something in every place the product
// keeps data about a person, and a search of every text column of the SQLite file.
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { cheapAccount, expectJson, quickSession } from './api.ts';
import { childBeneficiaryBody, cpProfileBody, hydrocephalusProfileBody, unique } from './fixtures.ts';
import type { Client, Harness } from './harness.ts';
import { requestInState } from './pathway.ts';

export interface RichBeneficiary {
  id: string;
  fullName: string;
  phone: string;
  address: string;
  centreId: string;
  requestId: string;
  deviceId: string;
  reportId: string;
  photoId: string;
  workOrderIds: string[];
  family: { id: string; email: string; client: Client };
}

const HOUR = 3_600_000;

/**
 * A child with hydrocephalus and CP in centre A: guardian consent (service, health data, photos),
 * both profiles with head circumferences, a family account, a delivered electric-style chair with
 * telemetry rollups, a family report naming the child (with a photo and a comment), a work order
 * from it and one a technician opened by hand naming the child, notifications and webhook messages.
 */
export async function richBeneficiary(h: Harness, as: { therapist: Client; technician: Client }, centreId: string): Promise<RichBeneficiary> {
  const tag = unique();
  const fullName = `Kirana Privasi ${tag}`;
  const phone = `+62 813 ${String(Date.now()).slice(-4)} ${String(process.pid).padStart(4, '0').slice(-4)}`;
  const address = `Jl. Rahasia ${tag} No. 9, Bekasi`;
  const db = h.db.prisma;
  if (!(await db.webhookEndpoint.findUnique({ where: { centreId } }))) {
    await db.webhookEndpoint.create({ data: { centreId, url: 'http://127.0.0.1:9/hook', secret: 's'.repeat(43) } });
  }
  const b = await expectJson(
    await as.therapist.post(
      '/api/beneficiaries',
      childBeneficiaryBody({
        fullName, phone, address, diagnosis: 'both', diagnosisNotes: `Catatan klinis untuk ${fullName}`,
        consent: { givenBy: 'guardian', guardianName: 'Wali Privasi', guardianRelationship: 'legal_guardian', purposes: ['service', 'health_data', 'photos'], method: 'written', givenAt: new Date().toISOString().slice(0, 10) },
      }),
    ),
    201,
  );
  await expectJson(await as.therapist.put(`/api/beneficiaries/${b.id}/cp-profile`, cpProfileBody()));
  await expectJson(await as.therapist.put(`/api/beneficiaries/${b.id}/hydrocephalus-profile`, hydrocephalusProfileBody({ redFlagNotes: `Ibu ${fullName} melapor sakit kepala` })));

  const account = await cheapAccount(h, { email: `wali.${tag}@test.atensi.id`, name: 'Wali Privasi' });
  await db.user.update({ where: { id: account.id }, data: { phone: '+62 811 0000 1234' } });
  await db.familyLink.create({ data: { userId: account.id, beneficiaryId: b.id, relationship: 'guardian' } });
  const family = await quickSession(h, account.email);

  const r = await requestInState(h, centreId, 'in_use', { beneficiaryId: b.id });
  await db.requestTransition.updateMany({ where: { requestId: r.id, toState: 'fitted' }, data: { note: `Dipasang untuk ${fullName}` } });
  // Telemetry of the chair since delivery: a chair_state row and three hourly rollups.
  const chair = await db.chairState.create({ data: { deviceId: r.deviceId!, samples: 36n, socPct: 80 } });
  const hour0 = Math.floor((Date.now() - 2 * 86_400_000) / HOUR);
  for (let i = 0; i < 3; i += 1) {
    const t = (hour0 + i) * HOUR;
    await db.telemetryHourly.create({
      data: {
        deviceKey: chair.key, hour: hour0 + i, n: 12, firstId: BigInt(i * 12 + 1), lastId: BigInt(i * 12 + 12), tsFirst: BigInt(t + 1000), tsLast: BigInt(t + 3_500_000),
        socMin: 70, socMax: 90, socLast: 80, voltMin: 24.1, tempMax: 31, ampMin: -12, chargingN: 0, odoFirst: 1000 + i * 500, odoLast: 1400 + i * 500,
        motorFirst: 100 + i * 60, motorLast: 150 + i * 60, ahLast: 40, cyclesLast: 12,
      },
    });
  }

  const report = await expectJson(
    await family.post('/api/reports', { beneficiaryId: b.id, category: 'brakes', description: `Rem kursi ${fullName} blong, hubungi ${phone}`, clientRequestId: randomUUID() }),
    201,
  );
  const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } }).jpeg().toBuffer();
  const photo = await expectJson(
    await h.app.request(`http://localhost/api/reports/${report.id}/photos`, {
      method: 'POST',
      headers: { origin: 'http://localhost', 'sec-fetch-site': 'same-origin', cookie: family.cookie!, 'content-type': 'image/jpeg' },
      body: new Uint8Array(jpeg),
    }),
    201,
  );
  await expectJson(await as.therapist.post(`/api/reports/${report.id}/comments`, { body: `Kami akan mengunjungi ${fullName} di ${address}` }), 201);
  await expectJson(await as.technician.post(`/api/reports/${report.id}/triage`, { outcome: 'work_order' }));
  const manual = await expectJson(
    await as.technician.post('/api/work-orders', { deviceId: r.deviceId, kind: 'repair', description: `Kunjungan rumah ${fullName}, telepon ${phone}` }),
    201,
  );
  const fromReport = await db.workOrder.findFirstOrThrow({ where: { reportId: report.id } });
  return {
    id: b.id, fullName, phone, address, centreId, requestId: r.id, deviceId: r.deviceId!, reportId: report.id, photoId: photo.id,
    workOrderIds: [fromReport.id, manual.id], family: { id: account.id, email: account.email, client: family },
  };
}

/** Every TEXT column of every table, as `table.column`, whose value contains any needle (any letter case). */
export function textColumnsContaining(h: Harness, needles: string[]): string[] {
  const raw = h.db.raw;
  const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  const hits: string[] = [];
  for (const { name } of tables) {
    const columns = raw.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; type: string }[];
    for (const col of columns) {
      if (!/TEXT|CHAR|CLOB|^$/i.test(col.type)) continue;
      for (const needle of needles) {
        const row = raw.prepare(`SELECT count(*) AS n FROM "${name}" WHERE instr(lower(CAST("${col.name}" AS TEXT)), lower(?)) > 0`).get(needle) as { n: number };
        if (row.n > 0) hits.push(`${name}.${col.name} ∋ ${needle}`);
      }
    }
  }
  return hits;
}
