import type { OutputLine } from '../process/output.ts';

// What the kit's stubs print (exercises/): "...: not implemented yet (belum dikerjakan)...".
// A program that still prints it is the stub, or has the stub's last lines still in it: those
// also set exit status 1, which a working program then reports at its end.
export const stubMarker = /not implemented/i;

export function stubLine(lines: readonly OutputLine[]): OutputLine | undefined {
  return lines.find((line) => stubMarker.test(line.text));
}
