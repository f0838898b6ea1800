// Taking turns on something only one can hold at a time: a port a program hard-codes, in the
// machine's network. Each `take` runs once every earlier one has finished, whatever its outcome.
export class Turns {
  private last: Promise<void> = Promise.resolve();

  async take<T>(use: () => Promise<T>): Promise<T> {
    const previous = this.last;
    let release!: () => void;
    this.last = new Promise((resolve) => (release = resolve));
    await previous;
    try {
      return await use();
    } finally {
      release();
    }
  }
}
