// Realistic volume for `npm run bench:api`: 41 centres × 60 chairs (50 electric in use, 10 manual),
// 29 days of hourly rollups per electric chair plus the last day of raw samples (one a minute)
// committed through the telemetry store with chairs interleaved as the bridge sees them (their users
// have given telemetry consent, so the samples are kept), open and historical alerts and work
// orders, and refused messages.
import { randomUUID } from 'node:crypto';
import type { OpenedDatabase } from '../../core/db/client.ts';
import { sqliteDateTime } from '../../core/db/sqlite-values.ts';
import { SqliteTelemetryStore } from '../../core/telemetry/sqlite-telemetry-store.ts';
import type { AcceptedSample } from '../../core/telemetry/telemetry-store.ts';
import { serialKey } from '../../schemas/devices.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface SeedOptions {
  centres: number;
  chairsPerCentre: number;
  electricPerCentre: number;
  rollupDays: number;
  rawMinutes: number;
  now: number;
  log: (msg: string) => void;
}

/** A deterministic pseudo-random sequence, so every run seeds the same shape. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** DateTime columns as Prisma's SQLite adapter writes them (the one definition, core/db/sqlite-values.ts). */
const dt = (ms: number | null) => sqliteDateTime(ms);
const id = () => `b${randomUUID().replace(/-/g, '').slice(0, 24)}`;

