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
    throw new InputError(`${command}: ${(err as Error).message.split('\n')[0]}`);
  }
}
