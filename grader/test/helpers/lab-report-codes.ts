// What a quick grade under the kit rubric finds in each of the lab report's programs
// (grader/test/fixtures/lab-report/), wherever and however often they are graded.

const serverCodes = [
  'blocked-by-idle-client',
  'counts-bytes',
  'counts-newline',
  'crash-on-disconnect',
  'crash-on-invalid-utf8',
  'decodes-per-segment',
  'ignores-port-env',
  'ignores-timeout-env',
  'reads-once',
  'reply-without-newline',
  'timeout-keeps-running',
  'truncates-large',
];
const clientCodes = [
  'client-hangs-on-silent-server',
  'client-ignores-port-env',
  'client-no-terminator',
  'client-reads-once',
  'client-single-message',
  'client-unhandled-refused',
];

export const labReportCodes: Record<string, string[]> = {
  server: serverCodes,
  'bind-any': serverCodes,
  'exits-after-first-client': [
    'counts-bytes',
    'counts-newline',
    'crash-on-invalid-utf8',
    'decodes-per-segment',
    'exits-after-first-client',
    'ignores-port-env',
    'reads-once',
    'reply-without-newline',
    'truncates-large',
  ],
  'no-timeout': [...serverCodes.filter((code) => code !== 'timeout-keeps-running' && code !== 'ignores-timeout-env'), 'no-idle-timeout'].sort(),
  client: clientCodes,
  pair: [...serverCodes, ...clientCodes, 'end-to-end-fails'].sort(),
};
