// The two message catalogues: TypeScript already forces the same keys; this checks what it cannot.
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
});
