import { excerpt } from '../../core/excerpt.js';
import { int32Column } from '../derived/number-column.js';

const CAME_WITHOUT = -1;
const NOT_KEPT = -2;

/**
 * The first words of each demand by its row in the DemandTable, for the derived findings to quote
 * when the report ends. Equal quotes are kept once: never more than the distinct texts the duplicate
 * finder keeps anyway, and 4 bytes a demand.
 */
export class DemandQuotes {
  private readonly rows = int32Column();
  private readonly index = new Map<string, number>();
  private readonly quotes: string[] = [];

  /** The next row's text: undefined when its record came without it (read later), null when it was not kept. */
  add(text: string | null | undefined): void {
    if (text === undefined || text === null) {
      this.rows.push(text === null ? NOT_KEPT : CAME_WITHOUT);
      return;
    }
    const quote = excerpt(text);
    let i = this.index.get(quote);
    if (i === undefined) {
      this.index.set(quote, (i = this.quotes.length));
      this.quotes.push(quote);
    }
    this.rows.push(i);
  }

  /** The row's quote: null when its text was not kept, undefined when its record came without it. */
  get(row: number): string | null | undefined {
    const i = this.rows.get(row);
    return i === CAME_WITHOUT ? undefined : i === NOT_KEPT ? null : this.quotes[i];
  }
}
