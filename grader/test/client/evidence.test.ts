import { describe, expect, test } from 'vitest';
import type { ScenarioResult } from '../../client/check.ts';
import { crashedBeforeConnecting } from '../../client/evidence.ts';

// A client that dies of its own error before any connection is told so, with the line that names
// the error; one that dies of a failed connection is not (client-no-connect's advice is right).

function died(stderr: string, code: number | null = 1): ScenarioResult {
  return {
    run: { exit: { code, signal: code === null ? 'SIGKILL' : null, atMs: 400 }, output: [], stdout: '', stderr, durationMs: 400, startedAt: 0 },
    connections: [],
    port: 40000,
  };
}

const stack = '    at ModuleLoader.resolve (node:internal/modules/esm/loader:358:21)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)';

describe('crashedBeforeConnecting', () => {
  test.each([
    [
      "TypeScript that does not compile: esbuild's ERROR line",
      `Error: Transform failed with 1 error:\n/tmp/x/client.ts:2:18: ERROR: Top-level await is currently not supported with the "cjs" output format\n${stack}\n{\n  code: 'ERR_REQUIRE_ASYNC_MODULE'\n}`,
      '/tmp/x/client.ts:2:18: ERROR: Top-level await is currently not supported with the "cjs" output format',
    ],
    [
      'a module that is not there: the first error line, before the stack',
      `node:internal/modules/run_main:123\n    triggerUncaughtException(\n    ^\n\nError [ERR_MODULE_NOT_FOUND]: Cannot find module '/tmp/x/util' imported from /tmp/x/client.ts\n${stack}`,
      "Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/tmp/x/util' imported from /tmp/x/client.ts",
    ],
    ['a Python syntax error, which has no traceback', '  File "/tmp/x/client.py", line 2\n    def f(:\n          ^\nSyntaxError: invalid syntax', 'SyntaxError: invalid syntax'],
    [
      'a Python import error: the last line of its traceback',
      'Traceback (most recent call last):\n  File "/tmp/x/client.py", line 1, in <module>\n    import sockets\nModuleNotFoundError: No module named \'sockets\'',
      "ModuleNotFoundError: No module named 'sockets'",
    ],
  ])('%s', (_, stderr, error) => {
    expect(crashedBeforeConnecting(died(stderr))).toEqual([{ key: 'crashed-before-connecting', values: { error } }]);
  });

  test.each([
    ['a refused connection', `Error: connect ECONNREFUSED 127.0.0.1:12345\n${stack}\nEmitted 'error' event on Socket instance at:`],
    ['a Python refused connection', 'Traceback (most recent call last):\n  File "/tmp/x/client.py", line 9, in <module>\n    s.connect((host, port))\nConnectionRefusedError: [Errno 111] Connection refused'],
    ['an error the client printed itself, without a stack', 'Error: something went wrong'],
  ])('not for %s', (_, stderr) => {
    expect(crashedBeforeConnecting(died(stderr))).toEqual([]);
  });

  test('not for a client that was killed, or one that ended with status 0', () => {
    const stderr = `SyntaxError: Unexpected token\n${stack}`;
    expect(crashedBeforeConnecting(died(stderr, null))).toEqual([]);
    expect(crashedBeforeConnecting(died(stderr, 0))).toEqual([]);
    expect(crashedBeforeConnecting(died(stderr))).toHaveLength(1);
  });
});
