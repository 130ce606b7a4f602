// The pathway's labels and messages: every value of the pathway enums and every rule code the
// server returns has words in both languages.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DeviceKind } from '../../../schemas/devices.ts';
import {
  AppointmentType, Cushion, FittingOutcome, FollowUpKind, FundingDecision, OrderSource, Priority, ReferralSource, Trainee, requestStates,
} from '../../../schemas/requests.ts';
import { SupportName } from '../../../schemas/sizing.ts';
import { en } from '../../../web/src/i18n/en.ts';
import { id } from '../../../web/src/i18n/id.ts';
import { ruleMessages } from '../../../web/src/pages/requests/form/form-model.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sources(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : []));
}

describe('pathway catalogue', () => {
  it('labels every pathway enum value in both languages', () => {
    const groups: [string, readonly string[]][] = [
      ['requests.state', requestStates],
      ['requests.action', [...requestStates.filter((s) => s !== 'referred'), 'refit']],
      ['requests.source', ReferralSource.options],
      ['requests.priority', Priority.options],
      ['requests.appointment', AppointmentType.options],
      ['requests.cushion', Cushion.options],
      ['requests.orderSource', OrderSource.options],
      ['requests.kind', DeviceKind.options],
      ['requests.trainee', Trainee.options],
      ['requests.followUpKind', FollowUpKind.options],
      ['requests.outcome', FittingOutcome.options],
      ['requests.decision', FundingDecision.options],
      ['requests.fit', ['good', 'acceptable', 'none']],
      ['requests.support', SupportName.options],
    ];
    const keys = groups.flatMap(([g, values]) => values.map((v) => `${g}.${v}`));
    expect(keys.filter((k) => !(k in id))).toEqual([]);
    expect(keys.filter((k) => !(k in en))).toEqual([]);
  });

  it('words every sizing warning and every rule code the server puts on an issue', () => {
    const files = [...sources(path.join(root, 'server/src/requests')), ...sources(path.join(root, 'server/src/follow-ups'))];
    const text = files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    const warnings = [...text.matchAll(/code: '([a-z_]+)', message/g)].map((m) => m[1]!);
    const rules = [...text.matchAll(/invalidAt\(\[[^\]]*\], '([a-z_]+)'/g), ...text.matchAll(/code: '(training_incomplete)'/g)].map((m) => m[1]!);
    const sizingCodes = fs.readFileSync(path.join(root, 'server/src/requests/sizing.ts'), 'utf8').match(/code: ('[a-z_]+'(?: \| '[a-z_]+')*);/)![1]!.match(/[a-z_]+/g)!;
    expect(rules.length).toBeGreaterThan(10);
    expect(sizingCodes.length).toBeGreaterThanOrEqual(6);
    expect(rules.filter((c) => !ruleMessages[c])).toEqual([]);
    expect([...new Set([...warnings, ...sizingCodes])].filter((c) => !(`requests.warning.${c}` in id) && !ruleMessages[c])).toEqual([]);
  });
});
