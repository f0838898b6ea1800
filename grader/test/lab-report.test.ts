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
