import type { WechatyOptions } from 'wechaty';
import { InputError } from '../../src/core/errors.js';

/** A constructed wechaty puppet, as WechatyBuilder takes it. */
export type PuppetInstance = Exclude<WechatyOptions['puppet'], string | undefined>;

/**
 * Loads the puppet package by name and constructs it. Puppets are installed by the user, not by
 * fingertip, so a missing one is bad configuration: one line saying what to install, instead of
 * wechaty's own multi-line log and raw import error.
 */
export async function loadPuppet(name: string, options: Record<string, unknown>): Promise<PuppetInstance> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(name)) as Record<string, unknown>;
  } catch (err) {
    throw puppetError(name, err as NodeJS.ErrnoException);
  }
  // ESM puppets export the class as default; CommonJS ones may nest it one level deeper.
  let ctor: unknown = mod.default;
  if (typeof ctor !== 'function' && typeof ctor === 'object' && ctor !== null) ctor = (ctor as Record<string, unknown>).default;
  if (typeof ctor !== 'function') throw new InputError(`adapters.wechaty.puppet: ${name} has no default export of a puppet class`);
  return new (ctor as new (opts: Record<string, unknown>) => PuppetInstance)(options);
}

/** Whether the puppet package can be found, checked before `start` creates a database: the same error as loadPuppet's. */
export function checkPuppet(name: string): void {
  try {
    import.meta.resolve(name);
  } catch (err) {
    throw puppetError(name, err as NodeJS.ErrnoException);
  }
}

function puppetError(name: string, e: NodeJS.ErrnoException): InputError {
  if (e.code === 'ERR_MODULE_NOT_FOUND' && e.message.includes(`'${name}'`)) {
    return new InputError(`adapters.wechaty.puppet: package ${name} is not installed (run: npm install ${name})`);
  }
  return new InputError(`adapters.wechaty.puppet: cannot load ${name}: ${e.message.split('\n')[0]}`);
}
