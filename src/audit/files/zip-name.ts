import { getFileNameLowLevel, type Entry } from 'yauzl';

/** The general purpose flag bit saying an entry's name is UTF-8 (APPNOTE 4.4.4, bit 11). */
const UTF8_FLAG = 0x800;
/** Info-ZIP's Unicode Path extra field: the name in UTF-8, beside the bytes a legacy tool reads. */
const UNICODE_PATH = 0x7075;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const gbk = new TextDecoder('gbk', { fatal: true });

/**
 * An entry's name, decoded as yauzl does (backslashes read as `/`) but not as CP437 whenever the zip
 * states no encoding: Info-ZIP on Linux and macOS's Archive Utility write UTF-8 without the flag, and
 * Chinese Windows zippers write GBK. Bytes valid as UTF-8 are UTF-8 (a CP437 name of accented letters
 * seldom is), else GBK when valid, else CP437 as the spec says.
 */
export function zipEntryName({ generalPurposeBitFlag: flags, fileNameRaw: raw, extraFields }: Entry): string {
  const stated = (flags & UTF8_FLAG) !== 0 || extraFields.some((f) => f.id === UNICODE_PATH);
  if (!stated) {
    // Backslashes after decoding: a GBK character's second byte may be 0x5C.
    for (const decoder of [utf8, gbk]) {
      try {
        return decoder.decode(raw).replace(/\\/g, '/');
      } catch {
        // not this encoding
      }
    }
  }
  return getFileNameLowLevel(flags, raw, extraFields, false);
}
