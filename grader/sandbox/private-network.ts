import { spawn } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import { tsxCachesBytes } from './tsx-cache.ts';

// With --sandbox the whole grade runs in a network namespace of its own, holding nothing but a
// loopback interface: the grader's probes, its scripted server and the submission's programs
// all meet there, while other students' servers, the machine's own services and the outside
// world cannot be reached from it. A process cannot move a single socket into another network
// namespace, so the grader starts itself again inside one (bubblewrap brings loopback up).

const marker = 'LAB_GRADER_OUTER_NETWORK';

// Finding whether a program listens means reading the namespace's TCP table, and the kernel
// walks its whole hash table for that: the machine's is sized by its memory (262,144 buckets for
// 24 GB, about 3 ms a read, hundreds of reads a class), whatever few sockets the namespace holds.
// A namespace made from one whose tcp_child_ehash_entries is set gets a table of that size
// instead (Linux 6.1 and later; elsewhere the write fails and nothing changes). So the private
// network is made from a first namespace that sets it, and sets it in turn for the programs' own
// networks (net/own-network.ts) made from it.
const ehashBuckets = 4096;
const withSmallTables = ['sh', '-c', `echo ${ehashBuckets} > /proc/sys/net/ipv4/tcp_child_ehash_entries 2>/dev/null; exec "$@"`, 'sh'];
// The grade's /dev/shm, where the tsx caches of its sandboxed programs live, is a tmpfs of its
// own, of a bounded size, gone with the grade (tsx-cache.ts).
const newNetwork = ['bwrap', '--dev-bind', '/', '/', '--size', String(tsxCachesBytes), '--tmpfs', '/dev/shm', '--unshare-net', '--die-with-parent', '--', ...withSmallTables];

function networkNamespace(): string {
  try {
    return readlinkSync('/proc/self/ns/net');
  } catch {
    return '';
  }
}

/** True in the grader started by runInPrivateNetwork: its namespace is not the one it was started from. */
export function inPrivateNetwork(): boolean {
  const outer = process.env[marker];
  return outer !== undefined && outer !== '' && networkNamespace() !== outer;
}

/** Runs this same command line again inside a private network namespace; resolves with its exit status. */
export function runInPrivateNetwork(): Promise<number> {
  // bubblewrap dies of a SIGINT at once, and its child with it (--die-with-parent), before the
  // grader inside could end its programs and say where it stopped. So the wrappers ignore the
  // signals (Node puts them back for itself at start-up), run in a process group of their own,
  // and this grader passes each signal on to that group: the grader inside is the one that acts.
  const [command, ...args] = ['sh', '-c', 'trap "" INT TERM HUP; exec "$@"', 'sh', ...newNetwork, ...newNetwork, process.execPath, ...process.execArgv, ...process.argv.slice(1)];
  // Its handlers come first: a signal sent as soon as the wrappers show, before this grader had
  // them, ended it at once by the default action, and the grade inside went on unwatched.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.on(signal, forward);
  const inner = spawn(command as string, args, { stdio: 'inherit', detached: true, env: { ...process.env, [marker]: networkNamespace() } });
  // A signal that comes before the grader inside has started reaches only the wrappers, which
  // ignore it, and was lost (the grade went on until the kill below). So it is passed on again
  // every 100 ms until the grader ends: once Node runs (it sets the signals back to their
  // defaults at start-up) it ends of it, through its own handler once it has one, and before
  // that, when it has started nothing yet, by the default action. Should it not end in time, it
  // is killed (its programs die with it).
  let resend: NodeJS.Timeout | undefined;
  const send = (signal: NodeJS.Signals) => {
    try {
      if (inner.pid !== undefined) process.kill(-inner.pid, signal);
    } catch {
      // Already gone.
    }
  };
  function forward(signal: NodeJS.Signals) {
    send(signal);
    clearInterval(resend);
    resend = setInterval(() => send(signal), 100);
    resend.unref();
    setTimeout(() => inner.kill('SIGKILL'), 3_000).unref();
  }
  return new Promise((resolve) => {
    inner.on('error', () => resolve(2));
    inner.on('exit', (code, signal) => {
      clearInterval(resend);
      for (const name of signals) process.off(name, forward);
      resolve(code ?? 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 9));
    });
  });
}
