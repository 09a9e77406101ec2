// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection): evidence text
// comes from chat members, so such cells get a leading apostrophe, which spreadsheets show as text.
const FORMULA = /^[=+\-@\t\r]/;

/** One CSV record (RFC 4180): fields quoted when they hold a comma, quote or line break; CRLF ended. */
export function csvRow(fields: (string | number)[]): string {
  return `${fields
    .map((f) => {
      let s = String(f);
      if (typeof f === 'string' && FORMULA.test(s)) s = `'${s}`;
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',')}\r\n`;
}
