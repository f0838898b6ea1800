import type { Catalogue } from '../i18n/catalogue.ts';
import type { CheckResult, Part } from '../result.ts';
import type { Colors } from './colors.ts';
import { statusLabel, statusWidth, titleLine } from './terminal-check.ts';

// What the live progress shows while a grade runs, as a pure function of what has happened so
// far: on a terminal, a frame redrawn in place (the checks judged or running, in the report's
// order, and a status line); off one, a plain line per check as it is judged.

export interface LiveState {
  readonly startedAtMs: number;
  /** Every check of the grade, in the report's order (empty until the programs are found). */
  readonly planned: readonly { readonly id: string; readonly part: Part }[];
  /** When each check that has started started. */
  readonly started: ReadonlyMap<string, number>;
  readonly judged: ReadonlyMap<string, CheckResult>;
  /** When a check's copy of the server is due to time out, by check. */
  readonly idleDue: ReadonlyMap<string, number>;
}

export interface LivePage {
  readonly text: Catalogue;
  readonly c: Colors;
  readonly columns: number;
  readonly rows: number;
}

const spinner = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏';
const ansi = /\x1b\[[0-9;]*m/g;
const visible = (line: string) => [...line.replace(ansi, '')].length;

/** A check's line, or its id alone where the title would make it wrap. */
function fitted(line: string, short: string, columns: number): string {
  return visible(line) < columns ? line : short;
}

function checkLine(id: string, state: LiveState, page: LivePage): string | undefined {
  const { text, c, columns } = page;
  const judged = state.judged.get(id);
  if (judged) return fitted(titleLine(judged, page), `  ${statusLabel(judged.status, text, c)} ${id}`, columns);
  if (!state.started.has(id)) return undefined;
  const label = c.dim('…'.padEnd(statusWidth(text)));
  return fitted(`  ${label}        ${text.checks[id]?.title ?? id} ${c.dim(`· ${id}`)}`, `  ${label} ${id}`, columns);
}

/** The status line: time, how many judged, what runs now and, while it is awaited, the idle timeout. */
function statusLine(state: LiveState, page: LivePage, nowMs: number): string {
  const { text, columns } = page;
  const seconds = ((nowMs - state.startedAtMs) / 1000).toFixed(1);
  const running = state.planned.filter(({ id }) => state.started.has(id) && !state.judged.has(id)).map(({ id }) => id);
  const turn = spinner[Math.floor(nowMs / 100) % spinner.length];
  if (state.planned.length === 0) return `${turn} ${text.live.preparing(seconds)}`;
  const parts = [`${turn} ${text.live.status(seconds, state.judged.size, state.planned.length)}`];
  const due = running.flatMap((id) => state.idleDue.get(id) ?? []);
  if (due.length > 0) {
    const left = Math.ceil((Math.min(...due) - nowMs) / 1000);
    parts.push(left > 0 ? text.live.idleDue(left) : text.live.idleOverdue(-left));
  }
  if (running.length > 0) parts.push(text.live.running(running.join(', ')));
  const line = parts.join(' · ');
  return [...line].length < columns ? line : `${[...line].slice(0, columns - 2).join('')}…`;
}

/** The frame on a terminal: never taller than the terminal, so that it can be redrawn in place. */
export function liveFrame(state: LiveState, page: LivePage, nowMs: number): string[] {
  const room = Math.max(1, page.rows - 2);
  let lines = state.planned.flatMap(({ id }) => checkLine(id, state, page) ?? []);
  if (lines.length > room) {
    // The passed checks first fold into one line: what failed and what runs are the news.
    const passed = state.planned.filter(({ id }) => state.judged.get(id)?.status === 'pass');
    const others = state.planned.filter(({ id }) => state.judged.get(id)?.status !== 'pass').flatMap(({ id }) => checkLine(id, state, page) ?? []);
    lines = [...(passed.length > 0 ? [`  ${statusLabel('pass', page.text, page.c)} ${page.text.live.passedSoFar(passed.length)}`] : []), ...others];
    // Then the first ones keep their place (the status line names what runs): the rest in a line.
    if (lines.length > room) lines = [...lines.slice(0, room - 1), page.c.dim(`  ${page.text.live.more(lines.length - room + 1)}`)];
  }
  return [...lines, page.c.dim(statusLine(state, page, nowMs))];
}

/** Off a terminal: one line per check as it is judged, with the time since the grade began. */
export function plainLine(check: CheckResult, atMs: number, state: Pick<LiveState, 'startedAtMs'>, page: Pick<LivePage, 'text' | 'c'>): string {
  const seconds = ((atMs - state.startedAtMs) / 1000).toFixed(1).padStart(5);
  return `[${seconds} s]${titleLine(check, page)}`;
}
