// The signed-in person's own account: their sessions (devices) and changing their password.
import { z } from 'zod';
import { Id } from './common.ts';

export const deviceKinds = ['phone', 'tablet', 'computer', 'unknown'] as const;
export const DeviceKindOfSession = z.enum(deviceKinds);

export const SessionView = z
  .object({
    id: Id,
    device: z
      .object({
        kind: DeviceKindOfSession,
        browser: z.string().nullable().describe('e.g. Chrome, Firefox, Safari'),
        os: z.string().nullable().describe('e.g. Android, iOS, Windows'),
      })
      .describe('read from the User-Agent the browser sent'),
    createdAt: z.string().describe('when this session signed in'),
    lastSeenAt: z.string().describe('last request, to the minute'),
    current: z.boolean().describe('the session making this request ("this device")'),
  })
  .meta({ id: 'Session' });
export type SessionView = z.infer<typeof SessionView>;

export const SessionList = z.object({ items: z.array(SessionView) });

export const PasswordChanged = z.object({
  ok: z.literal(true),
  endedSessions: z.number().int().describe('other sessions of this account that were ended'),
});
export const SessionsEnded = z.object({ ok: z.literal(true), endedSessions: z.number().int() });
