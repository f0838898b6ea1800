import { once } from 'node:events';
import net from 'node:net';
import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import { clientFixture, gradeThroughCli, labReportFixture, serverFixture } from './helpers/grade-fixture.ts';
import { labReportCodes } from './helpers/lab-report-codes.ts';

// Where programs cannot have networks of their own (macOS, Windows, Linux without the
// privilege; LAB_GRADER_NETWORK=machine here), a server on its hard-coded port runs in the
// machine's network, one copy at a time. The grader's own connections must then never leave
// the port in TIME_WAIT; what a pair leaves there by itself (the student's server closing its
// connection with the student's client) is waited out, said in one line, and judged the same.
// These grades use the machine's port 12345: they run with the hostile files, one at a time.
const machine = { LAB_GRADER_NETWORK: 'machine' };

describe("with the lab's port held by another program, and no networks of their own", () => {
  // Another program listens on 12345 the whole time (a student's server left running). First in
  // the file: the grades below leave 12345 in TIME_WAIT for a minute, which this would wait out.
  test('a server that never listens and a client that never connects are graded, not refused', { timeout: 300_000 }, async () => {
    const holder = await listenOnLabPort();
    try {
      const server = await gradeThroughCli(serverFixture('not-listening'), ['--quick'], machine);
      expect(server.exitCode, server.stderr).toBe(1);
      expect(server.codes).toEqual(['not-listening']);
      const client = await gradeThroughCli(clientFixture('client-no-connect'), ['--quick'], machine);
      expect(client.exitCode, client.stderr).toBe(1);
      expect(client.codes).toEqual(['client-no-connect']);
      // The busy port is one line of evidence, naming who holds it.
      expect(client.stdout).toContain(`Port 12345 is in use on this machine by another program (node (pid ${process.pid})): whether your client connects to 12345 instead of PORT could not be tried.`);
      expect(client.results?.network?.notes.map((note) => note.kind)).toEqual(['taken-not-tried']);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});

describe("in the machine's network", () => {
  test("the lab report's servers, one after another as in a class: each gets its codes, none waits for the port", { timeout: 400_000 }, async () => {
    for (const name of ['server', 'exits-after-first-client', 'bind-any', 'server']) {
      const grade = await gradeThroughCli(labReportFixture(name), ['--quick'], machine);
      expect(grade.codes, name).toEqual(labReportCodes[name]);
      expect(grade.results?.network?.notes, name).toEqual([]);
    }
  });

  test('a server whose port only a connection in TIME_WAIT holds: waited out, said in one line, and the codes do not change', { timeout: 400_000 }, async () => {
    // What a student's own server leaves behind: it closed a connection first, without SO_REUSEADDR.
    await execa('python3', ['-c', leaveTimeWait], { timeout: 90_000 });
    const again = await gradeThroughCli(labReportFixture('server'), ['--quick'], machine, 300_000);
    expect(again.codes).toEqual(labReportCodes.server);
    expect(again.stdout).toMatch(/Port 12345 was held by \d+ earlier connections? in TIME_WAIT \(.*\); the grader waited \d+ s for (it|them), then went on\./);
    expect(again.results?.network?.notes.map((note) => note.kind)).toEqual(['time-wait-waited']);
  });

  test('a classic pair is graded, not refused: its codes are those it gets in networks of its own', { timeout: 400_000 }, async () => {
    const pair = await gradeThroughCli(labReportFixture('pair'), ['--quick'], machine, 300_000);
    expect(pair.exitCode).toBe(1);
    expect(pair.codes).toEqual(labReportCodes.pair);
  });
});

/** A listener on 12345, once what an earlier grade left there in TIME_WAIT (up to 60 s) has expired. */
async function listenOnLabPort(): Promise<net.Server> {
  for (let attempt = 0; ; attempt += 1) {
    const server = net.createServer();
    try {
      server.listen(12345, '127.0.0.1');
      await once(server, 'listening');
      return server;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 80) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

// Binds (once what an earlier grade left has expired), then closes a connection server side first.
const leaveTimeWait = `
import socket, time
server = socket.socket()
for attempt in range(80):
    try:
        server.bind(("127.0.0.1", 12345))
        break
    except OSError:
        time.sleep(1)
server.listen()
client = socket.create_connection(("127.0.0.1", 12345))
connection, _ = server.accept()
connection.close()
client.recv(1)
client.close()
server.close()
`;
