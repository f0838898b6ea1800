import type { Catalogue } from '../i18n/catalogue.ts';
import type { OutputLine } from '../process/output.ts';
import type { LabelledExchange } from '../result.ts';
import type { Colors } from './colors.ts';
import { escapeBytes, escapeLine } from './escape.ts';
import { defaultColumns, prefixedRows } from './rows.ts';

// Renders what was said on one connection, and what the program printed, as indented lines.
// What the program sent or printed is escaped, and a long line goes on on rows of its own that
// start with a bar (report/rows.ts), never at the left margin where the report's lines start.

const timeWidth = 11;

export function renderExchange(labelled: LabelledExchange, text: Catalogue, c: Colors, indent: string, columns = defaultColumns): string[] {
  const lines = [`${indent}${c.bold(text.labels[labelled.label](labelled.n))}`];
  const barAfterTime = `${indent}${' '.repeat(timeWidth + 1)}${c.dim('│')} `;
  for (const event of labelled.exchange.events) {
    const time = c.dim(`+${event.atMs.toFixed(1)} ms`.padStart(timeWidth));
    const what = text.transcript[event.kind];
    if (event.bytesBase64 !== undefined && !event.host) {
      const bytes = Buffer.from(event.bytesBase64, 'base64');
      const size = event.byteLength ?? bytes.length;
      if (size > 0) {
        const rows = prefixedRows(`${indent}${time}  ${what} `, barAfterTime, escapeBytes(bytes), columns);
        rows.push(`${rows.pop() ?? ''} ${c.dim(text.transcript.bytes(size))}`);
        lines.push(...rows);
        continue;
      }
    }
    let detail = event.bytesBase64 !== undefined ? ` ${text.transcript.empty}` : '';
    if (event.host) detail = ` ${event.host}`;
    lines.push(`${indent}${time}  ${what}${detail}`);
  }
  return lines;
}

/**
 * The program's last lines. A program that fails the same way in many checks prints the same
 * traceback each time: it is shown once, and later checks point back to it.
 */
export function renderOutput(
  output: readonly OutputLine[],
  text: Catalogue,
  c: Colors,
  indent: string,
  shown: Map<string, string>,
  checkId: string,
  columns = defaultColumns,
): string[] {
  if (output.length === 0) return [];
  const key = output.map((line) => `${line.stream}:${line.text}`).join('\n');
  const earlier = shown.get(key);
  if (earlier) return [`${indent}${c.dim(text.report.sameOutput(earlier))}`];
  shown.set(key, checkId);
  return [`${indent}${c.dim(text.report.programOutput)}`, ...outputRows(output, c, indent, columns)];
}

/** Lines a program printed, escaped, each marked with its stream. */
export function outputRows(output: readonly OutputLine[], c: Colors, indent: string, columns = defaultColumns): string[] {
  const bar = `${indent}  ${c.dim('       │')} `;
  return output.flatMap((line) => prefixedRows(`${indent}  ${c.dim(`${line.stream} │`)} `, bar, escapeLine(line.text), columns));
}
