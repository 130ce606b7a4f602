// How long counted refusals (failed or throttled sign-ins of people and of chairs) are kept.
/** Aggregate rows of refusals older than this are deleted when new ones are written. */
export const REFUSAL_RETENTION_DAYS = 90;
export const REFUSAL_RETENTION_MS = REFUSAL_RETENTION_DAYS * 86_400_000;
/** Per address, the sign-in and chair-connection limits are this many times the per-key limit. */
export const PER_ADDRESS_FACTOR = 5;
