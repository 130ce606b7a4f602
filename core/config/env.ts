// Environment parsing shared by both processes: the checks, the error and the settings both need.
import path from 'node:path';
import { z } from 'zod';
import { defaultThresholds, type Thresholds } from '../../schemas/maintenance-rules.ts';
import { TELEMETRY_LIMITS } from '../../schemas/devices.ts';
import { DATABASE_FILE, databaseTarget, databaseUrlHint, databaseUrlPattern, type DatabaseTarget } from '../db/target.ts';

export { DATABASE_FILE };

/** A configuration that cannot start a process; its message lists every bad variable. */
export class ConfigError extends Error {}

export const booleanFlag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** The SQLite database's file name inside DATA_DIR. */

/** Settings both the API and the bridge read: where the data lives, how much to log. */
export const baseEnv = {
  DATA_DIR: z.string().min(1).default('./data'),
  // Unset or file: → SQLite in DATA_DIR; postgresql:// → PostgreSQL (core/db/target.ts).
  DATABASE_URL: z.string().regex(databaseUrlPattern, databaseUrlHint).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  // One window for refused sign-ins (API) and refused chair connections (broker).
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  // Unset: no /metrics at all (404). Printable, no spaces, long enough not to be guessed.
  METRICS_TOKEN: z.string().regex(/^[\x21-\x7e]{16,200}$/, '16 to 200 printable characters without spaces').optional(),
  // Raw telemetry samples are kept this many days (the bridge removes older ones; the API answers
  // raw reads past it from hourly rollups, which are kept for good).
  TELEMETRY_RAW_DAYS: z.coerce.number().int().min(1).max(36_500).default(TELEMETRY_LIMITS.rawDaysDefault),
};

/** Broker, bridge, rules and demo-fleet settings: the bridge's own, and the API's when it embeds the bridge. */
export const telemetryEnv = {
  MQTT_PORT: z.coerce.number().int().min(0).max(65535).default(1883),
  MQTT_AUTH_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
  MQTT_URL: z.string().regex(/^(mqtts?|tcp|tls|wss?):\/\/.+/, 'use mqtt://host:port or mqtts://host:port').optional(),
  MQTT_USERNAME: z.string().min(1).max(64).default('atensi-bridge'),
  MQTT_PASSWORD: z.string().min(1).max(200).optional(),
  MQTT_TOPIC_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'letters, digits, - and _').default('atensi'),
  BRIDGE_CLIENT_ID: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  BRIDGE_SHARED_GROUP: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/).default('atensi-bridge'),
  ACK_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
  CONSENT_REFRESH_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  DEMO_CHAIRS: z.coerce.number().int().min(0).max(1000).default(4),
  DEMO_CHAIR_INTERVAL_S: z.coerce.number().min(0.1).max(3600).default(5),
  RULES_FRESHNESS_MINUTES: z.coerce.number().min(1).max(24 * 60).default(defaultThresholds.freshnessMinutes),
  RULES_QUIET_MINUTES: z.coerce.number().min(0).max(24 * 60).default(defaultThresholds.quietMinutes),
  RULES_CHARGING_CLEAR_MINUTES: z.coerce.number().min(0).max(24 * 60).default(defaultThresholds.deepDischargeChargingClearMinutes),
  RULES_FAMILY_NOTICES_PER_DAY: z.coerce.number().int().min(0).max(100).default(defaultThresholds.familyNoticesPerDay),
  RULES_WEAR_LEAD_DAYS: z.coerce.number().int().min(0).max(730).default(defaultThresholds.wearLeadDays),
};

const telemetrySchema = z.object({ ...baseEnv, ...telemetryEnv });

/** What the bridge needs: the shared settings plus broker, bridge and rules settings. */
export interface TelemetryConfig {
  dataDir: string;
  /** The SQLite file (with SQLite: the database itself; with PostgreSQL: unused by the data). */
  databaseFile: string;
  /** The engine and where its data is, from DATABASE_URL. */
  database: DatabaseTarget;
  logLevel: LogLevel;
  loginWindowMinutes: number;
  /** The Bearer token /metrics asks for; undefined: /metrics is off (docs/operations.md). */
  metricsToken: string | undefined;
  /** Days raw telemetry samples are kept (core/telemetry/retention.ts). */
  telemetryRawDays: number;
  mqtt: {
    /** Port of the embedded broker; ignored when `url` names an external broker. */
    port: number;
    url: string | undefined;
    username: string;
    password: string | undefined;
    prefix: string;
    /** Unset: the bridge takes `atensi-bridge-<host>-<n>` (firmware-bridge/src/bridge/client-id.ts). */
    clientId: string | undefined;
    sharedGroup: string;
    ackIntervalMs: number;
    /** How often the bridge re-reads a chair's telemetry consent from the database. */
    consentRefreshMs: number;
    /** Refused chair connections per client id per login window before the broker refuses unchecked. */
    authMaxFailures: number;
  };
  demoChairs: number;
  demoChairIntervalS: number;
  /** Maintenance-rule settings that differ from the defaults (docs/maintenance-rules.md). */
  rules: Partial<Thresholds>;
}

/**
 * Parses `env` against `shape`; an empty variable (PORT=) means "not set", not zero or an empty
 * string. Throws a ConfigError that names every bad variable.
 */
export function parseEnv<S extends z.ZodRawShape>(shape: S, env: Record<string, string | undefined>): z.output<z.ZodObject<S>> {
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const result = z.object(shape).safeParse(set);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data as z.output<z.ZodObject<S>>;
}

/** Maps parsed shared and telemetry variables to the TelemetryConfig both processes use. */
export function toTelemetryConfig(e: z.output<typeof telemetrySchema>, cwd: string): TelemetryConfig {
  if (e.MQTT_URL && !e.MQTT_PASSWORD) {
    throw new ConfigError('Invalid configuration:\n  MQTT_PASSWORD: required with MQTT_URL (the bridge\'s own credential)');
  }
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  const database = databaseTarget(e.DATABASE_URL, dataDir, cwd);
  return {
    dataDir,
    databaseFile: database.engine === 'sqlite' ? database.file : path.join(dataDir, DATABASE_FILE),
    database,
    logLevel: e.LOG_LEVEL,
    loginWindowMinutes: e.LOGIN_WINDOW_MINUTES,
    metricsToken: e.METRICS_TOKEN,
    telemetryRawDays: e.TELEMETRY_RAW_DAYS,
    mqtt: {
      port: e.MQTT_PORT,
      url: e.MQTT_URL,
      username: e.MQTT_USERNAME,
      password: e.MQTT_PASSWORD,
      prefix: e.MQTT_TOPIC_PREFIX,
      clientId: e.BRIDGE_CLIENT_ID,
      sharedGroup: e.BRIDGE_SHARED_GROUP,
      ackIntervalMs: e.ACK_INTERVAL_MS,
      consentRefreshMs: e.CONSENT_REFRESH_MS,
      authMaxFailures: e.MQTT_AUTH_MAX_FAILURES,
    },
    demoChairs: e.DEMO_CHAIRS,
    demoChairIntervalS: e.DEMO_CHAIR_INTERVAL_S,
    rules: {
      freshnessMinutes: e.RULES_FRESHNESS_MINUTES,
      quietMinutes: e.RULES_QUIET_MINUTES,
      deepDischargeChargingClearMinutes: e.RULES_CHARGING_CLEAR_MINUTES,
      familyNoticesPerDay: e.RULES_FAMILY_NOTICES_PER_DAY,
      wearLeadDays: e.RULES_WEAR_LEAD_DAYS,
    },
  };
}
