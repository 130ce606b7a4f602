// The bridge process's configuration, parsed once from its environment: no HTTP settings here.
import { baseEnv, parseEnv, telemetryEnv, toTelemetryConfig, type TelemetryConfig } from '../../core/config/env.ts';

export { ConfigError, type TelemetryConfig as BridgeConfig } from '../../core/config/env.ts';

export function parseBridgeConfig(env: Record<string, string | undefined>, cwd = process.cwd()): TelemetryConfig {
  return toTelemetryConfig(parseEnv({ ...baseEnv, ...telemetryEnv }, env), cwd);
}

/** The configuration of this process, parsed from its environment. */
export function loadBridgeConfig(): TelemetryConfig {
  return parseBridgeConfig(process.env);
}
