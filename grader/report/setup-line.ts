import type { Catalogue } from '../i18n/catalogue.ts';
import type { SetupProblem } from '../setup-error.ts';
import { escapeLine, escapeName } from './escape.ts';

// The one line of a problem that stops the grade (exit status 2). Its facts come from the
// submission (a file's name, where a link leads), from the machine (a process's name) or from
// whoever typed the command: each is shown escaped, so that a link whose target holds "\r" and
// a fake report prints neither. Names are quoted when they are not plain; other facts (a
// value typed, a tool's message) are only escaped, as the message quotes them itself.

const names = new Set<string>(['path', 'file', 'target', 'candidates', 'folders']);

function shown(key: string, value: unknown): unknown {
  const escape = names.has(key) ? (text: string) => escapeName(text) : (text: string) => escapeLine(text);
  if (typeof value === 'string') return escape(value);
  if (Array.isArray(value)) return value.map((item: unknown) => (typeof item === 'string' ? escape(item) : item));
  return value;
}

export function setupLine(text: Catalogue, problem: SetupProblem): string {
  const facts = Object.fromEntries(Object.entries(problem).map(([key, value]) => [key, key === 'kind' ? value : shown(key, value)]));
  return (text.setup[problem.kind] as (p: SetupProblem) => string)(facts as SetupProblem);
}
