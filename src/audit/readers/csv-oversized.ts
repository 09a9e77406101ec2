import { Transform } from 'node:stream';

const CR = 0x0d;
const LF = 0x0a;
const QUOTE = 0x22;
const COMMA = 0x2c;

/**
 * Passes a CSV's bytes on to csv-parse, leaving out each record longer than `max` bytes, which would
 * otherwise be held whole (a 560 MB message is more than a string can be). csv-parse's own
 * `max_record_size`, when it skips a record, drops the rest of the file without a word, so the records
 * are found here, by csv-parse's rules: a field that starts with a quote runs to a quote followed by a
 * comma, a line break or the end ("" within it is a quote); a record ends at a line break outside one.
 * Only the current record is held, so memory stays flat.
 *
 * A record left out is replaced by as many empty lines as it had line breaks inside it, which csv-parse
 * skips while counting them, so the lines it names later rows by stay right; `oversized(line)` is told
 * the line it ends on, as csv-parse names a row. One in the header, without which no row can be read,
 * is an error: `headerTooLong(line)`.
 */
export function csvOversized(max: number, oversized: (line: number) => void, headerTooLong: (line: number) => Error): Transform {
  let quoting = false;
  /** A quote seen inside a quoted field, which the next byte makes an escaped quote or the field's end. */
  let quoteSeen = false;
  let fieldStart = true;
  /** The last byte was a CR that ended a record outside a quoted field: an LF after it is part of the break. */
  let afterCr = false;
  let line = 1;
  let records = 0;
  /** The file's line break, as its header ends (csv-parse's too): what a record left out is replaced by. */
  let lineBreak: Buffer | undefined;
  /** The current record's bytes, and line breaks inside its quoted fields. */
  let size = 0;
  let breaks = 0;
  /** Whether the current record is being left out. */
  let dropping = false;
  /** The current record's bytes from earlier chunks. */
  let held: Buffer[] = [];
  let first = true;

  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const out: Buffer[] = [];
      /** Where the bytes of this chunk not yet passed on or left out start, and the current record. */
      let from = 0;
      let recordStart = 0;
      let i = 0;
      if (first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3; // the BOM of utf-8-sig
      first = false;
      try {
        for (; i < chunk.length; i++) {
          const c = chunk[i];
          let ends = false;
          if (afterCr) {
            afterCr = false;
            lineBreak ??= Buffer.from(c === LF ? '\r\n' : '\r');
            if (c === LF) {
              recordStart = i + 1;
              continue;
            }
          }
          if (quoting) {
            if (quoteSeen) {
              quoteSeen = false;
              if (c === QUOTE) continue;
              if (c === COMMA || c === CR || c === LF) quoting = false;
            } else if (c === QUOTE) {
              quoteSeen = true;
              continue;
            }
          }
          if (quoting) {
            if (c === CR || c === LF) {
              line++;
              breaks++;
            }
          } else if (c === QUOTE && fieldStart) {
            quoting = true;
            fieldStart = false;
          } else if (c === COMMA) {
            fieldStart = true;
          } else if (c === CR || c === LF) {
            ends = true;
            if (c === CR) afterCr = true;
            else lineBreak ??= Buffer.from('\n');
          } else {
            fieldStart = false;
          }
          if (!dropping && ++size > max) {
            if (records === 0) throw headerTooLong(line);
            // The records before it are passed on; it is left out from here to its end.
            if (recordStart > from) out.push(...held, chunk.subarray(from, recordStart));
            held = []; // otherwise its own start
            dropping = true;
          }
          if (!ends) continue;
          if (dropping) {
            oversized(line);
            // Its line break, here, is passed on as it is: one empty line more.
            for (let n = 0; n < breaks; n++) out.push(lineBreak ?? Buffer.from('\n'));
            from = i;
            dropping = false;
          }
          line++;
          records++;
          size = 0;
          breaks = 0;
          fieldStart = true;
          recordStart = i + 1;
        }
      } catch (err) {
        return done(err as Error);
      }
      if (!dropping) {
        // Records that ended here are passed on, the first with its start held from earlier chunks;
        // the current one is held until it ends, or is found too long.
        if (recordStart > from) {
          out.push(...held, chunk.subarray(from, recordStart));
          held = [];
        }
        const start = Math.max(from, recordStart);
        if (start < chunk.length) held.push(Buffer.from(chunk.subarray(start)));
      }
      done(null, Buffer.concat(out));
    },
    flush(done) {
      if (dropping) {
        oversized(line);
        return done();
      }
      done(null, Buffer.concat(held));
    },
  });
}
