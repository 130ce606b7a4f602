// Parses the process environment once, with Zod; nothing else in the project reads process.env.
import path from 'node:path';
import { z } from 'zod';
import { defaultThresholds, type Thresholds } from '../../schemas/maintenance-rules.ts';

const booleanFlag = z
  .enum(['0', '1', 'true', 'false'])
  .transform((v) => v === '1' || v === 'true');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  ATENSI_DEMO: booleanFlag.optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  TRUST_PROXY: booleanFlag.default(false),
  PUBLIC_ORIGIN: z.url().optional(),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(10),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  MQTT_PORT: z.coerce.number().int().min(0).max(65535).default(1883),
  MQTT_AUTH_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
  MQTT_URL: z.string().regex(/^(mqtts?|tcp|tls|wss?):\/\/.+/, 'use mqtt://host:port or mqtts://host:port').optional(),
  MQTT_USERNAME: z.string().min(1).max(64).default('atensi-bridge'),
  MQTT_PASSWORD: z.string().min(1).max(200).optional(),
  MQTT_TOPIC_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'letters, digits, - and _').default('atensi'),
  BRIDGE_CLIENT_ID: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).default('atensi-bridge-1'),
  BRIDGE_SHARED_GROUP: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/).default('atensi-bridge'),
  ACK_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
  CONSENT_REFRESH_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  TELEMETRY: z.enum(['on', 'off']).default('on'),
  DEMO_CHAIRS: z.coerce.number().int().min(0).max(1000).default(4),
  DEMO_CHAIR_INTERVAL_S: z.coerce.number().min(0.1).max(3600).default(5),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  WEBHOOK_ALLOW_PRIVATE: booleanFlag.default(false),
  RULES_FRESHNESS_MINUTES: z.coerce.number().min(1).max(24 * 60).default(defaultThresholds.freshnessMinutes),
  RULES_QUIET_MINUTES: z.coerce.number().min(0).max(24 * 60).default(defaultThresholds.quietMinutes),
  RULES_CHARGING_CLEAR_MINUTES: z.coerce.number().min(0).max(24 * 60).default(defaultThresholds.deepDischargeChargingClearMinutes),
  RULES_FAMILY_NOTICES_PER_DAY: z.coerce.number().int().min(0).max(100).default(defaultThresholds.familyNoticesPerDay),
  RULES_WEAR_LEAD_DAYS: z.coerce.number().int().min(0).max(730).default(defaultThresholds.wearLeadDays),
});

export type Env = z.input<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseFile: string;
  /** undefined: seed demo data only when the database is empty (the default). */
  demo: boolean | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  sessionTtlHours: number;
  trustProxy: boolean;
  publicOrigin: string | undefined;
  loginMaxAttempts: number;
  loginWindowMinutes: number;
  mqtt: {
    /** Port of the embedded broker; ignored when `url` names an external broker. */
    port: number;
    url: string | undefined;
    username: string;
    password: string | undefined;
    prefix: string;
    clientId: string;
    sharedGroup: string;
    ackIntervalMs: number;
    /** How often the bridge re-reads a chair's telemetry consent from the database. */
    consentRefreshMs: number;
    /** Refused chair connections per client id per login window before the broker refuses unchecked. */
    authMaxFailures: number;
  };
  /** 'off' runs the HTTP server without broker and bridge (e.g. when the bridge runs as its own process). */
  telemetry: 'on' | 'off';
  demoChairs: number;
  demoChairIntervalS: number;
  /**
   * The outbound webhook: per-attempt timeout, attempts before a delivery is given up, and whether
   * targets on loopback, link-local or private addresses are allowed (an on-premises receiver).
   */
  webhook: { timeoutMs: number; maxAttempts: number; allowPrivate: boolean };
  /** Maintenance-rule settings that differ from the defaults (docs/maintenance-rules.md). */
  rules: Partial<Thresholds>;
}

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  // An empty variable (PORT=) means "not set", not zero or an empty string.
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const result = envSchema.safeParse(set);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = result.data;
  if (e.MQTT_URL && !e.MQTT_PASSWORD) {
    throw new ConfigError('Invalid configuration:\n  MQTT_PASSWORD: required with MQTT_URL (the bridge\'s own credential)');
  }
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseFile: path.join(dataDir, 'atensi.db'),
    demo: e.ATENSI_DEMO,
    logLevel: e.LOG_LEVEL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    trustProxy: e.TRUST_PROXY,
    publicOrigin: e.PUBLIC_ORIGIN,
    loginMaxAttempts: e.LOGIN_MAX_ATTEMPTS,
    loginWindowMinutes: e.LOGIN_WINDOW_MINUTES,
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
    telemetry: e.TELEMETRY,
    demoChairs: e.DEMO_CHAIRS,
    demoChairIntervalS: e.DEMO_CHAIR_INTERVAL_S,
    webhook: { timeoutMs: e.WEBHOOK_TIMEOUT_MS, maxAttempts: e.WEBHOOK_MAX_ATTEMPTS, allowPrivate: e.WEBHOOK_ALLOW_PRIVATE },
    rules: {
      freshnessMinutes: e.RULES_FRESHNESS_MINUTES,
      quietMinutes: e.RULES_QUIET_MINUTES,
      deepDischargeChargingClearMinutes: e.RULES_CHARGING_CLEAR_MINUTES,
      familyNoticesPerDay: e.RULES_FAMILY_NOTICES_PER_DAY,
      wearLeadDays: e.RULES_WEAR_LEAD_DAYS,
    },
  };
}

/** The configuration of this process, parsed from its environment. */
export function loadConfig(): Config {
  return parseConfig(process.env);
}
