// The two message catalogues: TypeScript already forces the same keys; this checks what it cannot.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnosis, Sex, CpType, CpDistribution, SittingLevel, Tone, ShuntType, Side, RiskLevel, ConsentGivenBy, ConsentPurpose, ConsentMethod } from '../../../schemas/beneficiaries.ts';
import { ErrorCode, errorReasons, roles } from '../../../schemas/common.ts';
import { Relationship } from '../../../schemas/users.ts';
import { en } from '../../../web/src/i18n/en.ts';
import { id } from '../../../web/src/i18n/id.ts';

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('have the same keys, no empty messages, and the same {placeholders} in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const [key, message] of Object.entries(id)) {
      const english = en[key as keyof typeof id];
      expect(message.trim(), key).not.toBe('');
      expect(english.trim(), key).not.toBe('');
      expect(placeholders(english), key).toEqual(placeholders(message));
    }
  });

  it('label every value of the API enums a person can see', () => {
    const groups: [string, readonly string[]][] = [
      ['role', roles],
      ['sex', Sex.options],
      ['diagnosis', Diagnosis.options],
      ['cpType', CpType.options],
      ['distribution', CpDistribution.options],
      ['sitting', SittingLevel.options],
      ['tone', Tone.options],
      ['shunt', ShuntType.options],
      ['side', Side.options],
      ['risk', RiskLevel.options],
      ['givenBy', ConsentGivenBy.options],
      ['purpose', ConsentPurpose.options],
      ['method', ConsentMethod.options],
      ['relationship', Relationship.options],
      ['error', [...ErrorCode.options, 'network', 'invalid_response']],
      ['error.reason', errorReasons],
    ];
    const missing = groups.flatMap(([group, values]) => values.map((v) => `${group}.${v}`)).filter((key) => !(key in id));
    expect(missing).toEqual([]);
  });

  it('keep one catalogue per page folder whose keys all start with the folder name, and one of shared words', async () => {
    const i18n = path.resolve(import.meta.dirname, '../../../web/src/i18n');
    const pages = fs.readdirSync(path.resolve(i18n, '../pages'));
    const parts = fs.readdirSync(i18n).filter((f) => /^[a-z-]+\.id\.ts$/.test(f)).map((f) => f.slice(0, -'.id.ts'.length));
    expect(parts).toContain('common');
    const seen: string[] = [];
    for (const part of parts) {
      const camel = part.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
      const words = (await import(path.join(i18n, `${part}.id.ts`)))[`${camel}Id`] as Record<string, string>;
      expect(Object.keys(words).length, part).toBeGreaterThan(0);
      seen.push(...Object.keys(words));
      if (part === 'common') continue;
      expect(pages, part).toContain(part);
      expect(Object.keys(words).filter((key) => !key.startsWith(`${camel}.`)), part).toEqual([]);
    }
    const folderPrefixes = pages.map((p) => p.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()));
    const common = (await import(path.join(i18n, 'common.id.ts'))).commonId as Record<string, string>;
    expect(Object.keys(common).filter((key) => folderPrefixes.includes(key.split('.')[0]!))).toEqual([]);
    expect(seen.sort()).toEqual(Object.keys(id).sort());
  });
});
