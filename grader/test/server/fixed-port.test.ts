import net from 'node:net';
import { describe, expect, test } from 'vitest';
import { clientFixture, codesOf, gradeFolder, runCli, serverFixture } from '../helpers/grade-fixture.ts';
import { stderrBesidesProgress } from '../helpers/progress-lines.ts';

// Servers that hard-code the lab's port 12345 can only be graded one at a time: these tests
// run in turn, and no other test file uses that port.
describe('a server or client that hard-codes port 12345', () => {
  test('is graded on 12345 with the ignores-port-env warning', async () => {
    const result = await gradeFolder(serverFixture('ignores-port-env'));
    expect(codesOf(result)).toEqual(['ignores-port-env']);
    expect(result.passed).toBe(true);
    expect(result.analysis.portSource).toBe('fixed');
  });

  test('written the way the course\'s students write Python gets each of its classic mistakes', async () => {
    const result = await gradeFolder(serverFixture('classic-student'));
    expect(codesOf(result)).toEqual(
      [
        'blocked-by-idle-client',
        'counts-newline',
        'crash-on-disconnect',
        'crash-on-invalid-utf8',
        'decodes-per-segment',
        'ignores-port-env',
        'ignores-timeout-env',
        'reads-once',
        'truncates-large',
        'verbose-reply',
      ].sort(),
    );
    expect(result.passed).toBe(false);
  });

  test('a client that always connects to 12345 is graded there, with the client-ignores-port-env warning', async () => {
    const result = await gradeFolder(clientFixture('client-ignores-port-env'));
    expect(codesOf(result)).toEqual(['client-ignores-port-env']);
    expect(result.passed).toBe(true);
  });

  test('a client that reaches neither PORT nor 12345 gets client-no-connect', async () => {
    const result = await gradeFolder(clientFixture('client-no-connect'));
    expect(codesOf(result)).toEqual(['client-no-connect']);
    expect(result.passed).toBe(false);
  });

  test('is graded in networks of its own when another program holds the port, and the report says so', async () => {
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(12345, '127.0.0.1', resolve));
    try {
      const run = await runCli([serverFixture('ignores-port-env'), '--quick', '--lang', 'en']);
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toContain(`Port 12345 is in use on this machine by another program (node (pid ${process.pid}))`);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  test('is a setup error naming the program that holds the port, where programs cannot have networks of their own', async () => {
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(12345, '127.0.0.1', resolve));
    try {
      const run = await runCli([serverFixture('ignores-port-env'), '--quick', '--lang', 'en'], { LAB_GRADER_NETWORK: 'machine' });
      expect(run.exitCode).toBe(2);
      expect(stderrBesidesProgress(run.stderr).trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(`Port 12345 is in use by another program, node (pid ${process.pid})`);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});
