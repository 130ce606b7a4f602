// docs/maintenance-rules.md against the one definition in code: every threshold with its default,
// every rule by its key, every configurable setting by its variable, and nothing the code lacks.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../../firmware-bridge/src/rules/rules.ts';
import { parseConfig } from '../../server/src/config.ts';
import { defaultThresholds } from '../../schemas/maintenance-rules.ts';
import * as workOrderRules from '../../schemas/work-orders.ts';

const page = fs.readFileSync('docs/maintenance-rules.md', 'utf8');
const settings = new Map(
  [...page.matchAll(/^\| `(\w+)` \| ([\d.]+) \| (?:`(\w+)`)? ?\|$/gm)].map((m) => [m[1]!, { value: Number(m[2]), variable: m[3] ?? null }]),
);

describe('docs/maintenance-rules.md', () => {
  it('lists every threshold with the default defined in code, and no other', () => {
    expect([...settings.keys()].sort()).toEqual(Object.keys(defaultThresholds).sort());
    for (const [key, { value }] of settings) expect({ key, value }).toEqual({ key, value: defaultThresholds[key as keyof typeof defaultThresholds] });
  });

  it('names each rule in its table, and every threshold or work-order rule the page cites exists', () => {
    for (const rule of rules) expect(page).toContain(`| \`${rule.key}\` |`);
    const cited = [...page.matchAll(/`([a-z][A-Za-z]+)`/g)].map((m) => m[1]!).filter((w) => /[A-Z]/.test(w) && w !== 'batteryInstalledAt' && w !== 'defaultThresholds');
    // A name in backticks is a threshold, or one of the work-order definitions the page points to.
    const known = [...Object.keys(defaultThresholds), ...Object.keys(workOrderRules)];
    for (const w of cited) expect(known).toContain(w);
  });

  it('each variable it names sets that threshold', () => {
    for (const [key, { variable }] of settings) {
      if (!variable) continue;
      const config = parseConfig({ DATA_DIR: '/tmp/x', [variable]: '7' });
      expect({ key, set: (config.rules as Record<string, number>)[key] }).toEqual({ key, set: 7 });
    }
  });
});
