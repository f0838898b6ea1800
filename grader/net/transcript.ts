// What the grader's TCP probe did and saw on one connection, as plain data: every byte sent
// and received, with times, so that a report can show a student exactly what happened.

export type TranscriptEventKind =
  | 'connect'
  | 'refused'
  | 'send'
  | 'half-close'
  | 'reset-sent'
  | 'receive'
  | 'server-closed'
  | 'reset'
  | 'write-failed'
  | 'deadline'
  | 'grader-closed'
  | 'client-connected'
  | 'client-half-close'
  | 'client-reset';

export interface TranscriptEvent {
  readonly kind: TranscriptEventKind;
  /** Milliseconds since the connection attempt began. */
  readonly atMs: number;
  /** The bytes sent or received (base64), cut to `shownBytesLimit`. */
  readonly bytesBase64?: string;
  readonly byteLength?: number;
  /** The address connected to, for 'connect'. */
  readonly host?: string;
}

export const shownBytesLimit = 240;

export function bytesEvent(kind: 'send' | 'receive', atMs: number, bytes: Buffer): TranscriptEvent {
  return {
    kind,
    atMs,
    bytesBase64: bytes.subarray(0, shownBytesLimit).toString('base64'),
    byteLength: bytes.length,
  };
}
