import { fstatSync, writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';

function isFile(fd: number): boolean {
  try {
    // As BigInts: a plain fstat of a pipe here, before the command's modules load, left Node 20 to load
    // a CommonJS package (yauzl) imported after it with its exports all undefined.
    return fstatSync(fd, { bigint: true }).isFile();
  } catch {
    // Closed (`>&-`): Node's own stream says so when written.
    return false;
  }
}

/**
 * Standard output: as Node opens it, but for a file (`> report.html`) a stream that writes each chunk
 * whole. Node writes a file there synchronously and takes a short write (a disk nearly full, a file
 * size limit) for a whole one, so a report cut short ended with exit 0; writing on after a short write
 * has the system say why it cannot (ENOSPC, EFBIG), as an error of the stream.
 */
export function standardOutput(): Writable {
  if (!isFile(1)) return process.stdout;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      try {
        writeFileSync(1, chunk);
        done();
      } catch (err) {
        done(err as Error);
      }
    },
  });
  // The descriptor, as process.stdout has it: `audit` tells by it where the report goes.
  return Object.assign(stream, { fd: 1 });
}
