import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { gradeThroughCli } from '../helpers/grade-fixture.ts';
import { packageJsonAbove, scratchOutsideKit } from '../helpers/outside-kit.ts';
import { repoRoot } from '../helpers/processes.ts';

// The kit's own TypeScript solutions, handed in the way an instructor receives them: copied into
// a folder outside the kit, with no package.json of the kit's ("type": "module") above them. The
// client's top-level `for await` once died there (ERR_REQUIRE_ASYNC_MODULE) and the report said
// to connect to HOST and PORT.

const scratch = scratchOutsideKit('lab-ts-anywhere-');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const solution = (file: string) => readFileSync(path.join(repoRoot, 'solutions', file), 'utf8');

function replaced(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`the solution no longer has ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/** A submission folder of the given files. */
function submission(name: string, files: Record<string, string>): string {
  const folder = path.join(scratch, name);
  mkdirSync(folder);
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(folder, file), text);
  return folder;
}

function solutionsIn(name: string): string {
  const folder = submission(name, {});
  for (const file of ['server.ts', 'client.ts']) copyFileSync(path.join(repoRoot, 'solutions', file), path.join(folder, file));
  return folder;
}

const withBomAndCrlf = (text: string) => `\uFEFF${text.replaceAll('\n', '\r\n')}`;

async function expectPassed(folder: string) {
  const run = await gradeThroughCli(folder, ['--quick']);
  expect(run.exitCode, run.stdout + run.stderr).toBe(0);
  expect(run.results?.passed).toBe(true);
  expect(run.results?.checks.filter((check) => check.status === 'fail')).toEqual([]);
  expect(run.codes).toEqual([]);
  expect(run.results?.checks.some((check) => check.id === 'end-to-end' && check.status === 'pass')).toBe(true);
}

test('the scratch folder has no package.json above it', () => {
  expect(packageJsonAbove(scratch)).toBeUndefined();
});

describe.concurrent('TypeScript handed in outside the kit passes as it does inside', () => {
  test('solutions/server.ts and client.ts, copied as they are', async () => {
    await expectPassed(solutionsIn('copied'));
  });

  test.each([
    ['beside the package.json of npm init -y, which has no "type"', 'no-type', { name: 'tugas1', version: '1.0.0', main: 'index.js', license: 'ISC' }],
    ['beside a package.json with "type": "commonjs" (npm init of newer npm)', 'commonjs', { name: 'tugas1', version: '1.0.0', type: 'commonjs' }],
  ])('the same %s', async (_, name, packageJson) => {
    const folder = solutionsIn(`package-${name}`);
    writeFileSync(path.join(folder, 'package.json'), JSON.stringify(packageJson, null, 2));
    await expectPassed(folder);
  });

  test('the same with a byte order mark and CRLF line endings', async () => {
    await expectPassed(submission('bom-crlf', { 'server.ts': withBomAndCrlf(solution('server.ts')), 'client.ts': withBomAndCrlf(solution('client.ts')) }));
  });

  test('a client whose sibling module has top-level await, and a server that imports its sibling without an extension', async () => {
    await expectPassed(
      submission('siblings', {
        'settings.ts': "export const defaultPort: number = await Promise.resolve(12345);\n",
        'client.ts': replaced(`import { defaultPort } from './settings.js';\n${solution('client.ts')}`, '?? 12345)', '?? defaultPort)'),
        'count.ts': 'export function countCharacters(text: string): number {\n  return [...text].length;\n}\n',
        'server.ts': replaced(`import { countCharacters } from './count';\n${solution('server.ts')}`, 'function countCharacters(', 'function unused('),
      }),
    );
  });

  test('a CommonJS server.cts (require) beside the client.ts', async () => {
    await expectPassed(
      submission('commonjs-cts', {
        'server.cts': replaced(solution('server.ts'), "import net from 'node:net';", "const net = require('node:net');"),
        'client.ts': solution('client.ts'),
      }),
    );
  });

  test('a server.ts written as CommonJS (require), with no package.json above it', async () => {
    await expectPassed(
      submission('commonjs-ts', {
        'server.ts': replaced(solution('server.ts'), "import net from 'node:net';", "const net = require('node:net');"),
        'client.ts': solution('client.ts'),
      }),
    );
  });
});

interface EvidenceOf {
  readonly checks: { id: string; diagnoses: string[]; evidence: { key: string; values?: Record<string, unknown> }[] }[];
}

describe.concurrent('a TypeScript client that never connects', () => {
  test('because it cannot load: the report names its error and says it is not a question of the host or port', async () => {
    const folder = submission('missing-module', { 'client.ts': `import './settings.ts';\n${solution('client.ts')}` });
    const run = await gradeThroughCli(folder, ['--quick']);
    expect(run.exitCode).toBe(1);
    const sendsLine = (run.results as unknown as EvidenceOf).checks.find((check) => check.id === 'client-sends-line');
    expect(sendsLine?.diagnoses).toEqual(['client-no-connect']);
    expect(sendsLine?.evidence).toContainEqual(
      expect.objectContaining({ key: 'crashed-before-connecting', values: { error: expect.stringContaining('ERR_MODULE_NOT_FOUND') } }),
    );
    expect(run.stdout).toContain('before it made any connection');
    expect(run.stdout).toContain('It is not a question of the host or port');
  });

  test('because its connection is refused and it dies of that: no such evidence, the advice on HOST and PORT stands', async () => {
    const client = "import net from 'node:net';\nconst socket = net.connect({ host: '127.0.0.1', port: 1 });\nsocket.on('connect', () => socket.end('halo\\n'));\n";
    const folder = submission('wrong-port', { 'client.ts': client });
    const run = await gradeThroughCli(folder, ['--quick']);
    expect(run.exitCode).toBe(1);
    const sendsLine = (run.results as unknown as EvidenceOf).checks.find((check) => check.id === 'client-sends-line');
    expect(sendsLine?.diagnoses).toEqual(['client-no-connect']);
    expect(run.stdout).toContain('ECONNREFUSED');
    expect(sendsLine?.evidence.map((evidence) => evidence.key)).not.toContain('crashed-before-connecting');
  });
});

test('a TypeScript server that does not compile: crashed, and the report quotes the compiler\'s line, not only stack frames', async () => {
  const folder = submission('does-not-compile', { 'server.ts': replaced(solution('server.ts'), 'const ', 'const = ') });
  const run = await gradeThroughCli(folder, ['--quick']);
  expect(run.exitCode).toBe(1);
  const starts = (run.results as unknown as EvidenceOf).checks.find((check) => check.id === 'starts-listening');
  expect(starts?.diagnoses).toEqual(['crashed']);
  expect(starts?.evidence).toContainEqual(expect.objectContaining({ key: 'start-error', values: { error: expect.stringMatching(/server\.ts:\d+:\d+: ERROR: /) } }));
  expect(run.stdout).toMatch(/it stopped at start-up with this error, in its own code: .*server\.ts:\d+:\d+: ERROR: /);
});
