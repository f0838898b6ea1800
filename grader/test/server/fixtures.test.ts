import { describe, expect, test } from 'vitest';
import { serverChecks } from '../../server/checks/index.ts';
import { codesOf, gradeFolder, serverFixture } from '../helpers/grade-fixture.ts';
import { codesItCanGive } from '../../server/start-failure.ts';
import { unbackedSkips } from '../helpers/skips.ts';

// Any check that needs the shared server again can find it impossible to start again.
const declared = new Map(serverChecks.map((check) => [check.id, codesItCanGive(check)]));

// One small server per mistake, in TypeScript, JavaScript and Python: each must get exactly
// the diagnosis codes of its mistake, and the verdict the kit rubric gives them.
const cases: { fixture: string; codes: string[]; passed: boolean }[] = [
  { fixture: 'correct-python', codes: [], passed: true },
  { fixture: 'correct-js', codes: [], passed: true },
  { fixture: 'listens-on-localhost-ipv6', codes: [], passed: true },
  { fixture: 'counts-bytes', codes: ['counts-bytes'], passed: false },
  { fixture: 'counts-utf16', codes: ['counts-utf16'], passed: false },
  { fixture: 'counts-newline', codes: ['counts-newline'], passed: false },
  { fixture: 'wrong-count', codes: ['wrong-count'], passed: false },
  { fixture: 'reads-once', codes: ['reads-once', 'truncates-large'], passed: false },
  { fixture: 'decodes-per-segment', codes: ['decodes-per-segment'], passed: false },
  { fixture: 'truncates-large', codes: ['truncates-large'], passed: false },
  { fixture: 'waits-for-eof', codes: ['waits-for-eof'], passed: false },
  // The empty message gets no 0 either, and nothing crashed: no-reply there too.
  { fixture: 'no-reply', codes: ['no-reply'], passed: false },
  { fixture: 'verbose-reply', codes: ['verbose-reply'], passed: true },
  { fixture: 'reply-without-newline', codes: ['reply-without-newline'], passed: true },
  { fixture: 'no-close', codes: ['no-close'], passed: false },
  { fixture: 'exits-after-first-client', codes: ['exits-after-first-client'], passed: false },
  { fixture: 'crash-on-empty', codes: ['crash-on-empty'], passed: false },
  { fixture: 'crash-on-disconnect', codes: ['crash-on-disconnect'], passed: false },
  { fixture: 'crash-on-invalid-utf8', codes: ['crash-on-invalid-utf8'], passed: false },
  { fixture: 'crash-on-large', codes: ['crashed'], passed: false },
  // The silent client is worth points but not required by the kit rubric.
  { fixture: 'blocked-by-idle-client', codes: ['blocked-by-idle-client'], passed: true },
  { fixture: 'no-idle-timeout', codes: ['no-idle-timeout'], passed: false },
  { fixture: 'wrong-idle-timeout', codes: ['wrong-idle-timeout'], passed: false },
  { fixture: 'no-timeout-message', codes: ['no-timeout-message'], passed: false },
  { fixture: 'timeout-keeps-running', codes: ['timeout-keeps-running'], passed: false },
  { fixture: 'ignores-timeout-env', codes: ['ignores-timeout-env'], passed: true },
  { fixture: 'missing-logs', codes: ['missing-logs'], passed: true },
  { fixture: 'not-listening', codes: ['not-listening'], passed: false },
  // Mistakes a student reviewer made on purpose, each once blamed on the wrong cause.
  { fixture: 'timer-in-seconds', codes: ['wrong-idle-timeout'], passed: false },
  // Its timer of milliseconds announces the timeout during its first client's exchange: that
  // was taken for a stop without a word (a skip), not for the wrong timeout it is.
  { fixture: 'timer-restarted-by-messages', codes: ['exits-after-first-client', 'wrong-idle-timeout'], passed: false },
  { fixture: 'crashes-on-every-reply', codes: ['crashed'], passed: false },
  { fixture: 'silent-client-stops-server', codes: ['crashed'], passed: true },
  { fixture: 'empty-message-ends-server', codes: ['crash-on-empty'], passed: false },
  { fixture: 'five-second-timeout', codes: ['wrong-idle-timeout'], passed: false },
  // Hard-codes 23456: found on the port it listens on, and graded there.
  { fixture: 'other-port', codes: ['ignores-port-env'], passed: true },
  // Serves clients in turn, but stops (cleanly) when one resets its connection.
  { fixture: 'stops-on-disconnect', codes: ['crash-on-disconnect'], passed: false },
  // Works, but ends with the stub's "exit status 1" lines still in it.
  { fixture: 'stub-lines-left', codes: ['crashed'], passed: false },
];

describe.concurrent('a quick grade of a server with one known mistake', () => {
  test.each(cases)('$fixture gets exactly $codes', async ({ fixture, codes, passed }) => {
    const result = await gradeFolder(serverFixture(fixture));
    expect(codesOf(result)).toEqual([...codes].sort());
    expect(result.passed).toBe(passed);
    expect(result.checks.filter((check) => check.error)).toEqual([]);
    // The catalogue of checks (docs/checks.md) lists what each check can give: it must be true.
    for (const check of result.checks) expect(declared.get(check.id), check.id).toEqual(expect.arrayContaining([...check.diagnoses]));
    // Every skip that points to another check is true of this run.
    expect(unbackedSkips(result.checks)).toEqual([]);
  });
});

test("a server that still has the stub's last lines is told so, with the stub's line shown", async () => {
  const result = await gradeFolder(serverFixture('stub-lines-left'));
  const idle = result.checks.find((check) => check.id === 'idle-timeout');
  expect(idle?.diagnoses).toEqual(['crashed']);
  expect(idle?.evidence.map((e) => e.key)).toContain('stub-lines-left');
  expect(idle?.evidence.map((e) => e.key)).not.toContain('idle-crashed');
  expect(idle?.output.some((line) => line.stream === 'stderr' && line.text.includes('not implemented yet'))).toBe(true);
});
