import type { ServerInstance, StartResult } from './instance.ts';

// Copies of the server started together with the shared one, one for each check that needs a
// copy of its own, and kept for that check: the own checks are the longest (each waits out an
// idle timeout), so their copies must not wait for the first check to start them.

/** The copy kept for one check. */
export interface SpareCopy {
  readonly checkId: string;
  /** Started before the shared copy: see ServerCheck.copyStartsFirst. */
  readonly beforeShared: boolean;
}

type StartCopy = (signal: AbortSignal) => Promise<StartResult>;

export class Spares {
  private readonly kept = new Map<string, Promise<StartResult>>();
  private wanted = new AbortController();

  constructor(private readonly copies: readonly SpareCopy[]) {}

  /** Starts the copies that `which` picks, in the checks' order. */
  start(which: 'before-shared' | 'after-shared' | 'all', startCopy: StartCopy): void {
    if (this.wanted.signal.aborted) this.wanted = new AbortController();
    const picked = this.copies.filter((copy) => which === 'all' || copy.beforeShared === (which === 'before-shared'));
    for (const copy of picked) this.kept.set(copy.checkId, startCopy(this.wanted.signal));
  }

  /** The copy kept for `checkId`, once only; undefined when there is none (any more). */
  take(checkId: string): Promise<StartResult> | undefined {
    const copy = this.kept.get(checkId);
    this.kept.delete(checkId);
    return copy;
  }

  /** Stops the starts still under way; the copies not taken yet, once they have started (or failed to), for the caller to stop. */
  async drop(): Promise<ServerInstance[]> {
    this.wanted.abort();
    const results = await Promise.all(this.kept.values());
    this.kept.clear();
    return results.flatMap((result) => ('instance' in result ? [result.instance] : []));
  }
}
