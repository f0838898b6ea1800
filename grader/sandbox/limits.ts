// What one sandboxed program may use. Memory and processes come from a cgroup (program-cgroups.ts:
// v1 or v2, wherever the grader may make one); CPU time per process, open files and file size
// from rlimits (prlimit), which work everywhere. No CPU-share cgroup: a one-core quota per
// program, tried, made sandboxed programs start up to five times slower on a loaded machine and
// failed timing checks of correct servers; a busy loop is ended by the CPU time limit instead,
// and the process limit bounds how many there can be.

export type { LimitKind } from './cgroup-tree.ts';

export const sandboxLimits = {
  memoryBytes: 256 * 1024 * 1024,
  processes: 64,
  /** Per process: a busy loop is killed after this much CPU time. */
  cpuSeconds: 10,
  openFiles: 256,
  fileBytes: 16 * 1024 * 1024,
  /** The private /tmp, a tmpfs: its pages also count against the memory limit. */
  tmpBytes: 64 * 1024 * 1024,
} as const;

/** prlimit's options: inherited by every process the program forks, each counting its CPU time afresh. */
export function rlimitOptions(): string[] {
  const { cpuSeconds, openFiles, fileBytes } = sandboxLimits;
  return [`--cpu=${cpuSeconds}`, `--nofile=${openFiles}`, `--fsize=${fileBytes}`, '--core=0'];
}
