// A submission's text is shown after a prefix of the report's own ("stdout │ "), cut into rows
// that fit the terminal, each row with a prefix. Left to the terminal, a long line would wrap,
// and its rest would start at the left margin, where a program's text ("PASS   3/3 …" after
// 300 spaces) could pass for a line of the report.

/** The width when the terminal's is not known (a file, a pipe): the classic 80 columns. */
export const defaultColumns = 80;
// Below this, rows would hold a few characters each: the terminal is too narrow for the report anyway.
const minTextColumns = 20;

/**
 * The columns text takes, counted high: every character beyond ASCII as two (CJK and emoji take
 * two, nothing takes more), so that a row is never wider than counted, whatever the terminal
 * makes of ambiguous-width characters.
 */
function columnsOf(text: string): number {
  let columns = 0;
  for (const char of text) columns += (char.codePointAt(0) ?? 0) < 0x7f ? 1 : 2;
  return columns;
}

const colourCodes = /\x1b\[[0-9;]*m/g;
// An escape such as \x1b or \u{202e} is never cut between two rows.
const pieces = /\\x[0-9a-f]{2}|\\u\{[0-9a-f]+\}|\\[\s\S]|[\s\S]/gu;

/**
 * `text` (already escaped) after `first`, and where it does not fit in `columns`, on rows after
 * `rest`: cut after a space in the second half of a row, else where the row is full.
 */
export function prefixedRows(first: string, rest: string, text: string, columns: number = defaultColumns): string[] {
  const room = (prefix: string) => Math.max(minTextColumns, columns - columnsOf(prefix.replace(colourCodes, '')));
  const rows: string[] = [];
  let prefix = first;
  let row: string[] = [];
  let used = 0;
  for (const piece of text.match(pieces) ?? []) {
    const width = columnsOf(piece);
    if (row.length > 0 && used + width > room(prefix)) {
      const space = row.lastIndexOf(' ');
      const cut = space >= row.length / 2 ? space + 1 : row.length;
      rows.push(prefix + row.slice(0, cut).join(''));
      prefix = rest;
      row = row.slice(cut);
      used = columnsOf(row.join(''));
    }
    row.push(piece);
    used += width;
  }
  rows.push(prefix + row.join(''));
  return rows;
}
