import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deflateSync, inflateSync } from 'node:zlib';
import { InputError } from '../../util/errors.js';
import { FEATURES, HASH_BITS } from './features.js';
import { K, LinearModel, OUTPUTS, type ModelData } from './linear-model.js';

/**
 * The model file: "FTM1", the header's length (uint32 LE), a JSON header (outputs, thresholds,
 * scales, biases, provenance), the int8 weights deflated, and a SHA-256 of everything before it.
 * Deflate makes the mostly-zero table small enough to keep in the repository; the checksum turns a
 * cut or altered file into a one-line error rather than silently wrong flags.
 */
const MAGIC = Buffer.from('FTM1');
const DIGEST = 32;

interface Header {
  format: 1;
  hashBits: number;
  outputs: string[];
  thresholds: ModelData['thresholds'];
  scales: number[];
  biases: number[];
  meta: ModelData['meta'];
}

export function encodeModel(data: ModelData): Buffer {
  const header: Header = {
    format: 1,
    hashBits: HASH_BITS,
    outputs: [...OUTPUTS],
    thresholds: data.thresholds,
    scales: [...data.scales],
    biases: [...data.biases],
    meta: data.meta,
  };
  const json = Buffer.from(JSON.stringify(header));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length);
  const body = Buffer.concat([MAGIC, len, json, deflateSync(Buffer.from(data.weights.buffer, data.weights.byteOffset, data.weights.length), { level: 9 })]);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

/** Reads a model file; anything wrong with it is an InputError naming the file. */
export function loadModel(path: string): LinearModel {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new InputError(`${path}: cannot read the model file (${(err as NodeJS.ErrnoException).code ?? String(err)}); run npm run train`);
  }
  return new LinearModel(decodeModel(bytes, path));
}

export function decodeModel(bytes: Buffer, path: string): ModelData {
  const bad = (why: string) => new InputError(`${path}: not a usable fingertip model (${why}); run npm run train`);
  if (bytes.length < MAGIC.length + 4 + DIGEST || !bytes.subarray(0, 4).equals(MAGIC)) throw bad('no FTM1 header');
  const body = bytes.subarray(0, bytes.length - DIGEST);
  if (!createHash('sha256').update(body).digest().equals(bytes.subarray(bytes.length - DIGEST))) throw bad('checksum mismatch: the file is cut or altered');
  const hlen = body.readUInt32LE(4);
  if (8 + hlen > body.length) throw bad('header longer than the file');
  let header: Header;
  try {
    header = JSON.parse(body.subarray(8, 8 + hlen).toString('utf8')) as Header;
  } catch {
    throw bad('header is not JSON');
  }
  if (header.format !== 1 || header.hashBits !== HASH_BITS) throw bad(`format ${header.format} with ${header.hashBits} hash bits; this fingertip reads format 1 with ${HASH_BITS}`);
  if (header.outputs.join() !== OUTPUTS.join()) throw bad(`outputs ${header.outputs.join(', ')} differ from this fingertip's categories`);
  let weights: Buffer;
  try {
    weights = inflateSync(body.subarray(8 + hlen));
  } catch {
    throw bad('weights do not inflate');
  }
  if (weights.length !== FEATURES * K) throw bad(`${weights.length} weights, expected ${FEATURES * K}`);
  return {
    weights: new Int8Array(weights.buffer, weights.byteOffset, weights.length),
    scales: Float32Array.from(header.scales),
    biases: Float32Array.from(header.biases),
    thresholds: header.thresholds,
    meta: header.meta,
  };
}
