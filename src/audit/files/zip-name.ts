import { getFileNameLowLevel, type Entry } from 'yauzl';

/** The general purpose flag bit saying an entry's name is UTF-8 (APPNOTE 4.4.4, bit 11). */
const UTF8_FLAG = 0x800;
/** Info-ZIP's Unicode Path extra field: the name in UTF-8, beside the bytes a legacy tool reads. */
const UNICODE_PATH = 0x7075;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const gbk = new TextDecoder('gbk', { fatal: true });

/** The script of a character a name written in UTF-8 plausibly holds beyond ASCII, else undefined. */
function plausibleScript(u: number): string | undefined {
  if (u >= 0xa0 && u <= 0xbf) return 'any'; // Latin-1 symbols: · ° £ ©, beside any script
  if (u >= 0xc0 && u <= 0x17f) return 'latin';
  if (u >= 0x386 && u <= 0x3ce) return 'greek';
  if (u >= 0x401 && u <= 0x45f) return 'cyrillic';
  if (u >= 0x2000) return 'wide'; // three-byte UTF-8: CJK, punctuation, symbols
  return undefined;
}

/**
 * Where both read the bytes, which of UTF-8 and GBK does. A GBK ideograph's two bytes are often also a
 * valid UTF-8 character of two bytes, and then an unlikely one for a name: a combining mark, Hebrew
 * or Armenian, archaic Cyrillic (通知 reads ֪ͨ, 学校 ѧУ, 医院 ҽԺ), or letters of two scripts. A
 * name in UTF-8 holds letters of one script and common symbols (café·menu, Größe 50°, отчет, Αθήνα).
 */
function readsAsGbk(asUtf8: string, asGbk: string): boolean {
  if (!/^[\x20-\x7e\p{Script=Han}\u3000-\u303f\uff00-\uffef]*$/u.test(asGbk)) return false;
  const scripts = new Set<string>();
  for (const c of asUtf8) {
    const u = c.codePointAt(0)!;
    if (u < 0x80) continue;
    const script = plausibleScript(u);
    if (script === undefined) return true;
    if (script !== 'any') scripts.add(script);
  }
  return scripts.size > 1;
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
