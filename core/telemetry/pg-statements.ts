// The SQL of the PostgreSQL store's ingest, in one place so it can be read at once: multi-row
// writes through unnest() of one array per column, rollups by INSERT … ON CONFLICT.
import { activeConsentPgSql } from '../consent/consent-rule.ts';

export const pgSql = {
  ensureChairs: 'INSERT INTO chair_state ("deviceId") SELECT unnest($1::text[]) ON CONFLICT ("deviceId") DO NOTHING',
  chairKeys: 'SELECT key, "deviceId" FROM chair_state WHERE "deviceId" = ANY($1::text[])',
  ensureBoots: `INSERT INTO chair_boot ("deviceKey", "bootId", "firstSeenAt", "lastSeenAt")
    SELECT k, b, $3::bigint, $3::bigint FROM unnest($1::int[], $2::text[]) AS u(k, b) ON CONFLICT ("deviceKey", "bootId") DO NOTHING`,
  bootKeys: 'SELECT b.key, b."deviceKey", b."bootId" FROM chair_boot b JOIN unnest($1::int[], $2::text[]) AS u(k, id) ON b."deviceKey" = u.k AND b."bootId" = u.id',
  deviceRegistered: 'SELECT id FROM "Device" WHERE id = ANY($1::text[]) AND "mqttSecretHash" IS NOT NULL',
  telemetryAllowed: `SELECT d.id, (d."beneficiaryId" IS NULL OR ${activeConsentPgSql('b', '$2', '$3')}) AS allowed
    FROM "Device" d LEFT JOIN "Beneficiary" b ON b.id = d."beneficiaryId" WHERE d.id = ANY($1::text[])`,
  // The batch's chairs, locked in key order (no deadlock between bridges): their sequence state
  // is read and written only under this lock, so two bridges committing one chair take turns.
  lockChairs: 'SELECT key, "lastTs", "lastRawId" FROM chair_state WHERE key = ANY($1::int[]) OR "deviceId" = ANY($2::text[]) ORDER BY key FOR UPDATE',
  boots: 'SELECT key, watermark, above FROM chair_boot WHERE key = ANY($1::int[])',
  watermark: `SELECT b.watermark FROM chair_boot b JOIN chair_state s ON s.key = b."deviceKey" WHERE s."deviceId" = $1 AND b."bootId" = $2`,
  nextIds: `SELECT nextval('telemetry_raw_id_seq') AS id FROM generate_series(1, $1::int)`,
  insertRaw: `INSERT INTO telemetry_raw (id, ts, device_key, boot_key, seq, recv_delta, cycles, ah100, odo_m, motor_s, soc10, volt100, amp100, temp10, tilt10, charging, faults)
    SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::int[], $5::bigint[], $6::int[], $7::int[], $8::int[], $9::int[], $10::int[],
      $11::smallint[], $12::int[], $13::int[], $14::smallint[], $15::smallint[], $16::bool[], $17::text[])`,
  writeLatest: `UPDATE chair_state SET "lastTs" = $1, "receivedAt" = $2, "lastRawId" = $3, "socPct" = $4, "voltageV" = $5, "currentA" = $6, "tempC" = $7,
    charging = $8, "cycleCount" = $9, "fullChargeAh" = $10, "odometerM" = $11, "motorSeconds" = $12, "seatTiltDeg" = $13, faults = $14, "bootId" = $15 WHERE key = $16`,
  setHead: 'UPDATE chair_state SET "lastRawId" = $1 WHERE key = $2',
  addCounts: `UPDATE chair_state c SET samples = samples + u.s, duplicates = duplicates + u.d, rejected = rejected + u.r, withheld = withheld + u.w
    FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::int[]) AS u(id, s, d, r, w) WHERE c."deviceId" = u.id`,
  saveBoots: `UPDATE chair_boot b SET watermark = u.wm, above = u.above, "lastSeenAt" = $4 FROM unnest($1::int[], $2::bigint[], $3::text[]) AS u(k, wm, above) WHERE b.key = u.k`,
  // Rows locked in key order, as the ingest locks them, so a bridge starting beside a committing one cannot deadlock with it.
  markAllOffline: 'UPDATE chair_state SET online = false WHERE key IN (SELECT key FROM chair_state WHERE online ORDER BY key FOR UPDATE)',
  setStatus: 'UPDATE chair_state SET online = $1, "statusAt" = $2, fw = coalesce($3, fw), "bootId" = coalesce($4, "bootId") WHERE "deviceId" = $5',
  insertRejected: `INSERT INTO rejected_message (received_at, device_id, client_id, topic, reason, detail, size, preview)
    SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[])`,
  countRejected: `INSERT INTO rejected_message (received_at, last_received_at, count, agg_key, device_id, client_id, topic, reason, detail, size, preview)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL)
    ON CONFLICT (agg_key) DO UPDATE SET count = rejected_message.count + excluded.count,
      last_received_at = greatest(rejected_message.last_received_at, excluded.last_received_at)`,
  pruneCounted: 'DELETE FROM rejected_message WHERE received_at < $1 AND agg_key IS NOT NULL',
  upsertHourly: `INSERT INTO telemetry_hourly AS h (device_key, hour, n, first_id, last_id, ts_first, ts_last, soc_min, soc_max, soc_last, volt_min, temp_max, amp_min,
      charging_n, odo_first, odo_last, motor_first, motor_last, ah_last, cycles_last)
    SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::float8[], $9::float8[], $10::float8[],
      $11::float8[], $12::float8[], $13::float8[], $14::int[], $15::int[], $16::int[], $17::int[], $18::int[], $19::float8[], $20::int[])
    ON CONFLICT (device_key, hour) DO UPDATE SET
      n = h.n + excluded.n,
      first_id = least(h.first_id, excluded.first_id),
      last_id = greatest(h.last_id, excluded.last_id),
      soc_last = CASE WHEN excluded.ts_last >= h.ts_last THEN excluded.soc_last ELSE h.soc_last END,
      ah_last = CASE WHEN excluded.ts_last >= h.ts_last THEN coalesce(excluded.ah_last, h.ah_last) ELSE h.ah_last END,
      cycles_last = CASE WHEN excluded.ts_last >= h.ts_last THEN coalesce(excluded.cycles_last, h.cycles_last) ELSE h.cycles_last END,
      ts_first = least(h.ts_first, excluded.ts_first),
      ts_last = greatest(h.ts_last, excluded.ts_last),
      soc_min = least(h.soc_min, excluded.soc_min),
      soc_max = greatest(h.soc_max, excluded.soc_max),
      volt_min = least(h.volt_min, excluded.volt_min),
      temp_max = greatest(h.temp_max, excluded.temp_max),
      amp_min = least(h.amp_min, excluded.amp_min),
      charging_n = h.charging_n + excluded.charging_n,
      odo_first = least(h.odo_first, excluded.odo_first),
      odo_last = greatest(h.odo_last, excluded.odo_last),
      motor_first = least(h.motor_first, excluded.motor_first),
      motor_last = greatest(h.motor_last, excluded.motor_last)`,
} as const;

/** Turns rows into one array per column, for unnest(). */
export function columns(rows: readonly (readonly unknown[])[], width: number): unknown[][] {
  const out: unknown[][] = Array.from({ length: width }, () => []);
  for (const r of rows) for (let i = 0; i < width; i++) out[i]!.push(r[i] ?? null);
  return out;
}
