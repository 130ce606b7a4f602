// Liveness and readiness answers: the readiness checks by name, and what each says.
import { z } from 'zod';

/** What /api/health/ready (and the bridge's /health/ready) checks; `broker` only where the bridge runs. */
export const readinessCheckNames = ['database', 'migrations', 'broker'] as const;
export const ReadinessCheckName = z.enum(readinessCheckNames);
export type ReadinessCheckName = z.infer<typeof ReadinessCheckName>;

export const ReadinessChecks = z.partialRecord(ReadinessCheckName, z.enum(['ok', 'failed']));
export type ReadinessChecks = z.infer<typeof ReadinessChecks>;

export const Liveness = z.object({ status: z.literal('ok') }).strict();
export const Readiness = z.object({ status: z.literal('ready'), checks: ReadinessChecks }).strict();
export const HealthDetails = z.object({ status: z.literal('ok'), version: z.string(), uptimeSeconds: z.number() });
