import { loadConfig } from '../config/load.js';
import { createEngine } from '../../engine/index.js';
import { inputLines, openInput } from '../input.js';
import { MAX_LINE, NOT_UTF8 } from '../../core/read-lines.js';
import { InputError } from '../../core/errors.js';
import { parseJsonLine } from '../../core/json-line.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../context.js';

/** Takes the message id and text of one JSONL line, or says what is wrong with it. */
function parseLine(line: string, where: string, lineNo: number): { id: unknown; text: string } {
  let obj: unknown;
  try {
    obj = parseJsonLine(line);
  } catch {
    throw new InputError(`${where}:${lineNo}: not a JSON object (invalid JSON; for plain text, one message a line, use --text)`);
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw new InputError(`${where}:${lineNo}: not a JSON object`);
  const { id, text } = obj as { id?: unknown; text?: unknown };
  if (typeof text !== 'string') throw new InputError(`${where}:${lineNo}: "text" must be a string`);
  return { id: id ?? lineNo, text };
}

/** `fingertip classify [FILE|-] [--text]`: one JSON result line per input line, in input order. */
export const run: Command = async (argv, ctx) => {
  const { values, positionals } = parseCommandArgs('classify', argv, { text: { type: 'boolean' } });
  if (positionals.length > 1) throw new InputError('classify: takes at most one FILE');
  const config = loadConfig(values.config as string | undefined, ctx.env);
  const engine = createEngine(config.rules, { model: config.model });
  const { stream, name } = openInput(positionals[0], ctx.stdin);
  let out = '';
  const flush = async () => {
    if (!out) return;
    const chunk = out;
    out = '';
    if (!ctx.stdout.write(chunk)) await new Promise((resolve) => ctx.stdout.once('drain', resolve));
  };
  try {
    for await (const { no: n, text: line, tooLong, notUtf8 } of inputLines(stream, name)) {
      if (tooLong) throw new InputError(`${name}:${n}: longer than ${MAX_LINE} bytes, not a chat message`);
      if (notUtf8) throw new InputError(`${name}:${n}: ${NOT_UTF8}`);
      let id: unknown = n;
      let text = line;
      // A blank JSONL line is no message, but still gets its result line (its line number as id, nothing
      // flagged): the contract promises a line out per line in, and scripts pair them by position.
      if (!values.text && line.trim() !== '') ({ id, text } = parseLine(line, name, n));
      // `vetoed` only when the learned stage overruled a rule, as the library gives it: a custom
      // rule whose findings never show can be seen there, with the model's score.
      const { categories, findings, vetoed } = engine.classify(text);
      out += `${JSON.stringify({ id, categories, findings, vetoed })}\n`;
      if (out.length > 65536) await flush();
    }
  } finally {
    // What was classified before a bad line is still written out.
    await flush();
  }
  return 0;
};
