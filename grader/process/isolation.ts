import { spawnSync } from 'node:child_process';

// How a program is started so that it and everything it starts can be ended at once, even if
// the grader itself is killed. On Linux, where the machine allows it, each program gets a PID
// namespace of its own: when its first process dies the kernel ends every process in it
// (setsid and double forks cannot escape), and a parent-death signal ends it if the grader is
// killed. Elsewhere, or without the privilege, the program's process group is what is killed.

export type Isolation = 'pid-namespace' | 'process-group';

const namespaceWrapper = ['setpriv', '--pdeathsig', 'KILL', '--', 'unshare', '--pid', '--fork', '--kill-child=SIGKILL', '--'];

function detect(): Isolation {
  if (process.platform !== 'linux' || process.env.LAB_GRADER_ISOLATION === 'process-group') return 'process-group';
  const probe = spawnSync(namespaceWrapper[0] as string, [...namespaceWrapper.slice(1), 'true'], { stdio: 'ignore', timeout: 5_000 });
  return probe.status === 0 ? 'pid-namespace' : 'process-group';
}

let isolation: Isolation | undefined;

export function currentIsolation(): Isolation {
  isolation ??= detect();
  return isolation;
}

export function isolatedCommand(command: string, args: readonly string[]): { command: string; args: string[] } {
  if (currentIsolation() === 'process-group') return { command, args: [...args] };
  const [wrapper, ...wrapperArgs] = namespaceWrapper;
  return { command: wrapper as string, args: [...wrapperArgs, command, ...args] };
}
