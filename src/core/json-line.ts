/**
 * JSON.parse, except that a bare integer of 16 digits or more outside strings is read as a string of
 * its digits: past 2^53 a JSON number loses digits (7263849876543210987 becomes …210000), and WeChat,
 * DingTalk and Feishu ids are such numbers; two messages would share one id. Only a line that holds
 * 16 digits in a row pays for the scan.
 */
export function parseJsonLine(text: string): unknown {
  return JSON.parse(/\d{16}/.test(text) ? quoteLongIntegers(text) : text);
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
