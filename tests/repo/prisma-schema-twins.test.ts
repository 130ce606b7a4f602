// The PostgreSQL schema (prisma/postgres/schema.prisma) describes the same model as the SQLite one:
// same models, fields, types, optionality, relations, unique keys, indexes and table names.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelDifferences, parseModels } from '../helpers/prisma-models.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const sqlite = fs.readFileSync(path.join(repo, 'prisma/schema.prisma'), 'utf8');
const postgres = fs.readFileSync(path.join(repo, 'prisma/postgres/schema.prisma'), 'utf8');
const names: [string, string] = ['SQLite', 'PostgreSQL'];

/** The SQLite schema with one textual change, which must exist (so a mutation cannot silently miss). */
function mutated(from: string | RegExp, to: string): string {
  const out = sqlite.replace(from, to);
  expect(out).not.toBe(sqlite);
  return out;
}

describe('the two Prisma schemas', () => {
  it('read as the whole model', () => {
    const models = parseModels(sqlite);
    expect(models.size).toBeGreaterThan(40);
    expect(models.get('model Device')?.fields.get('serial')).toBe('String @unique');
    expect(models.get('model TelemetryHourly')?.attributes).toEqual(['@@id([deviceKey, hour])', '@@map("telemetry_hourly")']);
  });

  it('describe the same models, field by field', () => {
    expect(modelDifferences(sqlite, postgres, names)).toEqual([]);
  });

  it('name the engines in their datasources', () => {
    expect(sqlite).toMatch(/datasource db \{\s*provider = "sqlite"/);
    expect(postgres).toMatch(/datasource db \{\s*provider = "postgresql"\s*url\s*= env\("DATABASE_URL"\)/);
  });

  it('have generated clients with the same models (the PostgreSQL client is used as the SQLite type)', () => {
    const require = createRequire(import.meta.url);
    const shape = (m: { models: { name: string; fields: { name: string; type: string; isRequired: boolean; isList: boolean }[] }[] }) =>
      m.models.map((x) => `${x.name}(${x.fields.map((f) => `${f.name}:${f.type}${f.isList ? '[]' : f.isRequired ? '' : '?'}`).join(',')})`).sort();
    const own = require(path.join(repo, 'node_modules/@prisma/client')).Prisma.dmmf.datamodel;
    const pg = require(path.join(repo, 'node_modules/.prisma/pg-client')).Prisma.dmmf.datamodel;
    expect(shape(pg)).toEqual(shape(own));
  });
});

describe('the comparison fails on any difference, naming it', () => {
  it.each([
    ['a unique key dropped', /code\s+String\s+@unique/, 'code String', 'model Centre.code: SQLite `String`, PostgreSQL `String @unique`'],
    ['a field made optional', /\n  city\s+String\n/, '\n  city String?\n', 'model Centre.city: SQLite `String?`, PostgreSQL `String`'],
    ['a type changed', /samples\s+BigInt\s+@default\(0\)/, 'samples Int @default(0)', 'model ChairState.samples: SQLite `Int @default(0)`, PostgreSQL `BigInt @default(0)`'],
    ['an index dropped', /\n  @@index\(\[deviceId, receivedAt\]\)/, '', 'model RejectedMessage @@index([deviceId, receivedAt]) is only in the PostgreSQL schema'],
    ['a field added', /\n  province\s+String\n/, '\n  province String\n  island String\n', 'model Centre.island is only in the SQLite schema'],
    ['a table renamed', '@@map("telemetry_raw")', '@@map("telemetry_samples")', 'model TelemetrySample @@map("telemetry_samples") is only in the SQLite schema'],
  ])('%s', (_what, from, to, expected) => {
    expect(modelDifferences(mutated(from, to), postgres, names)).toContain(expected);
  });

  it('a relation changed', () => {
    const relation = /@relation\(fields: \[centreId\], references: \[id\]\)/;
    expect(sqlite).toMatch(relation);
    const diffs = modelDifferences(mutated(relation, '@relation(fields: [centreId], references: [id], onDelete: Cascade)'), postgres, names);
    expect(diffs.join('\n')).toMatch(/onDelete: Cascade/);
  });

  it('a model missing', () => {
    const diffs = modelDifferences(sqlite, postgres.replace(/\nmodel RuleState \{[\s\S]*?\n\}\n/, '\n'), names);
    expect(diffs).toEqual(['model RuleState is only in the SQLite schema']);
  });

  it('ignores comments and spacing only', () => {
    expect(modelDifferences(sqlite.replace(/\n {2}code\s+String\s+@unique/, '\n  code   String   @unique // the centre code'), postgres, names)).toEqual([]);
  });
});
