// Waits for a condition that socket events make true, or for a deadline, whichever comes
// first; the grader never sleeps to synchronise.
export class ConditionSignal {
  private waiters = new Set<() => void>();

  notify(): void {
    for (const waiter of this.waiters) waiter();
  }

  /** Resolves true as soon as `condition()` holds, false when `timeoutMs` passes first. */
  until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
    if (condition()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const finish = (met: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(met);
      };
      const check = () => {
        if (condition()) finish(true);
      };
      const timer = setTimeout(() => finish(condition()), Math.max(0, timeoutMs));
      this.waiters.add(check);
    });
  }
}
