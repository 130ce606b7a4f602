// The bridge process's configuration, parsed once from its environment: no HTTP settings here
// beyond its own small /metrics and /health listener (BRIDGE_HTTP_PORT; off when unset).
import { z } from 'zod';
import { baseEnv, parseEnv, telemetryEnv, toTelemetryConfig, type TelemetryConfig } from '../../core/config/env.ts';

export { ConfigError } from '../../core/config/env.ts';

export const bridgeEnv = {
  BRIDGE_HTTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  BRIDGE_HTTP_HOST: z.string().min(1).default('0.0.0.0'),
};

export interface BridgeConfig extends TelemetryConfig {
  /** Where the bridge answers /metrics and /health; absent when BRIDGE_HTTP_PORT is unset. */
  opsHttp?: { port: number; host: string };
}

export function parseBridgeConfig(env: Record<string, string | undefined>, cwd = process.cwd()): BridgeConfig {
  const e = parseEnv({ ...baseEnv, ...telemetryEnv, ...bridgeEnv }, env);
  const config: BridgeConfig = toTelemetryConfig(e, cwd);
  if (e.BRIDGE_HTTP_PORT !== undefined) config.opsHttp = { port: e.BRIDGE_HTTP_PORT, host: e.BRIDGE_HTTP_HOST };
  return config;
}

/** The configuration of this process, parsed from its environment. */
export function loadBridgeConfig(): BridgeConfig {
  return parseBridgeConfig(process.env);
}
