import { execa } from 'execa';
import { expect, test } from 'vitest';
import { listedProcesses, listeningPortsFromNetstat, netstatListeningPorts, processesMentioning } from './helpers/processes.ts';

// The suite's check for leftovers runs where the kit's CI runs: on macOS and Windows, without
// /proc, it reads ps (or Windows' process table) and netstat. Here, ps and netstat list what
// /proc lists; Windows' own tools cannot run here, their lines' shape is checked below.

test('ps and netstat see a leftover program and its port as /proc does', async () => {
  const marker = `lab-leftover-probe-${process.pid}`;
  const child = execa(process.execPath, ['-e', `require('net').createServer().listen(0, '127.0.0.1', function () { console.log(this.address().port); }); setTimeout(() => {}, 60000); // ${marker}`], { reject: false });
  try {
    const port = await new Promise<number>((resolve) => child.stdout?.once('data', (data: Buffer) => resolve(Number(String(data).trim()))));
    const byProc = processesMentioning([marker]).map((found) => found.pid);
    const byPs = listedProcesses().filter((found) => found.commandLine.includes(marker)).map((found) => found.pid);
    expect(byProc).toEqual([child.pid]);
    expect(byPs).toEqual(byProc);
    expect(netstatListeningPorts()).toContain(port);
  } finally {
    child.kill('SIGKILL');
    await child;
  }
});

test("netstat's lines on macOS and Windows give their listening ports", () => {
  const macos = ['tcp4       0      0  127.0.0.1.12345        *.*                    LISTEN', 'tcp6       0      0  *.5000                 *.*                    LISTEN', 'tcp4       0      0  127.0.0.1.50123        127.0.0.1.12345        ESTABLISHED'];
  const windows = ['  TCP    127.0.0.1:12345        0.0.0.0:0              LISTENING', '  TCP    [::]:5000              [::]:0                 LISTENING', '  TCP    127.0.0.1:50123        127.0.0.1:12345        TIME_WAIT'];
  expect([...listeningPortsFromNetstat(macos)]).toEqual([12345, 5000]);
  expect([...listeningPortsFromNetstat(windows)]).toEqual([12345, 5000]);
});
