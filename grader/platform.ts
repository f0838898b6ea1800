// The grader has two ways of doing its system work. On Linux it reads the kernel's tables
// (/proc: who listens, which process holds a socket, a process's children), gives programs
// namespaces of their own (setpriv, unshare, bubblewrap) and ends them with their namespace.
// Everywhere else it uses what every system has: connecting to see a listener, the machine's
// network, process groups (taskkill /T on Windows). LAB_GRADER_PORTABLE=1 makes Linux take the
// portable way, so that the way Windows and macOS students' grades go is tested here too.

/** Whether the Linux-only ways are used: on Linux, unless LAB_GRADER_PORTABLE=1. */
export function usesLinuxWays(env: NodeJS.ProcessEnv = process.env): boolean {
  return process.platform === 'linux' && env.LAB_GRADER_PORTABLE !== '1';
}
