import { dirname, resolve } from 'node:path';

/**
 * A path written in a config file, resolved from that file's folder (as ESLint and Docker Compose
 * do), so the config names the same files from any working directory; an absolute path stays as it is.
 */
export function pathFromConfig(configFile: string, value: string): string {
  return resolve(dirname(configFile), value);
}
