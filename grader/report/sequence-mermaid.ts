import type { Step } from './timeline.ts';
import { timeLabel } from './timeline.ts';

// A connection as a Mermaid sequence diagram, which GitHub draws from a ```mermaid block. A
// message's text runs to the end of its line, and Mermaid reads ; and # in it: every character
// that is not plain is written as Mermaid's entity code (#59; for ;), so a program's bytes stay text.

function entity(text: string): string {
  return text.replace(/[^A-Za-z0-9 .,:'"()\\/_\-+=*·…]/gu, (char) => `#${char.codePointAt(0)};`);
}

export function sequenceMermaid(steps: readonly Step[], names: { readonly grader: string; readonly program: string }): string[] {
  return [
    '```mermaid',
    'sequenceDiagram',
    `  participant G as ${entity(names.grader)}`,
    `  participant P as ${entity(names.program)}`,
    ...steps.map((step) => {
      const label = entity(`${step.signal ? `${step.signal} · ` : ''}${step.label} · ${timeLabel(step.atMs)}`);
      if (step.from === undefined) return `  Note over G,P: ${label}`;
      const arrow = step.signal === 'RST' ? '-x' : step.signal ? '-)' : '->>';
      return step.from === 'grader' ? `  G${arrow}P: ${label}` : `  P${arrow}G: ${label}`;
    }),
    '```',
  ];
}
