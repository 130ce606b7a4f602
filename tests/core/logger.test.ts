// The process logger (pino): one JSON line per event, personal-data fields redacted at the top level
// and one object down, ids and codes kept, and lines below the configured level dropped.
import { describe, expect, it } from 'vitest';
import { createLogger, type LogLevel } from '../../core/log/logger.ts';

function capture(level: LogLevel) {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger(level, (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  return { log, lines };
}

const personal = {
  email: 'siti.rahayu@contoh.id',
  name: 'Siti Rahayu',
  phone: '+62 812 3456 7890',
  password: 'rahasia-sekali-123',
  token: 'a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwXyZ012345',
};

describe('redaction', () => {
  it('replaces personal-data fields at the top level and keeps ids and codes', () => {
    const { log, lines } = capture('info');
    log.info('user_created', { ...personal, userId: 'cm0user0001', centreId: 'cm0centre001', code: 'BK-PANGUDI-LUHUR', status: 201 });
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    for (const key of Object.keys(personal)) expect(line[key], key).toBe('[redacted]');
    expect(line).toMatchObject({ event: 'user_created', level: 'info', userId: 'cm0user0001', centreId: 'cm0centre001', code: 'BK-PANGUDI-LUHUR', status: 201 });
    const text = JSON.stringify(line);
    for (const value of Object.values(personal)) expect(text).not.toContain(value);
  });

  it('replaces them one object down too, keeping the ids beside them', () => {
    const { log, lines } = capture('info');
    log.warn('webhook_failed', { user: { id: 'cm0user0002', ...personal }, target: { host: 'hooks.contoh.id', email: personal.email } });
    const line = lines[0] as { user: Record<string, unknown>; target: Record<string, unknown> };
    for (const key of Object.keys(personal)) expect(line.user[key], key).toBe('[redacted]');
    expect(line.user.id).toBe('cm0user0002');
    expect(line.target).toEqual({ host: 'hooks.contoh.id', email: '[redacted]' });
    const text = JSON.stringify(line);
    for (const value of Object.values(personal)) expect(text).not.toContain(value);
  });

  it('leaves a line without fields, and fields without personal data, as they are', () => {
    const { log, lines } = capture('debug');
    log.debug('tick');
    log.info('ingest', { deviceId: 'KR-0001', samples: 12, rule: 'battery_low' });
    expect(lines[0]).toMatchObject({ event: 'tick', level: 'debug' });
    expect(lines[1]).toMatchObject({ event: 'ingest', deviceId: 'KR-0001', samples: 12, rule: 'battery_low' });
    expect(typeof lines[1]!.t).toBe('string');
    expect(Number.isNaN(Date.parse(lines[1]!.t as string))).toBe(false);
  });
});

describe('level filter', () => {
  const emitAll = (level: LogLevel) => {
    const { log, lines } = capture(level);
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    return lines.map((l) => `${String(l.level)}:${String(l.event)}`);
  };

  it('writes the configured level and above, nothing below', () => {
    expect(emitAll('debug')).toEqual(['debug:d', 'info:i', 'warn:w', 'error:e']);
    expect(emitAll('info')).toEqual(['info:i', 'warn:w', 'error:e']);
    expect(emitAll('warn')).toEqual(['warn:w', 'error:e']);
    expect(emitAll('error')).toEqual(['error:e']);
  });

  it('writes nothing when silent', () => {
    expect(emitAll('silent')).toEqual([]);
  });
});
