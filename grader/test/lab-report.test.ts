import { describe, expect, test } from 'vitest';
import { gradeThroughCli, labReportFixture } from './helpers/grade-fixture.ts';
import { labReportCodes } from './helpers/lab-report-codes.ts';
import { unbackedSkips } from './helpers/skips.ts';

// The lab as it is taught: the lab report's server and client written line by line (port 12345
// hard-coded, 'localhost', no SO_REUSEADDR, one recv(1024), the count of the bytes with no
// newline), and the variants students hand in. Each is graded twice in a row, as a student
// who grades again at once: the second grade must give exactly what the first gave.

describe.concurrent("the lab report's programs, each graded twice in a row", () => {
  test.each(Object.keys(labReportCodes))('%s gets the same codes both times, and no skip says anything untrue', { timeout: 120_000 }, async (name) => {
    for (const attempt of ['first', 'second']) {
      const grade = await gradeThroughCli(labReportFixture(name), ['--quick']);
      expect(grade.exitCode, `${attempt} grade`).toBe(1);
      expect(grade.codes, `${attempt} grade`).toEqual(labReportCodes[name]);
      expect(unbackedSkips(grade.results?.checks ?? []), `${attempt} grade`).toEqual([]);
      // Its own connections never made the grader wait for the port (what other programs left
      // on this machine's port may be noted: the copies ran in networks of their own anyway).
      expect(grade.results?.network?.notes.filter((note) => note.kind === 'time-wait-waited' || note.kind === 'time-wait-outlasted'), `${attempt} grade`).toEqual([]);
      expect(grade.stdout).not.toContain('already in use');
    }
  });
});

test('under classic, what each code weighs is in the results, and the report says which codes it accepts', { timeout: 120_000 }, async () => {
  const grade = await gradeThroughCli(labReportFixture('pair'), ['--quick', '--rubric', 'classic']);
  const severities = Object.assign({}, ...(grade.results?.checks ?? []).map((check) => (check as { severities?: Record<string, string> }).severities));
  expect(severities).toMatchObject({
    'timeout-keeps-running': 'accepted',
    'client-no-terminator': 'accepted',
    'reply-without-newline': 'accepted',
    'ignores-port-env': 'warning',
    'counts-bytes': 'error',
  });
  expect(grade.stdout).toContain('timeout-keeps-running (accepted):');
  expect(grade.stdout).toMatch(/WARN +3\/3 +Sends the typed line/);
  // Under kit, the same client fails: the kit's own server never answers a message with no end.
  const kit = await gradeThroughCli(labReportFixture('client'), ['--quick']);
  expect(kit.results?.checks.find((check) => check.id === 'client-sends-line')?.status).toBe('fail');
});
