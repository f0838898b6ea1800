// Every program the grader has started and not yet stopped, so that an interrupted grader
// (Ctrl-C, SIGTERM, an uncaught error) can still end them all before it exits.

interface Killable {
  killNow(): void;
}

const running = new Set<Killable>();

export function rememberProgram(program: Killable): void {
  running.add(program);
}

export function forgetProgram(program: Killable): void {
  running.delete(program);
}

export function killAllPrograms(): number {
  const count = running.size;
  for (const program of running) program.killNow();
  running.clear();
  return count;
}
