// The domain through Prisma on a real PostgreSQL (DATABASE_URL=postgresql://…): the demo seed, an
// audited account as `admin:create` makes it, and the access scopes, with the code the API uses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditService } from '../../core/audit/audit.service.ts';
import { systemClock } from '../../core/clock.ts';
import { openDatabase, type AnyDatabase } from '../../core/db/client.ts';
import { migrateDatabase } from '../../core/db/migrate.ts';
import { createLogger } from '../../core/log/logger.ts';
import type { Actor } from '../../server/src/access/actor.ts';
import { findVisible } from '../../server/src/beneficiaries/beneficiaries.service.ts';
import { programmeCentres } from '../../server/src/centres/programme-centres.ts';
import { parseConfig, type Config } from '../../server/src/config.ts';
import { seedDemo } from '../../server/src/demo/seed.ts';
import { findVisibleDevice } from '../../server/src/devices/devices.service.ts';
import { createUser } from '../../server/src/users/users.service.ts';
import { startPostgres, type PostgresCluster } from '../helpers/postgres.ts';

let cluster: PostgresCluster;
let db: AnyDatabase;
let config: Config;
let dir: string;

beforeAll(async () => {
  cluster = await startPostgres();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atensi-pg-domain-'));
  config = parseConfig({ DATA_DIR: dir, DATABASE_URL: await cluster.createDatabase(), LOG_LEVEL: 'silent' });
  await migrateDatabase(config);
  db = openDatabase(config.database);
  await seedDemo(db.prisma, config);
});

afterAll(async () => {
  await db?.close();
  await cluster?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const actorOf = (u: { id: string; role: string; email: string; name: string; centreId: string | null }): Actor =>
  ({ id: u.id, role: u.role as Actor['role'], email: u.email, name: u.name, locale: 'id', centreId: u.centreId, beneficiaryIds: [] });

describe('the domain on PostgreSQL', () => {
  it('opens the PostgreSQL engine that DATABASE_URL names', async () => {
    expect(config.database.engine).toBe('postgres');
    expect(db.engine).toBe('postgres');
    const [row] = await db.prisma.$queryRaw<{ v: string }[]>`SELECT version() AS v`;
    expect(row!.v).toMatch(/^PostgreSQL \d+/);
  });

  it('holds what the demo seed wrote: centres, accounts, people, chairs and their pathways', async () => {
    expect(await db.prisma.centre.count()).toBe(programmeCentres.length);
    expect(await db.prisma.user.count({ where: { role: 'admin' } })).toBe(1);
    expect(await db.prisma.beneficiary.count()).toBeGreaterThan(0);
    expect(await db.prisma.device.count({ where: { mqttSecretHash: { not: null } } })).toBeGreaterThan(0);
    expect(await db.prisma.deviceRequest.count()).toBeGreaterThan(0);
    const creds = JSON.parse(fs.readFileSync(path.join(dir, 'demo-credentials.json'), 'utf8')) as { users: { email: string }[] };
    expect(await db.prisma.user.count({ where: { email: { in: creds.users.map((u) => u.email) } } })).toBe(creds.users.length);
  });

  it('creates an account and its audit row in one transaction, and refuses a second with the same email as SQLite does', async () => {
    const audit = createAuditService(db.prisma, systemClock, createLogger('silent'));
    const body = { email: 'admin2@example.id', name: 'Admin Dua', role: 'admin' as const, locale: 'id' as const };
    const entry = (u: { id: string }) => ({ action: 'user.create', entityType: 'User', entityId: u.id, details: { role: 'admin', via: 'cli' } });
    const user = await audit.change((tx) => createUser(tx, body, null), entry);
    expect(await db.prisma.auditLog.count({ where: { action: 'user.create', entityId: user.id } })).toBe(1);

    // P2002 is what the API's error handler turns into 409.
    await expect(audit.change((tx) => createUser(tx, body, null), entry)).rejects.toMatchObject({ code: 'P2002' });
    // A change whose audit row fails leaves nothing behind.
    const other = { ...body, email: 'admin3@example.id' };
    await expect(audit.change((tx) => createUser(tx, other, null), () => ({ action: 'user.create', details: { unserialisable: 1n } }))).rejects.toThrow();
    expect(await db.prisma.user.count({ where: { email: other.email } })).toBe(0);
  });

  it('counts repeated refusals into one aggregate row', async () => {
    const audit = createAuditService(db.prisma, systemClock, createLogger('silent'));
    const refusal = { action: 'auth.login_refused', details: { reason: 'password' } };
    await Promise.all([1, 2, 3].map(() => audit.recordAggregate(refusal, { key: 'pg-test', windowMs: 60_000 })));
    const rows = await db.prisma.auditLog.findMany({ where: { aggregateKey: { startsWith: 'auth.login_refused|pg-test|' } } });
    expect(rows.map((r) => r.count)).toEqual([3]);
  });

  it('scopes beneficiaries and chairs to the actor’s centre', async () => {
    const [centreA, centreB] = await db.prisma.centre.findMany({ where: { beneficiaries: { some: {} } }, orderBy: { code: 'asc' }, take: 2 });
    const therapistA = actorOf((await db.prisma.user.findFirstOrThrow({ where: { role: 'therapist', centreId: centreA!.id } })));
    const therapistB = actorOf((await db.prisma.user.findFirstOrThrow({ where: { role: 'therapist', centreId: centreB!.id } })));
    const person = await db.prisma.beneficiary.findFirstOrThrow({ where: { centreId: centreA!.id } });
    expect((await findVisible(db.prisma, therapistA, person.id)).fullName).toBe(person.fullName);
    await expect(findVisible(db.prisma, therapistB, person.id)).rejects.toMatchObject({ status: 404 });

    const chair = await db.prisma.device.findFirstOrThrow({ where: { centreId: centreA!.id } });
    expect(await findVisibleDevice(db.prisma, therapistA, chair.id)).toMatchObject({ id: chair.id, centreId: centreA!.id });
    await expect(findVisibleDevice(db.prisma, therapistB, chair.id)).rejects.toMatchObject({ status: 404 });
  });
});
