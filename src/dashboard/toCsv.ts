/** Cells a spreadsheet would run as a formula (CSV injection, OWASP). */
const FORMULA = /^[=+\-@\t\r]/;

const quote = (cell: string): string => {
  const safe = FORMULA.test(cell) ? `'${cell}` : cell;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * RFC 4180 CSV with a byte-order mark, so spreadsheet programs read the UTF-8 (é, →) right.
 * Cells are the texts the table shows, hidden counts included as "< 5".
 */
export const toCsv = (columns: string[], rows: string[][]): string =>
  `\uFEFF${[columns, ...rows].map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
