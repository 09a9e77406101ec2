import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { listAlternation } from '../../src/engine/code-lists.js';
import { ruleDir } from '../support/rules.js';

/** The one-line error listAlternation gives for `lists/<name>.yaml` written as `yaml` (absent when undefined). */
function refusal(yaml: string | undefined, name = 'words'): Error {
  const dir = ruleDir(yaml === undefined ? { 'lists/other.yaml': 'description: o\nitems: [x]\n' } : { [`lists/${name}.yaml`]: yaml });
  try {
    listAlternation(name, dir);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).not.toContain('\n');
    return err as Error;
  }
  throw new Error('expected a refusal');
}

describe('lists read by code', () => {
  it('gives the items as one alternation, in order', () => {
    const dir = ruleDir({ 'lists/words.yaml': "description: w\nitems: [今晚, 晚, '\\+1', 'tomorrow(?: night)?']\n" });
    expect(listAlternation('words', dir)).toBe('(?:今晚|晚|\\+1|tomorrow(?: night)?)');
  });

  it('reads the built-in lists the extractors use', () => {
    for (const name of [
      'bare-acks',
      'deadline-days-zh',
      'deadline-periods-zh',
      'deadline-days-en',
      'deadline-evening',
      'deadline-weekdays-zh',
      'deadline-weekdays-en',
      'deadline-months-en',
      'deadline-this-week',
      'deadline-next-week',
      'deadline-this-month',
      'deadline-next-month',
    ]) {
      expect(() => new RegExp(listAlternation(name), 'u')).not.toThrow();
    }
  });

  it('refuses a missing file, naming it', () => {
    expect(refusal(undefined).message).toMatch(/lists\/words\.yaml: cannot read \(ENOENT\)$/);
  });

  it('refuses bad YAML and a file that is not a list, naming it', () => {
    expect(refusal('description: w\nitems: [a, b\n').message).toMatch(/lists\/words\.yaml:\d+: invalid YAML/);
    expect(refusal('description: w\nwords: [a]\n').message).toMatch(/lists\/words\.yaml: list: unknown key "words"/);
    expect(refusal('description: w\nitems: [1, 2]\n').message).toMatch(/lists\/words\.yaml: items: expected a list of non-empty strings$/);
  });

  it('refuses an item that is no regular expression, or one that captures, naming file and item', () => {
    expect(refusal("description: w\nitems: [ok, '+1']\n").message).toMatch(/lists\/words\.yaml: items\[1\]: invalid regular expression: /);
    expect(refusal("description: w\nitems: ['tomorrow( night)?']\n").message).toMatch(/lists\/words\.yaml: items\[0\]: a capturing group/);
  });
});
