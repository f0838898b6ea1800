import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { SetupError, type NamespaceSwitch } from '../setup-error.ts';
import { readOr } from './cgroup-tree.ts';
import type { LimitKind } from './limits.ts';
import { availableCgroupLimits } from './program-cgroups.ts';
import { usesLinuxWays } from '../platform.ts';

// Whether this machine can give a program the sandbox of --sandbox, found out once by starting
// bubblewrap for real: an installed bwrap can still be refused namespaces (no privilege, a
// security module), and --sandbox must then fail instead of running anything unprotected.

export type SandboxSupport =
  | {
      readonly available: true;
      /** Root can drop the program to the unprivileged user nobody; anyone else already is one. */
      readonly runAsNobody: boolean;
      /** The cgroup limits the grader may set here (root, or a delegated cgroup v2 scope); rlimits are always set. */
      readonly cgroupLimits: readonly LimitKind[];
    }
  | { readonly available: false; readonly reason: 'not-linux' | 'portable' | 'no-bwrap' | 'no-util-linux' | 'bwrap-refused'; readonly detail: string; readonly enable?: NamespaceSwitch };

export const nobody = 65534;

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
}

/** What keeps user namespaces from bubblewrap here, where the machine says so. */
function namespaceSwitch(): NamespaceSwitch | undefined {
  const setting = (file: string) => readOr(file).trim();
  if (setting('/proc/sys/kernel/apparmor_restrict_unprivileged_userns') === '1') return 'apparmor';
  if (setting('/proc/sys/user/max_user_namespaces') === '0') return 'userns-limit';
  if (setting('/proc/sys/kernel/unprivileged_userns_clone') === '0') return 'userns-clone';
  if (existsSync('/.dockerenv') || existsSync('/run/.containerenv')) return 'container';
  return undefined;
}

/**
 * Whether uid `id` exists in this user namespace: root in a container with user namespaces
 * remapped (or in a user namespace of its own) may have no nobody to drop a program to.
 */
function mapped(id: number, map: string): boolean {
  return map
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .some(([inside, , count]) => inside !== undefined && count !== undefined && id >= inside && id < inside + count);
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
    ['--ro-bind', '/', '/', '--size', '1048576', '--tmpfs', '/dev/shm', '--unshare-pid', '--unshare-net', '--unshare-ipc', '--die-with-parent', '--new-session', '--', 'true'],
    { encoding: 'utf8', timeout: 10_000 },
  );
  if ((probe.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return { available: false, reason: 'no-bwrap', detail: 'bwrap' };
  if (probe.status !== 0) {
    const enable = namespaceSwitch();
    return { available: false, reason: 'bwrap-refused', detail: firstLine(probe.stderr) || firstLine(probe.error?.message) || `exit ${probe.status}`, ...(enable ? { enable } : {}) };
  }
  // Root drops programs to nobody, where nobody exists in its user namespace.
  const root = process.getuid?.() === 0 && mapped(nobody, readOr('/proc/self/uid_map')) && mapped(nobody, readOr('/proc/self/gid_map'));
  return { available: true, runAsNobody: root, cgroupLimits: availableCgroupLimits() };
}

let support: SandboxSupport | undefined;

export function sandboxSupport(): SandboxSupport {
  support ??= detect();
  return support;
}

/** The sandbox, or the one-line setup error that --sandbox gives where it cannot be had. */
export function requireSandbox(): Extract<SandboxSupport, { available: true }> {
  const found = sandboxSupport();
  if (!found.available) throw new SetupError({ kind: 'sandbox-unavailable', reason: found.reason, detail: found.detail, ...(found.enable ? { enable: found.enable } : {}) });
  return found;
}
