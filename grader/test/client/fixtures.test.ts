import { describe, expect, test } from 'vitest';
import { clientChecks } from '../../client/checks/index.ts';
import { clientFixture, codesOf, gradeFolder } from '../helpers/grade-fixture.ts';

// One small client per mistake: each must get exactly the codes of its mistake. (The clients
// that need port 12345 are graded in fixed-port.test.ts, one at a time.)
const cases: { fixture: string; codes: string[]; passed: boolean }[] = [
  { fixture: 'correct-python', codes: [], passed: true },
  { fixture: 'correct-js', codes: [], passed: true },
  { fixture: 'client-wrong-message', codes: ['client-wrong-message'], passed: false },
  { fixture: 'client-no-terminator', codes: ['client-no-terminator'], passed: false },
  { fixture: 'client-counts-locally', codes: ['client-counts-locally'], passed: false },
  { fixture: 'client-no-output', codes: ['client-no-output'], passed: false },
  { fixture: 'client-reads-once', codes: ['client-reads-once'], passed: false },
  { fixture: 'client-ignores-close', codes: ['client-ignores-close'], passed: false },
  { fixture: 'client-single-message', codes: ['client-single-message'], passed: false },
  { fixture: 'client-unhandled-refused', codes: ['client-unhandled-refused'], passed: false },
  { fixture: 'client-hangs-on-silent-server', codes: ['client-hangs-on-silent-server'], passed: false },
  { fixture: 'client-unhandled-timeout', codes: ['client-unhandled-timeout'], passed: false },
  { fixture: 'client-crash-on-eof', codes: ['client-crash-on-eof'], passed: true },
  // Works, but ends with the stub's "exit status 1" lines still in it.
  { fixture: 'stub-lines-left', codes: ['client-crash-on-eof'], passed: true },
  // Parses the reply as "Jumlah karakter: N": the plain number makes it crash on its first line.
  { fixture: 'parses-verbose-reply', codes: ['client-crash-on-eof', 'client-no-output', 'client-single-message'], passed: false },
];

const declared = new Map(clientChecks.map((check) => [check.id, check.codes]));

describe.concurrent('a quick grade of a client with one known mistake', () => {
  test.each(cases)('$fixture gets exactly $codes', async ({ fixture, codes, passed }) => {
    const result = await gradeFolder(clientFixture(fixture));
    expect(codesOf(result)).toEqual([...codes].sort());
    expect(result.passed).toBe(passed);
    expect(result.checks.filter((check) => check.error)).toEqual([]);
    for (const check of result.checks) expect(declared.get(check.id), check.id).toEqual(expect.arrayContaining([...check.diagnoses]));
  });
});

test("a client that still has the stub's last lines is told so, with the stub's line shown", async () => {
  const result = await gradeFolder(clientFixture('stub-lines-left'));
  const end = result.checks.find((check) => check.id === 'client-end-of-input');
  expect(end?.diagnoses).toEqual(['client-crash-on-eof']);
  expect(end?.evidence.map((e) => e.key)).toContain('stub-lines-left');
  expect(end?.output.some((line) => line.stream === 'stderr' && line.text.includes('not implemented yet'))).toBe(true);
});

test('a client that crashes parsing the reply is told it got the reply, and that the reply is the number alone', async () => {
  const result = await gradeFolder(clientFixture('parses-verbose-reply'));
  const prints = result.checks.find((check) => check.id === 'client-prints-reply');
  expect(prints?.diagnoses).toEqual(['client-no-output']);
  expect(prints?.evidence.map((e) => e.key)).toContain('crashed-after-reply');
});
