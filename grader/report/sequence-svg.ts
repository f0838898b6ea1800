import { escapeHtml as xml } from './escape.ts';
import type { Step } from './timeline.ts';
import { timeLabel } from './timeline.ts';

// A connection as an inline SVG sequence diagram: the grader's lifeline on the left, the
// program's on the right, one row per step, an arrow for what one sent the other (its label
// above, its time at the left margin), and a note for the grader giving up waiting. Text only
// ever enters as XML-escaped character data: a program's bytes cannot add markup.

const width = 760;
const left = 190;
const right = 600;
const top = 58;
const row = 34;

export interface SvgNames {
  readonly grader: string;
  readonly program: string;
  /** What the picture shows, for a screen reader. */
  readonly title: string;
}

export function sequenceSvg(steps: readonly Step[], names: SvgNames): string {
  const height = top + steps.length * row + 30;
  // Wide enough for the name in 12 px monospace (about 7.3 px a character), and never wider than the gap.
  const head = (x: number, name: string) => {
    const half = Math.min(Math.max(80, ([...name].length * 7.3) / 2 + 12), (right - left) / 2 - 10);
    return `<rect x="${x - half}" y="8" width="${2 * half}" height="28" rx="5" class="actor"/><text x="${x}" y="27" class="actor-name">${xml(name)}</text>` +
    `<line x1="${x}" y1="36" x2="${x}" y2="${height - 10}" class="lifeline"/>`;
  };
  const rows = steps.map((step, i) => {
    const y = top + i * row + 16;
    const time = `<text x="8" y="${y + 4}" class="time">${xml(timeLabel(step.atMs))}</text>`;
    if (step.from === undefined) {
      return `${time}<rect x="${left + 8}" y="${y - 12}" width="${right - left - 16}" height="20" rx="3" class="note"/><text x="${(left + right) / 2}" y="${y + 2}" class="note-text">${xml(step.label)}</text>`;
    }
    const [x1, x2] = step.from === 'grader' ? [left, right] : [right, left];
    const kind = step.signal === 'RST' ? 'rst' : step.signal ? 'signal' : 'data';
    const label = step.signal ? `${step.signal} · ${step.label}` : step.label;
    return `${time}<line x1="${x1}" y1="${y}" x2="${x2 + (x2 > x1 ? -6 : 6)}" y2="${y}" class="arrow ${kind}" marker-end="url(#head-${kind})"/><text x="${(left + right) / 2}" y="${y - 6}" class="label ${kind}">${xml(label)}</text>`;
  });
  const marker = (kind: string) =>
    `<marker id="head-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" class="head ${kind}"/></marker>`;
  return [
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" class="sequence">`,
    `<title>${xml(names.title)}</title>`,
    `<defs>${['data', 'signal', 'rst'].map(marker).join('')}</defs>`,
    head(left, names.grader),
    head(right, names.program),
    ...rows,
    '</svg>',
  ].join('\n');
}
