// Who may read /metrics, decided once for the API and the bridge's own listener: nobody when
// METRICS_TOKEN is unset (404, as if there were no such path), else only `Authorization: Bearer
// <METRICS_TOKEN>`, compared in constant time (401 otherwise).
import { createHash, timingSafeEqual } from 'node:crypto';

export type MetricsAccess = 'allowed' | 'off' | 'refused';

// Hashing both sides first gives equal lengths, so timingSafeEqual leaks neither the token nor its length.
const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export function metricsAccess(token: string | undefined, authorization: string | undefined): MetricsAccess {
  if (!token) return 'off';
  const m = /^Bearer +(\S+) *$/i.exec(authorization ?? '');
  return m && timingSafeEqual(digest(m[1]!), digest(token)) ? 'allowed' : 'refused';
}
