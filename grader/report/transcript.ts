import type { Catalogue } from '../i18n/catalogue.ts';
import type { OutputLine } from '../process/output.ts';
import type { LabelledExchange } from '../result.ts';
import type { Colors } from './colors.ts';
import { escapeBytes, escapeLine } from './escape.ts';

// Renders what was said on one connection, and what the program printed, as indented lines.

export function renderExchange(labelled: LabelledExchange, text: Catalogue, c: Colors, indent: string): string[] {
  const lines = [`${indent}${c.bold(text.labels[labelled.label](labelled.n))}`];
  for (const event of labelled.exchange.events) {
    const time = c.dim(`+${event.atMs.toFixed(1)} ms`.padStart(11));
    const what = text.transcript[event.kind];
    let detail = '';
    if (event.bytesBase64 !== undefined) {
      const bytes = Buffer.from(event.bytesBase64, 'base64');
      const size = event.byteLength ?? bytes.length;
      detail = size === 0 ? ` ${text.transcript.empty}` : ` ${escapeBytes(bytes)} ${c.dim(text.transcript.bytes(size))}`;
    }
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
): string[] {
  if (output.length === 0) return [];
  const lines = output.map((line) => `${c.dim(line.stream === 'stderr' ? 'stderr │' : 'stdout │')} ${escapeLine(line.text)}`);
  const key = output.map((line) => `${line.stream}:${line.text}`).join('\n');
  const earlier = shown.get(key);
  if (earlier) return [`${indent}${c.dim(text.report.sameOutput(earlier))}`];
  shown.set(key, checkId);
  return [`${indent}${c.dim(text.report.programOutput)}`, ...lines.map((line) => `${indent}  ${line}`)];
}
