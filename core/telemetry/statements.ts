// Prepared statements of the SQLite telemetry store, in one place so the SQL can be read at once.
import type Database from 'better-sqlite3';
import { activeConsentSql } from '../consent/consent-rule.ts';

export function prepareStatements(db: Database.Database) {
  return {
    allChairs: db.prepare('SELECT key, deviceId, lastRawId, lastTs FROM chair_state'),
    deviceRegistered: db.prepare('SELECT 1 FROM "Device" WHERE id = ? AND mqttSecretHash IS NOT NULL'),
    // 1 when the chair may report: no user, or a user with an active telemetry consent.
    telemetryAllowed: db.prepare(
      `SELECT d.beneficiaryId IS NULL OR ${activeConsentSql('b')} AS allowed
       FROM "Device" d LEFT JOIN "Beneficiary" b ON b.id = d.beneficiaryId WHERE d.id = @deviceId`,
    ),
    ensureChair: db.prepare('INSERT OR IGNORE INTO chair_state (deviceId) VALUES (?)'),
    chairKey: db.prepare('SELECT key FROM chair_state WHERE deviceId = ?'),
    selectBoot: db.prepare('SELECT watermark, above FROM chair_boot WHERE deviceKey = ? AND bootId = ?'),
    ensureBoot: db.prepare('INSERT OR IGNORE INTO chair_boot (deviceKey, bootId, firstSeenAt, lastSeenAt) VALUES (?, ?, ?, ?)'),
    bootKey: db.prepare('SELECT key FROM chair_boot WHERE deviceKey = ? AND bootId = ?'),
    upsertBoot: db.prepare(
      `INSERT INTO chair_boot (deviceKey, bootId, watermark, above, firstSeenAt, lastSeenAt) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (deviceKey, bootId) DO UPDATE SET watermark = excluded.watermark, above = excluded.above, lastSeenAt = excluded.lastSeenAt`,
    ),
    insertRaw: db.prepare(
      `INSERT INTO telemetry_raw (device_key, boot_key, seq, ts, recv_delta, prev_id, soc10, volt100, amp100, temp10, charging, cycles, ah100, odo_m, motor_s, tilt10, faults)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    writeLatest: db.prepare(
      `UPDATE chair_state SET lastTs = ?, receivedAt = ?, lastRawId = ?, socPct = ?, voltageV = ?, currentA = ?, tempC = ?, charging = ?,
       cycleCount = ?, fullChargeAh = ?, odometerM = ?, motorSeconds = ?, seatTiltDeg = ?, faults = ?, bootId = ? WHERE key = ?`,
    ),
    setHead: db.prepare('UPDATE chair_state SET lastRawId = ? WHERE key = ?'),
    addCounts: db.prepare(
      'UPDATE chair_state SET samples = samples + ?, duplicates = duplicates + ?, rejected = rejected + ?, withheld = withheld + ? WHERE deviceId = ?',
    ),
    markAllOffline: db.prepare('UPDATE chair_state SET online = 0 WHERE online = 1'),
    setStatus: db.prepare('UPDATE chair_state SET online = ?, statusAt = ?, fw = coalesce(?, fw), bootId = coalesce(?, bootId) WHERE deviceId = ?'),
    countRejected: db.prepare(
      `INSERT INTO rejected_message (received_at, last_received_at, count, agg_key, device_id, client_id, topic, reason, detail, size, preview)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
       ON CONFLICT (agg_key) DO UPDATE SET count = count + excluded.count, last_received_at = max(last_received_at, excluded.last_received_at)`,
    ),
    pruneCounted: db.prepare('DELETE FROM rejected_message WHERE received_at < ? AND agg_key IS NOT NULL'),
    insertRejected: db.prepare(
      'INSERT INTO rejected_message (received_at, device_id, client_id, topic, reason, detail, size, preview) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    upsertHourly: db.prepare(
      `INSERT INTO telemetry_hourly (device_key, hour, n, first_id, last_id, ts_first, ts_last, soc_min, soc_max, soc_last, volt_min, temp_max, amp_min,
         charging_n, odo_first, odo_last, motor_first, motor_last, ah_last, cycles_last)
       VALUES (@deviceKey, @hour, @n, @firstId, @lastId, @tsFirst, @tsLast, @socMin, @socMax, @socLast, @voltMin, @tempMax, @ampMin,
         @chargingN, @odoFirst, @odoLast, @motorFirst, @motorLast, @ahLast, @cyclesLast)
       ON CONFLICT (device_key, hour) DO UPDATE SET
         n = n + excluded.n,
         first_id = min(first_id, excluded.first_id),
         last_id = max(last_id, excluded.last_id),
         soc_last = CASE WHEN excluded.ts_last >= ts_last THEN excluded.soc_last ELSE soc_last END,
         ah_last = CASE WHEN excluded.ts_last >= ts_last THEN coalesce(excluded.ah_last, ah_last) ELSE ah_last END,
         cycles_last = CASE WHEN excluded.ts_last >= ts_last THEN coalesce(excluded.cycles_last, cycles_last) ELSE cycles_last END,
         ts_first = min(ts_first, excluded.ts_first),
         ts_last = max(ts_last, excluded.ts_last),
         soc_min = min(soc_min, excluded.soc_min),
         soc_max = max(soc_max, excluded.soc_max),
         volt_min = min(volt_min, excluded.volt_min),
         temp_max = max(temp_max, excluded.temp_max),
         amp_min = min(amp_min, excluded.amp_min),
         charging_n = charging_n + excluded.charging_n,
         odo_first = min(odo_first, excluded.odo_first),
         odo_last = max(odo_last, excluded.odo_last),
         motor_first = min(motor_first, excluded.motor_first),
         motor_last = max(motor_last, excluded.motor_last)`,
    ),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
