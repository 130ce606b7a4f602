// Process logs: pino, one JSON line per event. Callers pass ids and codes; fields that could carry
// personal data (UU PDP) are redacted here as a second line of defence.
import { pino, type DestinationStream } from 'pino';
import type { LogLevel } from '../config/env.ts';

export type { LogLevel } from '../config/env.ts';

export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

/** Field names that name or reach a person, at the top level or one object down. */
const personalFields = ['name', 'fullName', 'email', 'phone', 'password', 'token', 'secret', 'address', 'notes', 'diagnosis', 'description', 'cookie', 'authorization'];
export const redactPaths = personalFields.flatMap((f) => [f, `*.${f}`]);

/** A logger at `level`, writing to stdout or to `write` (tests read the lines). */
export function createLogger(level: LogLevel, write?: (line: string) => void): Logger {
  const destination: DestinationStream | undefined = write ? { write } : undefined;
  const base = pino(
    {
      level,
      base: null,
      messageKey: 'event',
      timestamp: () => `,"t":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactPaths, censor: '[redacted]' },
    },
    destination,
  );
  const emit = (lvl: Exclude<LogLevel, 'silent'>) => (event: string, fields?: Record<string, unknown>) => {
    if (fields) base[lvl](fields, event);
    else base[lvl](event);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
