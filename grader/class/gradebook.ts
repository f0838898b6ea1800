import type { StudentRow } from './student-grade.ts';

// gradebook.csv: one row per student, as spreadsheets read it. UTF-8 with a byte order mark
// (Excel otherwise guesses a legacy code page and garbles names); "," by default, ";" for the
// Excel locales (Indonesian among them) whose list separator it is, and there the decimal
// comma too. Every field that needs it is quoted; a field starting with = + - @ is prefixed with
// ' so that a student's name cannot become a spreadsheet formula.

export type CsvDelimiter = ',' | ';';

export function renderGradebook(rows: readonly StudentRow[], checkIds: readonly string[], delimiter: CsvDelimiter = ','): string {
  const decimal = (n: number) => (delimiter === ';' ? n.toFixed(1).replace('.', ',') : n.toFixed(1));
  const header = ['student', 'score', 'max_score', 'percent', 'passed', 'status', ...checkIds, 'codes', 'report', 'error'];
  const lines = rows.map((row) => [
    row.student,
    String(row.score),
    String(row.maxScore),
    row.maxScore > 0 ? decimal((100 * row.score) / row.maxScore) : '',
    row.passed ? 'yes' : 'no',
    row.status,
    ...checkIds.map((id) => (row.status === 'graded' ? String(row.points[id] ?? '') : '')),
    row.codes.join(' '),
    row.report ?? '',
    row.reason ?? '',
  ]);
  return `\uFEFF${[header, ...lines].map((fields) => fields.map((field) => csvField(field, delimiter)).join(delimiter)).join('\r\n')}\r\n`;
}

function csvField(value: string, delimiter: CsvDelimiter): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.includes(delimiter) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
