import { spawn, spawnSync } from 'node:child_process';
import { jailedCommand, type JailedCommand } from '../sandbox/jail.ts';
import { requireSandbox } from '../sandbox/support.ts';
import { usesLinuxWays } from '../platform.ts';

// How a program is started so that it and everything it starts can be ended at once, even if
// the grader itself is killed. With --sandbox, bubblewrap (sandbox/jail.ts). Otherwise on Linux,
// where the machine allows it, each program gets a PID namespace of its own: when its first
// process dies the kernel ends every process in it (setsid and double forks cannot escape), and
// a parent-death signal ends it if the grader is killed. Elsewhere, or without the privilege,
// the program's process group is what is killed.

export type Isolation = 'sandbox' | 'pid-namespace' | 'process-group';

const namespaceWrapper = ['setpriv', '--pdeathsig', 'KILL', '--', 'unshare', '--pid', '--fork', '--kill-child=SIGKILL', '--'];
const [probeCommand = 'setpriv', ...probeArgs] = [...namespaceWrapper, 'true'];

type Unsandboxed = Exclude<Isolation, 'sandbox'>;

function forcedProcessGroup(): boolean {
  return !usesLinuxWays() || process.env.LAB_GRADER_ISOLATION === 'process-group';
}

function detect(): Unsandboxed {
  if (forcedProcessGroup()) return 'process-group';
  const probe = spawnSync(probeCommand, probeArgs, { stdio: 'ignore', timeout: 5_000 });
  return probe.status === 0 ? 'pid-namespace' : 'process-group';
}

let isolation: Unsandboxed | undefined;
let detecting: Promise<Unsandboxed> | undefined;

/** How programs are isolated when not in the sandbox. */
export function currentIsolation(): Unsandboxed {
  isolation ??= detect();
  return isolation;
}

/**
 * The same answer, found without blocking: the probe takes 50-100 ms, which a grade spends
 * finding its files and opening its networks instead of waiting with the event loop stopped.
 */
export function detectIsolation(): Promise<Unsandboxed> {
  detecting ??= (async () => {
    if (isolation !== undefined || forcedProcessGroup()) return currentIsolation();
    const works = await new Promise<boolean>((resolve) => {
      const probe = spawn(probeCommand, probeArgs, { stdio: 'ignore', timeout: 5_000 });
      probe.on('error', () => resolve(false));
      probe.on('exit', (code) => resolve(code === 0));
    });
    isolation ??= works ? 'pid-namespace' : 'process-group';
    return isolation;
  })();
  return detecting;
}

export interface IsolationSpec {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  readonly sandboxed?: boolean;
  readonly mounts?: readonly string[];
}

export function isolatedCommand(spec: IsolationSpec): JailedCommand {
  if (spec.sandboxed) return jailedCommand(spec, requireSandbox());
  if (currentIsolation() === 'process-group') return { command: spec.command, args: [...spec.args] };
  const [wrapper, ...wrapperArgs] = namespaceWrapper;
  return { command: wrapper as string, args: [...wrapperArgs, spec.command, ...spec.args] };
}
