// The live progress off a terminal: one line per check, "[  1.2 s]  PASS   3/3  Title · id", on
// stderr. What stderr says besides them is what a test of an error looks at.

const progressLine = /^\[ *\d+\.\d s\] /;

export function progressLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => progressLine.test(line));
}

export function stderrBesidesProgress(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !progressLine.test(line))
    .join('\n');
}
