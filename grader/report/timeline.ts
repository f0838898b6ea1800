import type { Catalogue } from '../i18n/catalogue.ts';
import type { Exchange } from '../net/exchange.ts';
import type { TranscriptEventKind } from '../net/transcript.ts';
import type { Part } from '../result.ts';
import { escapeBytes } from './escape.ts';

// One connection as a sequence of steps between the grader and the student's program, for the
// lab report's pictures (sequence-svg.ts, sequence-mermaid.ts): who sent what to whom and when,
// with TCP's own signals named (SYN, FIN, RST). In a server check the grader is the client; in
// a client check it is the server, and the program connects to it.

export type Side = 'grader' | 'program';

export interface Step {
  readonly atMs: number;
  /** Who sent it; undefined for a note on the grader's side (it stopped waiting). */
  readonly from?: Side;
  /** The TCP signal, where there is one. */
  readonly signal?: 'SYN' | 'FIN' | 'RST';
  /** In the report's language, with a program's bytes escaped and quoted. */
  readonly label: string;
}

const fromGrader = new Set<TranscriptEventKind>(['connect', 'send', 'half-close', 'reset-sent', 'grader-closed']);
const fromProgram = new Set<TranscriptEventKind>(['refused', 'receive', 'server-closed', 'reset', 'client-connected', 'client-half-close', 'client-reset']);
const signals: Partial<Record<TranscriptEventKind, Step['signal']>> = {
  connect: 'SYN',
  'client-connected': 'SYN',
  'half-close': 'FIN',
  'server-closed': 'FIN',
  'grader-closed': 'FIN',
  'client-half-close': 'FIN',
  reset: 'RST',
  'reset-sent': 'RST',
  'client-reset': 'RST',
  refused: 'RST',
};
// How much of a message a picture shows; the report's transcript has the rest.
const shownChars = 36;

export function timelineSteps(exchange: Exchange, part: Part, text: Catalogue): Step[] {
  return exchange.events.map((event) => {
    const bytes = event.bytesBase64 === undefined ? undefined : Buffer.from(event.bytesBase64, 'base64');
    // A client check's "send" and "receive" are the grader's as the server: the same directions.
    const from: Side | undefined = fromGrader.has(event.kind) ? 'grader' : fromProgram.has(event.kind) ? 'program' : undefined;
    const label =
      bytes === undefined
        ? event.kind === 'client-connected' || event.kind === 'connect'
          ? text.labReport.connects(part === 'server' ? 'grader' : 'program')
          : text.transcript[event.kind]
        : `${bytes.length === 0 ? text.transcript.empty : escapeBytes(bytes, shownChars)} ${text.transcript.bytes(event.byteLength ?? bytes.length)}`;
    const signal = signals[event.kind];
    return { atMs: event.atMs, ...(from ? { from } : {}), ...(signal ? { signal } : {}), label };
  });
}

/** A time on a picture: milliseconds under a second, else seconds. */
export function timeLabel(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
