import type { Config } from '../core/config.js';

export type Rating = 'green' | 'yellow' | 'red';

/** A group-week's rating, as provinces grade burden: at or above a threshold turns it yellow / red. */
export function rate(personMinutes: number, thresholds: Config['digest']['thresholds']): Rating {
  if (personMinutes >= thresholds.red) return 'red';
  if (personMinutes >= thresholds.yellow) return 'yellow';
  return 'green';
}
