// Scrubbing a person's identifiers out of related free text and JSON: fragments of 4+ characters
// anywhere, and a short name ("Ani") only where it is a whole value, never inside other words.
import { describe, expect, it } from 'vitest';
import { identifierValues, identifyingStrings, scrubJson, scrubText } from '../../../server/src/privacy/scrub.ts';

const ani = { fullName: 'Ani', phone: '+62 812 1111 2222', address: 'Jl. Melati 3' };

describe('privacy scrub', () => {
  it('finds long identifiers inside text, in any case, and leaves short names to whole-value matches', () => {
    const needles = identifyingStrings(ani);
    expect(needles).toEqual(['+62 812 1111 2222', 'Jl. Melati 3']);
    expect(scrubText('Telepon +62 812 1111 2222 di JL. MELATI 3', needles, '[x]')).toBe('Telepon [x] di [x]');
  });

  it('replaces a JSON value that is exactly a short name, but not the same letters inside other words', () => {
    const json = JSON.stringify({ beneficiary: 'Ani', note: 'Animasi untuk anak', nested: [{ who: ' ani ' }], phone: '+62 812 1111 2222' });
    const out = JSON.parse(scrubJson(json, identifyingStrings(ani), 'Anonim abc123', identifierValues(ani)));
    expect(out).toEqual({ beneficiary: 'Anonim abc123', note: 'Animasi untuk anak', nested: [{ who: 'Anonim abc123' }], phone: 'Anonim abc123' });
    // Without the whole values, a short name would stay: the reason for them.
    expect(JSON.parse(scrubJson(json, identifyingStrings(ani), 'Anonim abc123')).beneficiary).toBe('Ani');
  });
});
