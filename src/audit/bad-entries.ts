import { InputError } from '../core/errors.js';

/**
 * Broken entries of an export. By default the first one stops the audit with a one-line InputError
 * naming where it is; with `--skip-bad` each is reported, counted and skipped.
 */
export class BadEntries {
  count = 0;

  constructor(
    private readonly skip: boolean,
    private readonly report: (line: string) => void,
  ) {}

  bad(where: string, reason: string): void {
    if (!this.skip) throw new InputError(`${where}: ${reason}`);
    this.count++;
    this.report(`skipped ${where}: ${reason}`);
  }
}
