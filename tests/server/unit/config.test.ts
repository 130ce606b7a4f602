// Configuration is parsed once from an environment map, with defaults, and fails loudly when wrong.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../server/src/config.ts';
import { describeTarget } from '../../../core/db/target.ts';

describe('parseConfig', () => {
  it('gives working defaults for an empty environment', () => {
    expect(parseConfig({}, '/srv/atensi')).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      dataDir: '/srv/atensi/data',
      databaseFile: '/srv/atensi/data/atensi.db',
      demo: undefined,
      logLevel: 'info',
      sessionTtlHours: 14 * 24,
      trustProxy: false,
      publicOrigin: undefined,
      loginMaxAttempts: 10,
      loginWindowMinutes: 15,
      telemetryRawDays: 90,
    });
  });

  it('reads each setting from its variable', () => {
    const config = parseConfig(
      {
        PORT: '8080',
        HOST: '127.0.0.1',
        DATA_DIR: '/var/lib/atensi',
        ATENSI_DEMO: 'false',
        LOG_LEVEL: 'warn',
        SESSION_TTL_HOURS: '8',
        TRUST_PROXY: '1',
        PUBLIC_ORIGIN: 'https://atensi.example',
        LOGIN_MAX_ATTEMPTS: '5',
        LOGIN_WINDOW_MINUTES: '30',
        TELEMETRY_RAW_DAYS: '400',
      },
      '/elsewhere',
    );
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/var/lib/atensi',
      databaseFile: path.join('/var/lib/atensi', 'atensi.db'),
      demo: false,
      logLevel: 'warn',
      sessionTtlHours: 8,
      trustProxy: true,
      publicOrigin: 'https://atensi.example',
      loginMaxAttempts: 5,
      loginWindowMinutes: 30,
      telemetryRawDays: 400,
    });
  });

  it.each([
    ['1', true],
    ['true', true],
    ['0', false],
    ['false', false],
  ])('TRUST_PROXY=%s means %s', (value, expected) => {
    expect(parseConfig({ TRUST_PROXY: value }).trustProxy).toBe(expected);
  });

  it('resolves a relative DATA_DIR against the working directory given', () => {
    expect(parseConfig({ DATA_DIR: 'state/db' }, '/opt/app').dataDir).toBe('/opt/app/state/db');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['TRUST_PROXY', 'yes'],
    ['ATENSI_DEMO', 'maybe'],
    ['LOG_LEVEL', 'verbose'],
    ['PUBLIC_ORIGIN', 'not a url'],
    ['SESSION_TTL_HOURS', '0'],
    ['LOGIN_MAX_ATTEMPTS', '0'],
    ['LOGIN_WINDOW_MINUTES', 'soon'],
    ['TELEMETRY_RAW_DAYS', '0'],
    ['TELEMETRY_RAW_DAYS', '7.5'],
  ])('%s=%s is a ConfigError naming the variable', (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => parseConfig({ [name]: value })).toThrow(new RegExp(`\\b${name}\\b`));
  });

  it('lists every invalid variable at once', () => {
    let error: unknown;
    try {
      parseConfig({ PORT: 'abc', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/PORT/);
    expect((error as Error).message).toMatch(/LOG_LEVEL/);
  });

  describe('isolation from process.env', () => {
    const saved = process.env.PORT;
    afterEach(() => {
      if (saved === undefined) delete process.env.PORT;
      else process.env.PORT = saved;
    });

    it('reads only the map it is given', () => {
      process.env.PORT = '4321';
      expect(parseConfig({}).port).toBe(3000);
    });
  });
});

describe('empty variables', () => {
  it('an empty variable counts as unset, not as zero or an empty string', async () => {
    const { parseConfig } = await import('../../../server/src/config.ts');
    const c = parseConfig({ PORT: '', DATA_DIR: ' ', LOG_LEVEL: '' }, '/srv/atensi');
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe('/srv/atensi/data');
    expect(c.logLevel).toBe('info');
  });

  it('MQTT_URL without the bridge credential is refused', async () => {
    const { ConfigError, parseConfig } = await import('../../../server/src/config.ts');
    expect(() => parseConfig({ MQTT_URL: 'mqtt://broker.example:1883' })).toThrow(ConfigError);
    expect(parseConfig({ MQTT_URL: 'mqtt://broker.example:1883', MQTT_PASSWORD: 'x' }).mqtt.url).toBe('mqtt://broker.example:1883');
  });
});

describe('DATABASE_URL', () => {
  it('unset means SQLite in DATA_DIR', () => {
    expect(parseConfig({ DATA_DIR: '/srv/d' }).database).toEqual({ engine: 'sqlite', file: '/srv/d/atensi.db' });
    expect(parseConfig({ DATA_DIR: '/srv/d', DATABASE_URL: 'file:' }).database).toEqual({ engine: 'sqlite', file: '/srv/d/atensi.db' });
  });

  it('file:PATH names the SQLite file, relative to the working directory', () => {
    const config = parseConfig({ DATA_DIR: '/srv/d', DATABASE_URL: 'file:db/main.db' }, '/opt/atensi');
    expect(config.database).toEqual({ engine: 'sqlite', file: '/opt/atensi/db/main.db' });
    expect(config.databaseFile).toBe('/opt/atensi/db/main.db');
  });

  it.each(['postgresql://atensi:secret@db:5432/atensi', 'postgres://db/atensi?sslmode=require'])('%s means PostgreSQL', (url) => {
    expect(parseConfig({ DATABASE_URL: url }).database).toEqual({ engine: 'postgres', url });
  });

  it.each(['mysql://db/atensi', 'sqlite:///x.db', 'postgresql://', 'db.example:5432'])('refuses %s, naming the accepted forms', (url) => {
    expect(() => parseConfig({ DATABASE_URL: url })).toThrow(/DATABASE_URL: use postgresql:\/\/user:password@host:port\/database .*file:/);
  });

  it('keeps the password out of descriptions', () => {
    expect(describeTarget({ engine: 'postgres', url: 'postgresql://atensi:s3cret@db:5432/atensi' })).toBe('postgresql://atensi:***@db:5432/atensi');
  });
});
