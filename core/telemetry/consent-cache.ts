// Which chairs may report, per chair, cached: a chair with no user, or whose user has an active
// telemetry consent (the shared consent rule, read from the database because the bridge may run in
// its own process). One indexed read per chair per interval keeps the ingest hot path cheap.
import type { Statement } from 'better-sqlite3';
import { consentSqlParams } from '../consent/consent-rule.ts';

export class TelemetryConsentCache {
  private readonly entries = new Map<string, { allowed: boolean; at: number }>();

  constructor(
    private readonly query: Statement,
    private readonly now: () => number,
    private readonly ttlMs: number,
  ) {}

  /** The chairs among these messages' senders that may not report now. */
  refusedIn(messages: readonly { deviceId: string }[]): Set<string> {
    const refused = new Set<string>();
    for (const { deviceId } of messages) if (!refused.has(deviceId) && !this.allowed(deviceId)) refused.add(deviceId);
    return refused;
  }

  allowed(deviceId: string): boolean {
    const now = this.now();
    const cached = this.entries.get(deviceId);
    if (cached && now - cached.at < this.ttlMs) return cached.allowed;
    const row = this.query.get({ deviceId, ...consentSqlParams('telemetry', new Date(now)) }) as { allowed: number } | undefined;
    const allowed = row?.allowed === 1;
    this.entries.set(deviceId, { allowed, at: now });
    return allowed;
  }
}
