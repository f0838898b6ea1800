import { spawnSync } from 'node:child_process';

// A submission may start helpers of its own; they share its process group (it was started
// detached, as the group's leader), so signalling the group ends them too. A program that leaves
// its group on purpose (setsid, a double fork) escapes this alone: where the machine allows,
// the group's leader is a PID namespace's wrapper (isolation.ts), whose death ends them all.

export function killProcessTree(pid: number | undefined): void {
  if (pid === undefined) return;
  if (process.platform === 'win32') {
    spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    return;
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
}
