// The bridge parses only its own configuration: shared, MQTT, bridge and rules variables, never HTTP ones.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseBridgeConfig } from '../../firmware-bridge/src/config.ts';
import { parseConfig } from '../../server/src/config.ts';
import type { TelemetryConfig } from '../../core/config/env.ts';

describe('parseBridgeConfig', () => {
  it('reads the MQTT, bridge and rules variables by name', () => {
    const config = parseBridgeConfig(
      {
        DATA_DIR: '/var/lib/atensi',
        MQTT_URL: 'mqtts://broker.example:8883',
        MQTT_PASSWORD: 'bridge-secret',
        MQTT_AUTH_MAX_FAILURES: '3',
        MQTT_TOPIC_PREFIX: 'bekasi',
        BRIDGE_CLIENT_ID: 'bridge-2',
        ACK_INTERVAL_MS: '500',
        CONSENT_REFRESH_MS: '1000',
        RULES_QUIET_MINUTES: '30',
      },
      '/',
    );
    expect(config).toMatchObject({
      databaseFile: '/var/lib/atensi/atensi.db',
      mqtt: { url: 'mqtts://broker.example:8883', password: 'bridge-secret', authMaxFailures: 3, prefix: 'bekasi', clientId: 'bridge-2', ackIntervalMs: 500, consentRefreshMs: 1000 },
      rules: { quietMinutes: 30 },
    });
  });

  it('does not read HTTP settings: a bad PORT stops the API but not the bridge', () => {
    const env = { PORT: 'not-a-port', SESSION_TTL_HOURS: 'forever', WEBHOOK_TIMEOUT_MS: 'soon' };
    expect(() => parseConfig(env)).toThrow(/PORT/);
    const bridge = parseBridgeConfig(env);
    expect(bridge).not.toHaveProperty('port');
    expect(bridge).not.toHaveProperty('sessionTtlHours');
    expect(bridge).not.toHaveProperty('webhook');
  });

  it('names each bad variable of its own', () => {
    expect(() => parseBridgeConfig({ MQTT_AUTH_MAX_FAILURES: '0', MQTT_TOPIC_PREFIX: 'a/b' })).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/MQTT_AUTH_MAX_FAILURES[\s\S]*MQTT_TOPIC_PREFIX/) }),
    );
    expect(() => parseBridgeConfig({ MQTT_URL: 'mqtt://broker:1883' })).toThrow(ConfigError);
  });

  it('opens its /metrics and /health listener only when BRIDGE_HTTP_PORT is set, and checks it', () => {
    expect(parseBridgeConfig({})).not.toHaveProperty('opsHttp');
    expect(parseBridgeConfig({ BRIDGE_HTTP_PORT: '9464' }).opsHttp).toEqual({ port: 9464, host: '0.0.0.0' });
    expect(parseBridgeConfig({ BRIDGE_HTTP_PORT: '0', BRIDGE_HTTP_HOST: '127.0.0.1' }).opsHttp).toEqual({ port: 0, host: '127.0.0.1' });
    expect(() => parseBridgeConfig({ BRIDGE_HTTP_PORT: '70000' })).toThrow(/BRIDGE_HTTP_PORT/);
  });

  it('takes a METRICS_TOKEN of 16 or more printable characters, and none by default', () => {
    expect(parseBridgeConfig({}).metricsToken).toBeUndefined();
    expect(parseBridgeConfig({ METRICS_TOKEN: 'a-long-scrape-token' }).metricsToken).toBe('a-long-scrape-token');
    expect(() => parseBridgeConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(() => parseConfig({ METRICS_TOKEN: 'has spaces in the token' })).toThrow(/METRICS_TOKEN/);
  });

  it('agrees with the API on every setting both use', () => {
    const env = { DATA_DIR: '/d', LOG_LEVEL: 'warn', MQTT_PORT: '1999', LOGIN_WINDOW_MINUTES: '5', DEMO_CHAIRS: '2', RULES_WEAR_LEAD_DAYS: '30' };
    const api = parseConfig(env, '/');
    const bridge = parseBridgeConfig(env, '/');
    for (const key of Object.keys(bridge) as (keyof TelemetryConfig)[]) expect(api[key]).toEqual(bridge[key]);
  });
});
