import { execFile } from 'node:child_process';
import net from 'node:net';
import { usesLinuxWays } from '../platform.ts';
import { parseNetstat } from './netstat-table.ts';

// Where the kernel's tables under /proc cannot be read (macOS, Windows, LAB_GRADER_PORTABLE=1),
// the system's own tools say which ports a program listens on, without connecting to it: a
// connection would be a client to the program, and a server that stops (or crashes) after an
// empty client would be used up, or blamed, for the grader's look. lsof (macOS; Linux where it
// is installed) lists a process group's listening sockets; Windows' netstat -ano lists every
// listener with the PID that owns it.

/** The output of a tool, or undefined where it is not there or failed. */
function outputOf(command: string, args: readonly string[]): Promise<{ stdout: string; status: number } | undefined> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 3_000, windowsHide: true, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      if (error === null) return resolve({ stdout, status: 0 });
      const { code } = error as NodeJS.ErrnoException & { code?: string | number };
      // A number is the tool's exit status; anything else (ENOENT, a timeout's signal) is no answer.
      resolve(typeof code === 'number' ? { stdout, status: code } : undefined);
    });
  });
}

/** The ports in lsof's `-F n` lines (`n127.0.0.1:12345`, `n*:5000`, `n[::1]:5000`). */
export function portsFromLsof(text: string): number[] {
  const ports = text.split(/\r?\n/).flatMap((line) => (line.startsWith('n') ? [Number(/:(\d+)$/.exec(line)?.[1])] : []));
  return [...new Set(ports.filter((port) => Number.isInteger(port) && port > 0))];
}

/** The ports owned by `pid` among netstat -ano's listeners (`TCP 127.0.0.1:12345 0.0.0.0:0 LISTENING 4321`). */
export function portsFromNetstat(text: string, pid: number): number[] {
  return [...new Set(parseNetstat(text).flatMap((socket) => (socket.state === 'listen' && socket.pid === pid ? [socket.localPort] : [])))];
}

/** lsof's output for these selections; undefined where it is not there or failed (it says 1 when it found nothing, and also when it failed: the self-check tells them apart). */
async function lsof(selections: readonly string[]): Promise<string | undefined> {
  const run = await outputOf('lsof', ['-nP', ...selections, '-F', 'n']);
  return run === undefined || run.status > 1 ? undefined : run.stdout;
}

/** What the tool lists for a process (`group`: its whole process group); undefined where it cannot answer. */
async function listedPorts(pid: number, group: boolean): Promise<number[] | undefined> {
  if (process.platform === 'win32') {
    const netstat = await outputOf('netstat', ['-ano']);
    return netstat?.status === 0 ? portsFromNetstat(netstat.stdout, pid) : undefined;
  }
  const listed = await lsof(['-a', group ? '-g' : '-p', String(pid), '-iTCP', '-sTCP:LISTEN']);
  return listed === undefined ? undefined : portsFromLsof(listed);
}

/**
 * Whether the tool sees listeners on this machine: it must see the grader's own. Asked once; a
 * tool that is missing or sees nothing (no permission) leaves the grader to connect instead.
 */
let toolSeesListeners: Promise<boolean> | undefined;

function checkTool(): Promise<boolean> {
  toolSeesListeners ??= (async () => {
    const server = net.createServer();
    try {
      await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as net.AddressInfo;
      return (await listedPorts(process.pid, false))?.includes(port) === true;
    } catch {
      return false;
    } finally {
      server.close();
    }
  })();
  return toolSeesListeners;
}

/**
 * The ports the program started as `pid` listens on (with what it started, where the tool sees
 * its process group: it was started detached, as the group's leader; on Windows, the program
 * alone); undefined where no tool answers, and the grader must connect to find out.
 */
export async function portsListenedByTool(pid: number | undefined): Promise<number[] | undefined> {
  // On Linux the kernel's tables answer, and where they cannot (a network the grader cannot see
  // into) neither can lsof.
  if (pid === undefined || usesLinuxWays() || !(await checkTool())) return undefined;
  return listedPorts(pid, process.platform !== 'win32');
}

/**
 * Whether a program still holds the server's end of one of the grader's connections (server
 * `port`, grader `clientPort`): lsof lists the sockets a process holds, and an end its program
 * has closed belongs to none. Undefined where it cannot be told (no lsof; Windows).
 */
export async function serverEndHeld(port: number, clientPort: number): Promise<boolean | undefined> {
  if (process.platform === 'win32' || !(await checkTool())) return undefined;
  const listed = await lsof([`-iTCP:${clientPort}`]);
  if (listed === undefined) return undefined;
  const serverEnd = new RegExp(`:${port}->.*:${clientPort}$`);
  return listed.split(/\r?\n/).some((line) => line.startsWith('n') && serverEnd.test(line));
}
