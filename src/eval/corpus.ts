import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { isCategory, type Category } from '../core/categories.js';
import { InputError } from '../core/errors.js';
import { MAX_LINE } from '../core/read-lines.js';
import { brokenUtf8Line } from '../core/utf8-checked.js';

/** One labelled line of a corpus (corpus/README.md). */
export interface CorpusLine {
  id: string;
  lang: string;
  text: string;
  labels: Category[];
  genre?: string;
  hard?: boolean;
  /** Where it came from, as `file:line`, for error messages and reports. */
  where: string;
}

export const SPLITS = ['train', 'dev', 'test'] as const;
export type Split = (typeof SPLITS)[number];

/**
 * Reads a labelled JSONL file. A line that is not JSON, has no text, no `labels` array or an
 * unknown category stops the reading with the file and line: a training run must not quietly
 * learn from a typo.
 */
export function readCorpusFile(path: string, shownAs = path): CorpusLine[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new InputError(`${shownAs}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  // A line in another encoding (GBK, as Chinese Windows saves) would be learned as U+FFFD.
  const broken = brokenUtf8Line(bytes);
  if (broken !== undefined) throw new InputError(`${shownAs}:${broken}: not UTF-8`);
  const text = bytes.toString('utf8');
  const out: CorpusLine[] = [];
  // A byte-order mark, as editors on Windows save UTF-8, is not part of the first line.
  text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .forEach((raw, i) => {
      if (!raw.trim()) return;
      const where = `${shownAs}:${i + 1}`;
      if (Buffer.byteLength(raw) > MAX_LINE) throw new InputError(`${where}: longer than ${MAX_LINE} bytes, not a chat message`);
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        throw new InputError(`${where}: not valid JSON`);
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new InputError(`${where}: not a JSON object`);
      const row = parsed as Record<string, unknown>;
      if (typeof row.text !== 'string' || row.text.trim() === '') throw new InputError(`${where}: no text`);
      if (!Array.isArray(row.labels)) throw new InputError(`${where}: no labels array (use [] for a line that is not flagged)`);
      for (const l of row.labels) if (typeof l !== 'string' || !isCategory(l)) throw new InputError(`${where}: unknown category ${JSON.stringify(l)}`);
      out.push({
        id: typeof row.id === 'string' ? row.id : String(i + 1),
        lang: typeof row.lang === 'string' ? row.lang : 'unknown',
        text: row.text,
        labels: [...new Set(row.labels as Category[])].sort(),
        genre: typeof row.genre === 'string' ? row.genre : undefined,
        hard: row.hard === true,
        where,
      });
    });
  return out;
}

/**
 * The files a pattern names: paths relative to the repository, a trailing `*.jsonl` taking a folder's
 * files. `namedIn` is where the pattern was written (a prefix for the error), so a missing folder is
 * traced to its source.
 */
function expand(root: string, pattern: string, namedIn: string): string[] {
  if (!pattern.endsWith('*.jsonl')) return [join(root, pattern)];
  const dir = join(root, dirname(pattern));
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new InputError(`${namedIn}${pattern}: no such folder`);
  }
  return names
    .filter((n) => n.endsWith('.jsonl'))
    .sort()
    .map((n) => join(dir, n));
}

/** The lines of each split, as corpus/splits.json assigns files (whole rounds) to them. */
export function readSplits(root: string): Record<Split, CorpusLine[]> {
  const file = join(root, 'corpus', 'splits.json');
  let spec: Record<string, string[]>;
  try {
    spec = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>;
  } catch (err) {
    throw new InputError(`corpus/splits.json: ${err instanceof SyntaxError ? 'not valid JSON' : 'cannot read'}`);
  }
  const out = {} as Record<Split, CorpusLine[]>;
  for (const split of SPLITS) {
    if (!Array.isArray(spec[split])) throw new InputError(`corpus/splits.json: no "${split}" list`);
    out[split] = spec[split].flatMap((p) => readPattern(root, p, 'corpus/splits.json: '));
  }
  return out;
}

/** The lines of the files a pattern names (relative to the repository; a trailing `*.jsonl` takes a folder's files). */
export function readPattern(root: string, pattern: string, namedIn = ''): CorpusLine[] {
  return expand(root, pattern, namedIn).flatMap((f) => readCorpusFile(f, relative(root, f)));
}

/** Feature articles, one sentence a line, none a demand (corpus/README.md): scored beside the splits, in none of them. */
export const ARTICLES = 'corpus/articles/*.jsonl';
