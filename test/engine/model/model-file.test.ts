import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../../src/engine/model/features.js';
import { K } from '../../../src/engine/model/linear-model.js';
import { encodeModel, loadModel } from '../../../src/engine/model/model-file.js';
import { InputError } from '../../../src/util/errors.js';
import { tempDir } from '../../support/temp-dir.js';

function sample() {
  const weights = new Int8Array(FEATURES * K);
  for (let i = 0; i < weights.length; i += 97) weights[i] = (i % 255) - 127;
  return {
    weights,
    scales: Float32Array.from({ length: K }, (_, k) => 0.01 * (k + 1)),
    biases: Float32Array.from({ length: K }, (_, k) => -k),
    thresholds: { confirm: 0.3, demandConfirm: 0.6, solo: 0.9, soloInDemand: 0.9 },
    meta: { corpus: 'abc', seed: 1 },
  };
}

describe('the model file', () => {
  it('reads back what was written', () => {
    const file = join(tempDir(), 'm.model');
    writeFileSync(file, encodeModel(sample()));
    const m = loadModel(file);
    // Compared as bytes: a deep compare of two million elements takes seconds.
    expect(Buffer.from(m.data.weights.buffer, m.data.weights.byteOffset, m.data.weights.length).equals(Buffer.from(sample().weights.buffer))).toBe(true);
    expect([...m.data.scales]).toEqual([...sample().scales]);
    expect(m.data.thresholds).toEqual(sample().thresholds);
    expect(m.data.meta).toEqual(sample().meta);
  });

  it('refuses a missing, cut, altered or foreign file with one line naming it', () => {
    const dir = tempDir();
    const good = encodeModel(sample());
    const cases: Record<string, Buffer | undefined> = {
      'missing.model': undefined,
      'cut.model': good.subarray(0, good.length - 100),
      'altered.model': Buffer.from(good.map((b, i) => (i === 200 ? b ^ 1 : b))),
      'foreign.model': Buffer.from('{"not": "a model"}'),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      const file = join(dir, name);
      if (bytes) writeFileSync(file, bytes);
      let err: unknown;
      try {
        loadModel(file);
      } catch (e) {
        err = e;
      }
      expect(err, name).toBeInstanceOf(InputError);
      expect((err as Error).message, name).toContain(file);
      expect((err as Error).message, name).not.toContain('\n');
    }
  });

  it('keeps the shipped model small', () => {
    const shipped = readFileSync(join(__dirname, '..', '..', '..', 'models', 'fingertip.model'));
    expect(shipped.length).toBeLessThan(10 * 1024 * 1024);
  });
});
