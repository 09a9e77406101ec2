import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../core/errors.js';

export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** node:util parseArgs (plus --config everywhere) with its errors turned into one-line usage errors. */
export function parseCommandArgs(command: string, argv: string[], options: NonNullable<ParseArgsConfig['options']>): ParsedArgs {
  try {
    return parseArgs({ args: argv, options: { config: { type: 'string' }, ...options }, allowPositionals: true, strict: true });
  } catch (err) {
    // node's own message goes on about '--' for positionals: its first sentence says what is wrong.
    const reason = (err as Error).message.split('\n')[0].split(/\.\s/)[0];
    throw new InputError(`${command}: ${reason} (fingertip ${command} --help lists its options)`);
  }
}
