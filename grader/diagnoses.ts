// The diagnosis codes of the lab contract (§7). They are a stable interface: instructors count
// them across a class, so codes are only ever added, never renamed.

export const serverCodes = [
  'not-implemented',
  'not-listening',
  'crashed',
  'wrong-count',
  'counts-bytes',
  'counts-utf16',
  'counts-newline',
  'reads-once',
  'decodes-per-segment',
  'truncates-large',
  'waits-for-eof',
  'no-reply',
  'verbose-reply',
  'reply-without-newline',
  'no-close',
  'exits-after-first-client',
  'crash-on-empty',
  'crash-on-disconnect',
  'crash-on-invalid-utf8',
  'blocked-by-idle-client',
  'no-idle-timeout',
  'wrong-idle-timeout',
  'no-timeout-message',
  'timeout-keeps-running',
  'ignores-port-env',
  'ignores-timeout-env',
  'missing-logs',
  'ambiguous-reply',
  'counts-stripped',
  'timeout-not-restarted',
] as const;

export const clientCodes = [
  'client-not-implemented',
  'client-no-connect',
  'client-wrong-message',
  'client-no-terminator',
  'client-counts-locally',
  'client-no-output',
  'client-reads-once',
  'client-ignores-close',
  'client-single-message',
  'client-unhandled-refused',
  'client-hangs-on-silent-server',
  'client-unhandled-timeout',
  'client-crash-on-eof',
  'client-ignores-port-env',
  'end-to-end-fails',
  'client-ambiguous-output',
] as const;

export type ServerCode = (typeof serverCodes)[number];
export type ClientCode = (typeof clientCodes)[number];
export type DiagnosisCode = ServerCode | ClientCode;

// How much a code weighs. An 'accepted' difference keeps the check's points (the reply is
// right, only its form differs); a 'warning' costs the check's points but never fails it; every
// other code fails the check.
export type Severity = 'error' | 'warning' | 'accepted';

const severities: Partial<Record<DiagnosisCode, Severity>> = {
  'verbose-reply': 'accepted',
  'reply-without-newline': 'accepted',
  'ignores-port-env': 'warning',
  'ignores-timeout-env': 'warning',
  'missing-logs': 'warning',
  'client-crash-on-eof': 'warning',
  'client-ignores-port-env': 'warning',
};

export function severityOf(code: DiagnosisCode): Severity {
  return severities[code] ?? 'error';
}

export function isWarningCode(code: DiagnosisCode): boolean {
  return severityOf(code) !== 'error';
}

export const allDiagnosisCodes: readonly DiagnosisCode[] = [...serverCodes, ...clientCodes];

export function isDiagnosisCode(value: string): value is DiagnosisCode {
  return (allDiagnosisCodes as readonly string[]).includes(value);
}