export async function seedVolume(db: OpenedDatabase, o: SeedOptions) {
  const { prisma, raw } = db;
  const rand = rng(42);
  const existing = await prisma.centre.findMany({ orderBy: { createdAt: 'asc' } });
  for (let k = existing.length; k < o.centres; k += 1) {
    existing.push(await prisma.centre.create({ data: { code: `BENCH-${k}`, name: `Balai Uji ${k}`, city: 'Kota Uji', province: 'Provinsi Uji' } }));
  }
  const centres = existing.slice(0, o.centres);
  const models = await prisma.deviceModel.findMany();
  const electric = models.filter((m) => m.kind === 'electric');
  const manual = models.filter((m) => m.kind === 'manual_adaptive');

  o.log(`seeding ${centres.length} centres × ${o.chairsPerCentre} chairs…`);
  const insertBeneficiary = raw.prepare(
    `INSERT INTO "Beneficiary" (id, centreId, fullName, birthDate, sex, address, diagnosis, createdAt, updatedAt) VALUES (?, ?, ?, ?, 'female', 'Jl. Uji', 'cp', ?, ?)`,
  );
  // Each adult user's own telemetry consent: without it the store acknowledges samples but keeps none.
  const insertConsent = raw.prepare(
    `INSERT INTO "Consent" (id, beneficiaryId, givenBy, purpose, method, givenAt, createdAt) VALUES (?, ?, 'beneficiary', 'telemetry', 'written', ?, ?)`,
  );
  const insertDevice = raw.prepare(
    `INSERT INTO "Device" (id, serial, serialKey, modelId, centreId, beneficiaryId, status, createdAt, updatedAt, batteryInstalledAt, mqttSecretHash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const chairs: { id: string; centreId: string; ratedAh: number }[] = [];
  let serial = 100_000;
  raw.transaction(() => {
    for (const centre of centres) {
      const have = raw.prepare('SELECT count(*) AS n FROM "Device" WHERE centreId = ?').get(centre.id) as { n: number };
      const haveElectric = raw
        .prepare('SELECT count(*) AS n FROM "Device" d JOIN "DeviceModel" m ON m.id = d.modelId WHERE d.centreId = ? AND m.kind = \'electric\'')
        .get(centre.id) as { n: number };
      let electricToAdd = Math.max(0, o.electricPerCentre - haveElectric.n);
      for (let k = have.n; k < o.chairsPerCentre; k += 1) {
        const isElectric = electricToAdd-- > 0;
        const model = isElectric ? electric[k % electric.length]! : manual[k % manual.length]!;
        const created = o.now - (100 + Math.floor(rand() * 600)) * DAY;
        const beneficiary = id();
        insertBeneficiary.run(beneficiary, centre.id, `Penerima Uji ${serial}`, dt(created - 20 * 365 * DAY), dt(created), dt(created));
        insertConsent.run(id(), beneficiary, dt(created), dt(created));
        const serialText = `BEN-${serial++}`;
        insertDevice.run(id(), serialText, serialKey(serialText), model.id, centre.id, beneficiary, 'in_use', dt(created), dt(created), isElectric ? dt(created) : null, isElectric ? 'bench' : null);
      }
    }
  })();
  for (const row of raw
    .prepare(`SELECT d.id, d.centreId, m.ratedAh FROM "Device" d JOIN "DeviceModel" m ON m.id = d.modelId WHERE m.kind = 'electric' AND d.status = 'in_use' ORDER BY d.id`)
    .all() as { id: string; centreId: string; ratedAh: number }[]) {
    chairs.push(row);
  }

  o.log(`committing ${o.rawMinutes} minutes of raw samples for ${chairs.length} electric chairs through the store…`);
  const store = new SqliteTelemetryStore(raw, { now: () => o.now });
  const rawStart = o.now - o.rawMinutes * 60_000;
  // 5 % of chairs went silent two days ago: no raw day for them.
  const silent = new Set(chairs.filter(() => rand() < 0.05).map((c) => c.id));
  const talking = chairs.filter((c) => !silent.has(c.id));
  const profile = new Map(chairs.map((c) => [c.id, { soc0: 30 + rand() * 70, wear: 0.65 + rand() * 0.35, odo: Math.floor(rand() * 2_000_000), motor: Math.floor(rand() * 500_000) }]));
  let stored = 0;
  const started = performance.now();
  for (let m = 0; m < o.rawMinutes; m += 1) {
    const ts = rawStart + m * 60_000;
    const hourOfDay = new Date(ts).getUTCHours();
    const driving = hourOfDay >= 0 && hourOfDay <= 10;
    const samples: AcceptedSample[] = talking.map((c) => {
      const p = profile.get(c.id)!;
      const charging = hourOfDay >= 12 && hourOfDay < 18;
      const soc = Math.max(3, Math.min(100, p.soc0 + (charging ? (m % 360) / 6 : -(m % 720) / 20)));
      if (driving) {
        p.odo += 40;
        p.motor += 30;
      }
      return {
        deviceId: c.id,
        receivedAt: ts + 150,
        sample: {
          v: 1,
          bootId: 'bench-boot',
          seq: m,
          ts,
          battery: { socPct: Math.round(soc * 10) / 10, voltageV: 24 + soc / 50, currentA: charging ? 8 : driving ? -12 : -0.3, tempC: 28 + (m % 30) / 3, charging, cycleCount: 300, fullChargeAh: Math.round(c.ratedAh * p.wear * 100) / 100 },
          usage: { odometerM: p.odo, motorSeconds: p.motor },
        },
      };
    });
    await store.commit({ samples, rejections: [], statuses: [] });
    stored += samples.length;
    if (m % 120 === 119) o.log(`  ${stored.toLocaleString('en')} samples (${Math.round(stored / ((performance.now() - started) / 1000)).toLocaleString('en')}/s)`);
  }

  o.log(`writing ${o.rollupDays} days of hourly rollups per chair before that…`);
  const keyOf = raw.prepare('SELECT key FROM chair_state WHERE deviceId = ?');
  const ensure = raw.prepare('INSERT OR IGNORE INTO chair_state (deviceId, receivedAt, lastTs, socPct, charging, online) VALUES (?, ?, ?, 40, 0, 0)');
  const hourly = raw.prepare(
    `INSERT OR IGNORE INTO telemetry_hourly (device_key, hour, n, first_id, last_id, ts_first, ts_last, soc_min, soc_max, soc_last, volt_min, temp_max, amp_min,
       charging_n, odo_first, odo_last, motor_first, motor_last, ah_last, cycles_last) VALUES (?, ?, 60, 0, 0, ?, ?, ?, ?, ?, 24.1, 33, -12, ?, ?, ?, ?, ?, ?, 300)`,
  );
  const firstHour = Math.floor(rawStart / HOUR) - o.rollupDays * 24;
  raw.transaction(() => {
    for (const c of chairs) {
      if (silent.has(c.id)) ensure.run(c.id, rawStart - 2 * DAY, rawStart - 2 * DAY);
      const key = (keyOf.get(c.id) as { key: number }).key;
      const p = profile.get(c.id)!;
      let odo = p.odo - 30 * 9000;
      let motor = p.motor - 30 * 7000;
      for (let hr = firstHour; hr < Math.floor(rawStart / HOUR); hr += 1) {
        const drive = hr % 24 <= 10 ? 800 : 0;
        const soc = 20 + ((hr * 7) % 80);
        hourly.run(key, hr, hr * HOUR, hr * HOUR + 59 * 60_000, soc - 5, soc + 5, soc, hr % 24 >= 12 && hr % 24 < 18 ? 60 : 0, odo, odo + drive, motor, motor + drive, c.ratedAh * p.wear);
        odo += drive;
        motor += drive;
      }
    }
  })();

  o.log('alerts, work orders and refused messages…');
  const kinds = [['deep_discharge', 'info'], ['over_temperature', 'warning'], ['controller_fault', 'critical'], ['silent_chair', 'info'], ['battery_wear', 'warning']] as const;
  const insertAlert = raw.prepare('INSERT INTO "Alert" (id, centreId, deviceId, kind, severity, details, createdAt, clearedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertOrder = raw.prepare(
    'INSERT INTO "WorkOrder" (id, centreId, deviceId, rule, kind, priority, status, createdAt, updatedAt, resolvedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertRejected = raw.prepare(
    'INSERT INTO rejected_message (received_at, device_id, client_id, topic, reason, detail, size) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  let alerts = 0;
  let orders = 0;
  raw.transaction(() => {
    for (const c of chairs) {
      for (let k = 0; k < 12; k += 1) {
        const [kind, severity] = kinds[Math.floor(rand() * kinds.length)]!;
        const at = o.now - Math.floor(rand() * 30 * DAY);
        const open = k === 0 && rand() < 0.15;
        insertAlert.run(id(), c.centreId, c.id, kind, severity, '{"bench":true}', dt(at), open ? null : dt(at + HOUR));
        alerts += 1;
      }
      for (let k = 0; k < 3; k += 1) {
        const at = o.now - Math.floor(rand() * 60 * DAY);
        const active = k === 0 && rand() < 0.2;
        insertOrder.run(id(), c.centreId, c.id, 'battery_wear', 'battery_replacement', ['low', 'normal', 'high', 'urgent'][k % 4], active ? 'open' : 'resolved', dt(at), dt(at), active ? null : dt(at + DAY));
        orders += 1;
      }
      if (rand() < 0.3) {
        for (let k = 0; k < 5; k += 1) insertRejected.run(o.now - k * HOUR, c.id, c.id, `atensi/chairs/${c.id}/telemetry`, 'schema', 'battery.socPct: too big', 230);
      }
    }
  })();
  raw.pragma('wal_checkpoint(TRUNCATE)');
  return { chairs: chairs.length, electricChairs: chairs.length, rawSamples: stored, alerts, workOrders: orders, centres: centres.length };
}
