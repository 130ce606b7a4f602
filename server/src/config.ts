// Parses the API process's environment once, with Zod; nothing else in the project reads process.env.
import { z } from 'zod';
import { baseEnv, booleanFlag, parseEnv, telemetryEnv, toTelemetryConfig, type TelemetryConfig } from '../../core/config/env.ts';

export { ConfigError } from '../../core/config/env.ts';

export const httpEnv = {
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  ATENSI_DEMO: booleanFlag.optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  TRUST_PROXY: booleanFlag.default(false),
  PUBLIC_ORIGIN: z.url().optional(),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(10),
  TELEMETRY: z.enum(['on', 'off']).default('on'),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  WEBHOOK_ALLOW_PRIVATE: booleanFlag.default(false),
};

/** The API's settings, plus the bridge's, which it uses when it runs the embedded broker and bridge. */
export interface Config extends TelemetryConfig {
  port: number;
  host: string;
  /** undefined: seed demo data only when the database is empty (the default). */
  demo: boolean | undefined;
  sessionTtlHours: number;
  trustProxy: boolean;
  publicOrigin: string | undefined;
  loginMaxAttempts: number;
  /** 'off' runs the HTTP server without broker and bridge (e.g. when the bridge runs as its own process). */
  telemetry: 'on' | 'off';
  /**
   * The outbound webhook: per-attempt timeout, attempts before a delivery is given up, and whether
   * targets on loopback, link-local or private addresses are allowed (an on-premises receiver).
   */
  webhook: { timeoutMs: number; maxAttempts: number; allowPrivate: boolean };
}


export function parseConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const e = parseEnv({ ...baseEnv, ...telemetryEnv, ...httpEnv }, env);
  return {
    ...toTelemetryConfig(e, cwd),
    port: e.PORT,
    host: e.HOST,
    demo: e.ATENSI_DEMO,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    trustProxy: e.TRUST_PROXY,
    publicOrigin: e.PUBLIC_ORIGIN,
    loginMaxAttempts: e.LOGIN_MAX_ATTEMPTS,
    telemetry: e.TELEMETRY,
    webhook: { timeoutMs: e.WEBHOOK_TIMEOUT_MS, maxAttempts: e.WEBHOOK_MAX_ATTEMPTS, allowPrivate: e.WEBHOOK_ALLOW_PRIVATE },
  };
}

/** The configuration of this process, parsed from its environment. */
export function loadConfig(): Config {
  return parseConfig(process.env);
}
