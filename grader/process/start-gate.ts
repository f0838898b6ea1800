// Starting a program is where a grade spends its CPU: an interpreter's start-up (about 50 ms of
// node, 25 of Python) and the sandbox's wrappers. The rest of a grade waits on timers and
// sockets. A class grade runs many grades at once and lets only as many programs start at a
// time as the machine has cores, so that forty grades' starts do not fight over two cores while
// other grades measure an idle timeout. A start holds its place until the program shows a sign
// of life (output, listening, an exit) or for `holdMs` at most: a program that hangs at start-up
// never holds up the others for longer.

export class StartGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly places: number,
    private readonly holdMs = 500,
  ) {}

  /** Waits for a place; the returned function gives it back (calling it again does nothing). */
  async enter(): Promise<() => void> {
    if (this.running >= this.places) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    let held = true;
    const timer = setTimeout(() => leave(), this.holdMs);
    const leave = () => {
      if (!held) return;
      held = false;
      clearTimeout(timer);
      const next = this.waiting.shift();
      // The place passes straight to the next start, so that none can slip in between.
      if (next) next();
      else this.running -= 1;
    };
    return leave;
  }
}
