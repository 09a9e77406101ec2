import { getFileNameLowLevel, type Entry } from 'yauzl';

/** The general purpose flag bit saying an entry's name is UTF-8 (APPNOTE 4.4.4, bit 11). */
const UTF8_FLAG = 0x800;
/** Info-ZIP's Unicode Path extra field: the name in UTF-8, beside the bytes a legacy tool reads. */
const UNICODE_PATH = 0x7075;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const gbk = new TextDecoder('gbk', { fatal: true });

/**
 * Where both read the bytes, which of UTF-8 and GBK does. A GBK ideograph's two bytes are often also a
 * valid UTF-8 character of two bytes (通知 reads as combining marks and Hebrew, 学校 as Cyrillic), which
 * names in UTF-8 seldom hold; accented Latin letters (café) they do, and stay UTF-8.
 */
function readsAsGbk(asUtf8: string, asGbk: string): boolean {
  return /[\u0080-\u00bf\u0250-\u07ff]/u.test(asUtf8) && /^[\x20-\x7e\p{Script=Han}\u3000-\u303f\uff00-\uffef]*$/u.test(asGbk);
}

const decoded = (decoder: typeof utf8, raw: Buffer): string | undefined => {
  try {
    return decoder.decode(raw);
  } catch {
    return undefined; // not this encoding
  }
};

/**
 * An entry's name, decoded as yauzl does (backslashes read as `/`) but not as CP437 whenever the zip
 * states no encoding: Info-ZIP on Linux and macOS's Archive Utility write UTF-8 without the flag, and
 * Chinese Windows zippers write GBK. Bytes valid as UTF-8 are UTF-8 (a CP437 name of accented letters
 * seldom is) unless they read as GBK ideographs instead (readsAsGbk), else GBK when valid, else CP437
 * as the spec says.
 */
export function zipEntryName({ generalPurposeBitFlag: flags, fileNameRaw: raw, extraFields }: Entry): string {
  const stated = (flags & UTF8_FLAG) !== 0 || extraFields.some((f) => f.id === UNICODE_PATH);
  if (!stated) {
    const asUtf8 = decoded(utf8, raw);
    const asGbk = decoded(gbk, raw);
    const name = asUtf8 !== undefined && asGbk !== undefined ? (readsAsGbk(asUtf8, asGbk) ? asGbk : asUtf8) : (asUtf8 ?? asGbk);
    // Backslashes after decoding: a GBK character's second byte may be 0x5C.
    if (name !== undefined) return name.replace(/\\/g, '/');
  }
  return getFileNameLowLevel(flags, raw, extraFields, false);
}
