// The real process as a newcomer runs it: first start seeds demo data, a restart keeps everything,
// and with ATENSI_DEMO=0 nothing is seeded until an admin is created with the CLI.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DemoCredentials } from '../../server/src/demo/seed.ts';
import { run, startServer } from '../helpers/process.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'atensi-e2e-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

async function login(port: number, email: string, password: string) {
  const res = await fetch(`http://localhost:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: `http://localhost:${port}` },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '' };
}

describe('npm start on an empty data directory (demo mode)', () => {
  it('seeds, prints the demo accounts, and keeps all data across a restart', async () => {
    const dir = tempDir();
    const first = await startServer({ DATA_DIR: dir });
    const credsFile = path.join(dir, 'demo-credentials.json');
    const creds = JSON.parse(fs.readFileSync(credsFile, 'utf8')) as DemoCredentials;
    expect(new Set(creds.users.map((u) => u.role))).toEqual(new Set(['admin', 'manager', 'therapist', 'technician', 'family']));
    expect(creds.chairs.length).toBeGreaterThan(0);
    const admin = creds.users.find((u) => u.role === 'admin')!;
    expect(first.output()).toContain(admin.email);
    expect(first.output()).toContain(admin.password);
    expect(fs.existsSync(path.join(dir, 'atensi.db'))).toBe(true);

    const therapist = creds.users.find((u) => u.role === 'therapist')!;
    const session = await login(first.port, therapist.email, therapist.password);
    expect(session.status).toBe(200);
    const created = await fetch(`http://localhost:${first.port}/api/beneficiaries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: `http://localhost:${first.port}`, cookie: session.cookie },
      body: JSON.stringify({
        fullName: 'Restart Survivor',
        birthDate: '2001-02-03',
        sex: 'female',
        address: 'Jl. Tetap No. 1',
        diagnosis: 'cp',
        consent: { givenBy: 'beneficiary', purposes: ['service', 'health_data'], method: 'written', givenAt: '2026-01-05' },
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(await first.stop()).toBe(0);

    const credsBefore = fs.readFileSync(credsFile, 'utf8');
    const second = await startServer({ DATA_DIR: dir });
    try {
      expect(second.output()).not.toContain('Seeding demo data');
      expect(fs.readFileSync(credsFile, 'utf8')).toBe(credsBefore);
      const again = await login(second.port, therapist.email, therapist.password);
      expect(again.status).toBe(200);
      const res = await fetch(`http://localhost:${second.port}/api/beneficiaries/${id}`, { headers: { cookie: again.cookie } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { fullName: string }).fullName).toBe('Restart Survivor');
      // The old session survives the restart too: sessions are stored server-side, not in memory.
      const old = await fetch(`http://localhost:${second.port}/api/me`, { headers: { cookie: session.cookie } });
      expect(old.status).toBe(200);
    } finally {
      await second.stop();
    }
  }, 120_000);
});

describe('ATENSI_DEMO=0', () => {
  it('seeds nothing, has no default account, and admin:create makes the first admin', async () => {
    const dir = tempDir();
    const env = { DATA_DIR: dir, ATENSI_DEMO: '0' };
    const server = await startServer(env);
    try {
      expect(server.output()).toContain('npm run admin:create');
      expect(fs.existsSync(path.join(dir, 'demo-credentials.json'))).toBe(false);
      expect((await login(server.port, 'admin@demo.atensi.id', 'anything-at-all')).status).toBe(401);

      const bad = await run(['server/src/cli/admin-create.ts', '--email', 'not-an-email'], env);
      expect(bad.code).toBe(2);
      const created = await run(['server/src/cli/admin-create.ts', '--email', 'kepala@kemensos.example', '--password-stdin'], env, 'a-long-enough-passphrase\n');
      expect(created.code).toBe(0);
      expect((await login(server.port, 'kepala@kemensos.example', 'a-long-enough-passphrase')).status).toBe(200);
      const dup = await run(['server/src/cli/admin-create.ts', '--email', 'kepala@kemensos.example'], env);
      expect(dup.code).toBe(1);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('refuses to start on invalid configuration with a clear message', async () => {
    const res = await run(['server/src/main.ts'], { DATA_DIR: tempDir(), PORT: 'eighty' });
    expect(res.code).toBe(2);
    expect(res.out).toMatch(/Invalid configuration:\s+PORT/);
  });
});
