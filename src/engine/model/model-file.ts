import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { deflateSync, inflateSync } from 'node:zlib';
import { InputError } from '../../core/errors.js';
import { FEATURES, HASH_BITS } from './features.js';
import { HashedMlp, HIDDEN, K, OUTPUTS, type ModelData, type Thresholds } from './hashed-mlp.js';
import { LANGS } from '../../core/lang.js';

const THRESHOLD_KEYS: readonly (keyof Thresholds)[] = ['confirm', 'demandConfirm', 'solo', 'soloInDemand'];
/** The bound on a shipped model; a file past it is not one (a device, a stray archive) and is not read. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** The tables' size once inflated: inflating stops there, so a crafted stream cannot fill memory. */
const TABLE_BYTES = FEATURES * 4 + FEATURES * HIDDEN;

const numbers = (v: unknown, n: number): v is number[] => Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/**
 * The model file: "FTM2", the header's length (uint32 LE), a JSON header (format 4, whose features include the
 * rule packs' signals: shape, thresholds per language, the small layers, provenance), the row scales (float32 LE) and int8 embedding table deflated, and a
 * SHA-256 of everything before it. Rows of features never seen in training are zero, so deflate keeps the file small enough for
 * the repository; the checksum turns a cut or altered file into a one-line error, not wrong flags.
 */
const MAGIC = Buffer.from('FTM2');

const bytesOf = (a: Float32Array | Int8Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const DIGEST = 32;

interface Header {
  format: 4;
  hashBits: number;
  hidden: number;
  outputs: string[];
  thresholds: ModelData['thresholds'];
  hiddenBias: number[];
  outWeights: number[];
  outBias: number[];
  meta: ModelData['meta'];
}

export function encodeModel(data: ModelData): Buffer {
  const header: Header = {
    format: 4,
    hashBits: HASH_BITS,
    hidden: HIDDEN,
    outputs: [...OUTPUTS],
    thresholds: data.thresholds,
    hiddenBias: [...data.hiddenBias],
    outWeights: [...data.outWeights],
    outBias: [...data.outBias],
    meta: data.meta,
  };
  const json = Buffer.from(JSON.stringify(header));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length);
  const body = Buffer.concat([MAGIC, len, json, deflateSync(Buffer.concat([bytesOf(data.rowScales), bytesOf(data.embeddings)]), { level: 9 })]);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

/** Reads a model file; anything wrong with it is an InputError naming the file. */
export function loadModel(path: string): HashedMlp {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new InputError(`${path}: not a usable fingertip model (not a regular file); run npm run train`);
    if (stat.size > MAX_FILE_BYTES)
      throw new InputError(`${path}: not a usable fingertip model (${stat.size} bytes, more than a model's 10 MB); run npm run train`);
    bytes = readFileSync(path);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${path}: cannot read the model file (${(err as NodeJS.ErrnoException).code ?? String(err)}); run npm run train`);
  }
  return new HashedMlp(decodeModel(bytes, path));
}

export function decodeModel(bytes: Buffer, path: string): ModelData {
  const bad = (why: string) => new InputError(`${path}: not a usable fingertip model (${why}); run npm run train`);
  if (bytes.length < MAGIC.length + 4 + DIGEST || !bytes.subarray(0, 4).equals(MAGIC)) throw bad('no FTM2 header');
  const body = bytes.subarray(0, bytes.length - DIGEST);
  if (
    !createHash('sha256')
      .update(body)
      .digest()
      .equals(bytes.subarray(bytes.length - DIGEST))
  )
    throw bad('checksum mismatch: the file is cut or altered');
  const hlen = body.readUInt32LE(4);
  if (8 + hlen > body.length) throw bad('header longer than the file');
  let header: Header;
  try {
    header = JSON.parse(body.subarray(8, 8 + hlen).toString('utf8')) as Header;
  } catch {
    throw bad('header is not JSON');
  }
  // A checksum proves the file is whole, not that whoever wrote it wrote a model: every field is checked.
  if (typeof header !== 'object' || header === null || Array.isArray(header)) throw bad('header is not a JSON object');
  if (header.format !== 4 || header.hashBits !== HASH_BITS || header.hidden !== HIDDEN) {
    throw bad(`format ${header.format}, ${header.hashBits} hash bits, ${header.hidden} hidden units; this fingertip reads format 4, ${HASH_BITS}, ${HIDDEN}`);
  }
  if (!LANGS.every((l) => THRESHOLD_KEYS.every((k) => Number.isFinite(header.thresholds?.[l]?.[k])))) throw bad('thresholds per language are missing');
  if (!Array.isArray(header.outputs) || header.outputs.join() !== OUTPUTS.join())
    throw bad(`outputs ${String(header.outputs)} differ from this fingertip's categories`);
  if (!numbers(header.hiddenBias, HIDDEN) || !numbers(header.outWeights, HIDDEN * K) || !numbers(header.outBias, K))
    throw bad('layers are not finite numbers of the right sizes');
  let table: Buffer;
  try {
    table = inflateSync(body.subarray(8 + hlen), { maxOutputLength: TABLE_BYTES });
  } catch {
    throw bad(`embeddings do not inflate to ${TABLE_BYTES} bytes`);
  }
  if (table.length !== TABLE_BYTES) throw bad(`${table.length} bytes of tables, expected ${TABLE_BYTES}`);
  // Copied out so the float32 row scales are aligned, whatever offset inflate left them at.
  const tables = new Uint8Array(table);
  const rowScales = new Float32Array(tables.buffer, 0, FEATURES);
  if (!rowScales.every(Number.isFinite)) throw bad('row scales are not finite numbers');
  return {
    rowScales,
    embeddings: new Int8Array(tables.buffer, FEATURES * 4, FEATURES * HIDDEN),
    hiddenBias: Float32Array.from(header.hiddenBias),
    outWeights: Float32Array.from(header.outWeights),
    outBias: Float32Array.from(header.outBias),
    thresholds: header.thresholds,
    meta: header.meta,
  };
}
