// The line that names a program's error: esbuild's "client.ts:2:18: ERROR: …" for TypeScript
// that does not compile, else a "SyntaxError: …" or "Error [ERR_MODULE_NOT_FOUND]: …" line (Node
// prints it before the stack; Python last, after its traceback). The last lines of a crash are
// often only stack frames: this is the one line worth quoting.
const compileErrorLine = /: ERROR: /;
const errorLine = /^(?:[\w.]+\.)?(?:[A-Z]\w*)?(?:Error|Exception)\b.*:/;

export function namedError(stderr: string): string | undefined {
  const lines = stderr.split('\n');
  const compile = lines.find((line) => compileErrorLine.test(line));
  if (compile !== undefined) return compile.trim();
  const errors = lines.filter((line) => errorLine.test(line));
  return /^Traceback /m.test(stderr) ? errors.at(-1) : errors[0];
}
