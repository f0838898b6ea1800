import { describe, expect, test } from 'vitest';
import { rescore } from '../../score.ts';
import { classicRubric, kitRubric } from '../../rubric.ts';
import { classicFixture, codesOf, gradeFolder } from '../helpers/grade-fixture.ts';

// Python submissions written the way the course's students write them (lab contract §4). Each
// hard-codes a port of its own (12351 and up, for the lab's 12345) so that they can be graded
// side by side. The classic rubric gives the verdict an instructor of the course would; the
// kit rubric still explains every difference (they strip() the message: counts-stripped,
// which the classic rubric accepts).
const cases: { fixture: string; port: number; codes: string[]; classic: boolean }[] = [
  {
    fixture: 'good-server',
    port: 12351,
    codes: ['crash-on-disconnect', 'blocked-by-idle-client', 'counts-stripped', 'crash-on-invalid-utf8', 'decodes-per-segment', 'ignores-port-env', 'ignores-timeout-env', 'reads-once', 'truncates-large', 'verbose-reply'],
    classic: true,
  },
  {
    fixture: 'continue-server',
    port: 12352,
    codes: ['crash-on-disconnect', 'blocked-by-idle-client', 'counts-stripped', 'crash-on-invalid-utf8', 'decodes-per-segment', 'ignores-port-env', 'ignores-timeout-env', 'reads-once', 'timeout-keeps-running', 'truncates-large', 'verbose-reply'],
    classic: true,
  },
  {
    fixture: 'bytes-server',
    port: 12353,
    codes: ['crash-on-disconnect', 'blocked-by-idle-client', 'counts-bytes', 'counts-newline', 'ignores-port-env', 'ignores-timeout-env', 'reads-once', 'reply-without-newline', 'truncates-large'],
    classic: false,
  },
  {
    fixture: 'one-client-server',
    port: 12354,
    codes: ['counts-newline', 'crash-on-invalid-utf8', 'decodes-per-segment', 'exits-after-first-client', 'ignores-port-env', 'reads-once', 'truncates-large', 'verbose-reply'],
    classic: false,
  },
  {
    fixture: 'no-timeout-server',
    port: 12355,
    codes: ['crash-on-disconnect', 'blocked-by-idle-client', 'counts-stripped', 'crash-on-invalid-utf8', 'decodes-per-segment', 'ignores-port-env', 'no-idle-timeout', 'reads-once', 'truncates-large', 'verbose-reply'],
    classic: false,
  },
  {
    fixture: 'good-client',
    port: 12356,
    codes: ['client-hangs-on-silent-server', 'client-ignores-port-env', 'client-no-terminator', 'client-reads-once', 'client-single-message', 'client-unhandled-refused'],
    classic: true,
  },
  {
    fixture: 'loop-client',
    port: 12357,
    codes: ['client-crash-on-eof', 'client-hangs-on-silent-server', 'client-ignores-port-env', 'client-no-terminator', 'client-reads-once', 'client-unhandled-refused'],
    classic: true,
  },
  {
    fixture: 'local-count-client',
    port: 12358,
    codes: ['client-counts-locally', 'client-hangs-on-silent-server', 'client-ignores-port-env', 'client-no-terminator', 'client-single-message', 'client-unhandled-refused'],
    classic: false,
  },
];

describe.concurrent('a classic student submission', () => {
  test.each(cases)('$fixture: classic rubric passed=$classic; kit rubric not passed; codes $codes', async ({ fixture, port, codes, classic }) => {
    const result = await gradeFolder(classicFixture(fixture), { rubric: classicRubric, fixedPort: port });
    expect(codesOf(result)).toEqual([...codes].sort());
    expect(result.rubric).toBe('classic');
    expect(result.passed).toBe(classic);
    const underKit = rescore(result, kitRubric);
    expect(underKit.rubric).toBe('kit');
    expect(underKit.passed).toBe(false);
  });
});
