/**
 * JSON.parse, except that a bare integer of 16 digits or more outside strings is read as a string of
 * its digits: past 2^53 a JSON number loses digits (7263849876543210987 becomes …210000), and WeChat,
 * DingTalk and Feishu ids are such numbers; two messages would share one id. Only a line that holds
 * 16 digits in a row pays for the scan.
 */
export function parseJsonLine(text: string): unknown {
  return JSON.parse(hasSixteenDigits(text) ? quoteLongIntegers(text) : text);
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/**
 * Whether 16 ASCII digits stand in a row (as /\d{16}/ tests, which cost a third of JSON.parse's own
 * time): a unit that is no digit rules out every run through it, so the test looks 16 units ahead
 * and skips to there, reading about one unit in 16 of a line with no long number.
 */
function hasSixteenDigits(text: string): boolean {
  for (let i = 15; i < text.length;) {
    if (!isDigit(text.charCodeAt(i))) {
      i += 16;
      continue;
    }
    // A digit at i: the run through it, back to its start and on to 16 from there.
    let start = i;
    while (start > 0 && start > i - 15 && isDigit(text.charCodeAt(start - 1))) start--;
    let end = i + 1;
    while (end < start + 16 && end < text.length && isDigit(text.charCodeAt(end))) end++;
    if (end - start >= 16) return true;
    i = end + 16;
  }
  return false;
}

function quoteLongIntegers(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      // Skip the string, escapes and all.
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (c !== '-' && (c < '0' || c > '9')) continue;
    let end = i + (c === '-' ? 1 : 0);
    while (end < text.length && text[end] >= '0' && text[end] <= '9') end++;
    const digits = end - i - (c === '-' ? 1 : 0);
    // A fraction or an exponent makes it a measurement, not an id: left as JSON reads it.
    if (digits >= 16 && !/[.eE]/.test(text[end] ?? '')) {
      out += `${text.slice(last, i)}"${text.slice(i, end)}"`;
      last = end;
    }
    i = end - 1;
  }
  return out + text.slice(last);
}
