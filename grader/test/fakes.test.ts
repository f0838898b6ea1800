import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { gradeThroughCli, type CliGrade } from './helpers/grade-fixture.ts';
import { repoRoot } from './helpers/processes.ts';

// Verdicts nothing can fake, and no right answer refused: a server that sprays numbers so the
// count is somewhere in its reply, a client that prints every number but reads none, a server
// that strips or never restarts its timer, and, beside them, the replies and outputs that only
// look suspicious (a message echoed with its digits, a client printing its port).
const fake = (name: string) => path.join(repoRoot, 'grader/test/fixtures/fakes', name);
const serverOf = (name: string, file: string) => [fake(name), '--server', path.join(fake(name), file)];
const clientOf = (name: string) => [fake(name), '--client', path.join(fake(name), 'client.py')];

const check = (grade: CliGrade, id: string) => grade.results?.checks.find((c) => c.id === id);
const idsWith = (grade: CliGrade, code: string) => grade.results?.checks.filter((c) => c.diagnoses.includes(code)).map((c) => c.id) ?? [];
const countChecks = ['counts-ascii', 'counts-digits', 'counts-accented', 'counts-cjk', 'counts-emoji', 'counts-padded-message'];

describe.concurrent('a quick grade', () => {
  test('a server replying every number from the byte length down to 0 fails every count, under either rubric', async () => {
    // Written like the lab report's: port 12345 without SO_REUSEADDR, 'localhost', one recv(1024).
    for (const rubric of ['kit', 'classic']) {
      const grade = await gradeThroughCli(fake('number-spray'), [...serverOf('number-spray', 'server.py').slice(1), '--quick', '--rubric', rubric]);
      expect(grade.exitCode, grade.stderr).toBe(1);
      expect(grade.results?.passed).toBe(false);
      expect(idsWith(grade, 'ambiguous-reply')).toEqual(expect.arrayContaining(countChecks));
      expect(grade.stdout).toMatch(/the reply names these numbers: \d+, \d+, /);
    }
  });

  test('a server replying one number per line fails, and says which numbers it named', async () => {
    const grade = await gradeThroughCli(fake('number-spray-lines'), [...serverOf('number-spray-lines', 'server.js').slice(1), '--quick']);
    expect(grade.results?.passed).toBe(false);
    expect(grade.codes).toEqual(['ambiguous-reply']);
  });

  test('a server that never reads the message fails under the classic rubric too', async () => {
    const grade = await gradeThroughCli(fake('never-reads'), [...serverOf('never-reads', 'server.py').slice(1), '--quick', '--rubric', 'classic']);
    expect(grade.results?.passed).toBe(false);
    expect(idsWith(grade, 'ambiguous-reply')).toEqual(expect.arrayContaining(countChecks));
  });

  test('a server that strip()s before counting: counts-stripped fails under kit, is accepted under classic', async () => {
    const args = [...serverOf('strips-message', 'server.py').slice(1), '--quick'];
    const kit = await gradeThroughCli(fake('strips-message'), args);
    expect(kit.codes).toEqual(['counts-stripped']);
    expect(idsWith(kit, 'counts-stripped')).toEqual(['counts-padded-message']);
    expect(check(kit, 'counts-padded-message')?.status).toBe('fail');
    expect(kit.results?.passed).toBe(false);
    const classic = await gradeThroughCli(fake('strips-message'), [...args, '--rubric', 'classic']);
    expect(classic.codes).toEqual(['counts-stripped']);
    expect(check(classic, 'counts-padded-message')?.status).toBe('warn');
    expect(classic.results?.passed).toBe(true);
  });

  test("a Node server answering from once('data') is told the empty message got no reply, not that it crashed", async () => {
    const grade = await gradeThroughCli(fake('once-data'), [...serverOf('once-data', 'server.js').slice(1), '--quick']);
    expect(check(grade, 'counts-empty-message')?.diagnoses).toEqual(['no-reply']);
    expect(grade.stdout).toContain('the server is still running but never answered the empty message');
    expect(grade.codes).not.toContain('crash-on-empty');
  });

  test('a reply that echoes a message of digits beside its count is one count, accepted', async () => {
    const grade = await gradeThroughCli(fake('echoes-digits'), [...serverOf('echoes-digits', 'server.py').slice(1), '--quick']);
    expect(grade.codes).toEqual(['verbose-reply']);
    expect(grade.results?.passed).toBe(true);
  });

  test('a client that prints every number from 0 up, but not the reply alone, fails: client-ambiguous-output', async () => {
    const grade = await gradeThroughCli(fake('number-spray-client'), [...clientOf('number-spray-client').slice(1), '--quick']);
    expect(check(grade, 'client-prints-reply')?.diagnoses).toEqual(['client-ambiguous-output']);
    expect(check(grade, 'client-prints-reply')?.status).toBe('fail');
    expect(grade.results?.passed).toBe(false);
    expect(grade.stdout).toMatch(/besides the reply \(\d+\) the client printed these numbers: 0, 1, 2, .*, … \(\d+ in all\)/);
  });

  test('a client that prints the host, the port and the message beside the reply prints one count', async () => {
    const grade = await gradeThroughCli(fake('prints-port-and-echo'), [...clientOf('prints-port-and-echo').slice(1), '--quick']);
    expect(check(grade, 'client-prints-reply')?.status).toBe('pass');
    expect(grade.codes).not.toContain('client-ambiguous-output');
  });
});

describe.concurrent('a full grade', () => {
  test.each([
    ['timer-from-start', 'server.ts'],
    ['timer-from-start-python', 'server.py'],
  ])('a server whose idle timer starts once at start-up (%s) gets timeout-not-restarted', { timeout: 120_000 }, async (name, file) => {
    const grade = await gradeThroughCli(fake(name), serverOf(name, file).slice(1));
    expect(check(grade, 'idle-timeout')?.status).toBe('pass');
    expect(check(grade, 'idle-timeout-restarts')?.diagnoses).toEqual(['timeout-not-restarted']);
    expect(grade.codes).toEqual(['timeout-not-restarted']);
    expect(grade.results?.passed).toBe(false);
    expect(grade.stdout).toMatch(/it timed out \d+\.\d+ s after it listened, \d+\.\d+ s after that connection/);
  });
});
