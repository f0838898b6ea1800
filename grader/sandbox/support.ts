import { spawnSync } from 'node:child_process';
import { SetupError } from '../setup-error.ts';
import { availableCgroupLimits, type LimitKind } from './limits.ts';
import { usesLinuxWays } from '../platform.ts';

// Whether this machine can give a program the sandbox of --sandbox, found out once by starting
// bubblewrap for real: an installed bwrap can still be refused namespaces (no privilege, a
// security module), and --sandbox must then fail instead of running anything unprotected.

export type SandboxSupport =
  | {
      readonly available: true;
      /** Root can drop the program to the unprivileged user nobody; anyone else already is one. */
      readonly runAsNobody: boolean;
      /** The cgroup limits the grader may set here; rlimits are always set. */
      readonly cgroupLimits: readonly LimitKind[];
    }
  | { readonly available: false; readonly reason: 'not-linux' | 'portable' | 'no-bwrap' | 'no-util-linux' | 'bwrap-refused'; readonly detail: string };

export const nobody = 65534;

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
}

function detect(): SandboxSupport {
  if (process.platform !== 'linux') return { available: false, reason: 'not-linux', detail: process.platform };
  if (!usesLinuxWays()) return { available: false, reason: 'portable', detail: 'LAB_GRADER_PORTABLE=1' };
  for (const tool of ['setpriv', 'prlimit']) {
    if (spawnSync(tool, ['--version'], { stdio: 'ignore', timeout: 5_000 }).error) {
      return { available: false, reason: 'no-util-linux', detail: tool };
    }
  }
  const probe = spawnSync(
    'bwrap',
    ['--ro-bind', '/', '/', '--unshare-pid', '--unshare-net', '--unshare-ipc', '--die-with-parent', '--new-session', '--', 'true'],
    { encoding: 'utf8', timeout: 10_000 },
  );
  if ((probe.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return { available: false, reason: 'no-bwrap', detail: 'bwrap' };
  if (probe.status !== 0) {
    return { available: false, reason: 'bwrap-refused', detail: firstLine(probe.stderr) || firstLine(probe.error?.message) || `exit ${probe.status}` };
  }
  const root = process.getuid?.() === 0;
  return { available: true, runAsNobody: root, cgroupLimits: root ? availableCgroupLimits() : [] };
}

let support: SandboxSupport | undefined;

export function sandboxSupport(): SandboxSupport {
  support ??= detect();
  return support;
}

/** The sandbox, or the one-line setup error that --sandbox gives where it cannot be had. */
export function requireSandbox(): Extract<SandboxSupport, { available: true }> {
  const found = sandboxSupport();
  if (!found.available) throw new SetupError({ kind: 'sandbox-unavailable', reason: found.reason, detail: found.detail });
  return found;
}
