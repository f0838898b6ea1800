// A mistyped name (a check id, a diagnosis code) and the known one it most likely meant: the
// most letters in common, in order, and only when most of both names are those letters.

function lettersInCommon(a: string, b: string): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const ca of a) {
    let previous = 0;
    for (let j = 1; j <= b.length; j += 1) {
      const kept = row[j] ?? 0;
      row[j] = ca === b[j - 1] ? previous + 1 : Math.max(kept, row[j - 1] ?? 0);
      previous = kept;
    }
  }
  return row[b.length] ?? 0;
}

/** The known name `typed` most likely meant, or '' when none is like it. */
export function nearestName(typed: string, known: readonly string[]): string {
  const [nearest] = [...known].sort((a, b) => lettersInCommon(typed, b) - lettersInCommon(typed, a) || a.length - b.length);
  return nearest !== undefined && lettersInCommon(typed, nearest) >= Math.max(3, 0.7 * Math.max(typed.length, nearest.length)) ? nearest : '';
}
