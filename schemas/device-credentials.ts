// An electric chair's MQTT credentials issued outside the pathway (a replaced controller, a leaked
// secret): why, and the answer that shows the new secret once.
import { z } from 'zod';
import { Id, IsoDateTime, text } from './common.ts';

export const CredentialReason = z.enum(['controller_replaced', 'secret_leaked', 'secret_lost', 'other']);
export type CredentialReason = z.infer<typeof CredentialReason>;

export const IssueCredentialsBody = z
  .object({
    reason: CredentialReason,
    note: text(500, { multiline: true }).optional(),
  })
  .strict();
export type IssueCredentialsBody = z.infer<typeof IssueCredentialsBody>;

export const DeviceCredentials = z
  .object({
    deviceId: Id,
    username: z.string().describe('the MQTT username, which is also the client id: the device id'),
    clientId: z.string(),
    secret: z.string().describe('shown only in this answer; the previous secret no longer signs in'),
    rotated: z.boolean().describe('true when it replaced a secret the chair had'),
    issuedAt: IsoDateTime,
  })
  .meta({ id: 'DeviceCredentials' });
export type DeviceCredentials = z.infer<typeof DeviceCredentials>;
