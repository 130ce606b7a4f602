// Sign-in helpers shared by the auth suites: a fresh test email, a password login, a client holding a token.
import { unique } from './fixtures.ts';
import type { Client, Harness } from './harness.ts';

export const newEmail = (what: string) => `${what}.${unique()}@test.atensi.id`;
export const login = (c: Client, email: string, password: string) => c.post('/api/auth/login', { email, password });

/** A plain-HTTP localhost client carrying this session token. */
export function withToken(h: Harness, token: string): Client {
  const c = h.anonymous();
  c.cookie = `atensi_session=${token}`;
  return c;
}
