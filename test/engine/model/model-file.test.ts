import { deflateSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../../src/engine/model/features.js';
import { HIDDEN, K } from '../../../src/engine/model/hashed-mlp.js';
import { encodeModel, loadModel } from '../../../src/engine/model/model-file.js';
import { InputError } from '../../../src/core/errors.js';
import { tempDir } from '../../support/temp-dir.js';

function sample() {
  const embeddings = new Int8Array(FEATURES * HIDDEN);
  for (let i = 0; i < embeddings.length; i += 97) embeddings[i] = (i % 255) - 127;
  return {
    embeddings,
    rowScales: Float32Array.from({ length: FEATURES }, (_, f) => (f % 3) * 0.01),
    hiddenBias: Float32Array.from({ length: HIDDEN }, (_, j) => j / 10),
    outWeights: Float32Array.from({ length: HIDDEN * K }, (_, i) => (i % 7) - 3),
    outBias: Float32Array.from({ length: K }, (_, k) => -k),
    thresholds: {
      zh: { confirm: 0.3, demandConfirm: 0.6, solo: 0.9, soloInDemand: 0.9 },
      en: { confirm: 0.4, demandConfirm: 0.7, solo: 1.01, soloInDemand: 0.8 },
    },
    meta: { corpus: 'abc', seed: 1 },
  };
}

/**
 * The sample model with its JSON header changed (`change` edits it; `opts.header` replaces it whole)
 * and, optionally, other compressed tables, its checksum made anew: a whole file of another shape.
 */
function reheader(change: (h: Record<string, unknown>) => void, opts: { header?: unknown; tables?: Buffer } = {}): Buffer {
  const good = encodeModel(sample());
  const len = good.readUInt32LE(4);
  const header = JSON.parse(good.subarray(8, 8 + len).toString()) as Record<string, unknown>;
  change(header);
  const json = Buffer.from(JSON.stringify('header' in opts ? opts.header : header));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(json.length);
  const body = Buffer.concat([good.subarray(0, 4), size, json, opts.tables ?? good.subarray(8 + len, good.length - 32)]);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

describe('the model file', () => {
  it('reads back what was written', () => {
    const file = join(tempDir(), 'm.model');
    writeFileSync(file, encodeModel(sample()));
    const m = loadModel(file);
    // Compared as bytes: a deep compare of millions of elements takes seconds.
    const bytes = (a: Int8Array | Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    expect(bytes(m.data.embeddings).equals(bytes(sample().embeddings))).toBe(true);
    expect(bytes(m.data.rowScales).equals(bytes(sample().rowScales))).toBe(true);
    expect([...m.data.outWeights]).toEqual([...sample().outWeights]);
    expect([...m.data.hiddenBias]).toEqual([...sample().hiddenBias]);
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

  it('refuses a model of an older format, or without thresholds for each language, asking for npm run train', () => {
    const dir = tempDir();
    const older = join(dir, 'older.model');
    writeFileSync(
      older,
      reheader((h) => ((h.format = 2), (h.thresholds = sample().thresholds.zh))),
    );
    expect(() => loadModel(older)).toThrow(/older\.model: .*format 2, .*this fingertip reads format 4, .*; run npm run train$/);
    const oneLang = join(dir, 'one-language.model');
    writeFileSync(
      oneLang,
      reheader((h) => (h.thresholds = { zh: sample().thresholds.zh })),
    );
    expect(() => loadModel(oneLang)).toThrow(/one-language\.model: .*thresholds per language are missing/);
  });

  it('refuses a whole file whose header or tables are not a model, without reading or inflating past a model', () => {
    const dir = tempDir();
    const cases: Record<string, Buffer> = {
      'null-header.model': reheader(() => {}, { header: null }),
      'no-outputs.model': reheader((h) => {
        delete h.outputs;
      }),
      'text-biases.model': reheader((h) => (h.hiddenBias = (h.hiddenBias as number[]).map(String))),
      'infinite-threshold.model': reheader((h) => ((h.thresholds as Record<string, Record<string, unknown>>).en.solo = 'Infinity')),
      // 64 MiB of zeros in 64 KB: inflating stops at a model's size.
      'inflate-bomb.model': reheader(() => {}, { tables: deflateSync(Buffer.alloc(64 * 1024 * 1024)) }),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      expect(() => loadModel(file), name).toThrow(
        new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not a usable fingertip model \\([^)]+\\); run npm run train$`),
      );
    }
    expect(() => loadModel(dir)).toThrow(`${dir}: not a usable fingertip model (not a regular file); run npm run train`);
  });

  it('keeps the shipped model small', () => {
    const shipped = readFileSync(join(__dirname, '..', '..', '..', 'models', 'fingertip.model'));
    expect(shipped.length).toBeLessThan(10 * 1024 * 1024);
  });
});
