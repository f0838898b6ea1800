import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { launchCommandFor } from '../../submission/command.ts';
import { TypeScriptBuilds } from '../../submission/typescript-build.ts';
import { packageJsonAbove, scratchOutsideKit } from '../helpers/outside-kit.ts';

// How a TypeScript file runs when it lives outside the kit (submission/typescript-format/): as an
// ES module, whatever package.json is above it or not, unless it is written as CommonJS. Each
// program prints one line; they run with the grader's own launch command, both ways a grade
// runs them: compiled once by the kit (submission/typescript-build.ts) and through tsx.

const scratch = scratchOutsideKit('lab-ts-format-');
const builds = new TypeScriptBuilds();
afterAll(() => {
  builds.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** A folder of the given files, optionally with a package.json, outside any package of the kit's. */
function folder(name: string, files: Record<string, string | Buffer>, packageJson?: object): string {
  const at = path.join(scratch, name);
  mkdirSync(at);
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(at, file), text);
  if (packageJson) writeFileSync(path.join(at, 'package.json'), JSON.stringify(packageJson));
  return at;
}

type Way = 'compiled' | 'tsx';
const ways: Way[] = ['compiled', 'tsx'];

/** Runs the file the given way; `compiled` expects the kit to have compiled it unless told it falls back to tsx. */
async function run(file: string, way: Way, expectCompiled = way === 'compiled') {
  const command = await launchCommandFor(file, way === 'compiled' ? { compiler: builds, submission: path.dirname(file) } : undefined);
  expect(command.label).toContain(expectCompiled ? 'compiled by the kit' : 'tsx');
  const result = await execa(command.command, command.args, { cwd: command.cwd, reject: false, timeout: 20_000 });
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}

const topLevelAwait = "import net from 'node:net';\nconst n: number = await Promise.resolve(42);\nconsole.log('esm', n, typeof net.connect);\n";
const commonJs = "const net = require('node:net');\nconst n: number = 7;\nconsole.log('cjs', n, typeof net.connect, typeof __dirname);\n";

test('the scratch folder has no package.json above it', () => {
  expect(packageJsonAbove(scratch)).toBeUndefined();
});

describe.concurrent.each(ways)('%s: a .ts file with top-level await runs as an ES module', (way) => {
  test.each([
    ['with no package.json above it', undefined],
    ['beside the package.json of npm init -y, which has no "type"', { name: 'tugas', version: '1.0.0', main: 'index.js' }],
    ['beside a package.json with "type": "commonjs" (newer npm init)', { name: 'tugas', version: '1.0.0', type: 'commonjs' }],
    ['beside a package.json with "type": "module"', { name: 'tugas', type: 'module' }],
  ])('%s', async (name, packageJson) => {
    const at = folder(`${way}-${name.replace(/\W+/g, '-')}`, { 'client.ts': topLevelAwait }, packageJson);
    expect(await run(path.join(at, 'client.ts'), way)).toMatchObject({ exitCode: 0, stdout: 'esm 42 function' });
  });

  test('with a byte order mark and CRLF line endings', async () => {
    const at = folder(`${way}-bom-crlf`, { 'client.ts': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(topLevelAwait.replaceAll('\n', '\r\n'))]) });
    expect(await run(path.join(at, 'client.ts'), way)).toMatchObject({ exitCode: 0, stdout: 'esm 42 function' });
  });

  test("that imports sibling .ts files as './util.ts', './util.js' and './util', and a CommonJS one", async () => {
    const at = folder(`${way}-siblings`, {
      'util.ts': 'export const port: number = await Promise.resolve(12345);\n',
      'legacy.ts': 'const greeting: string = "halo";\nmodule.exports = { greeting };\n',
      'client.ts': [
        "import { port } from './util.ts';",
        "import { port as samePort } from './util.js';",
        "import { port as stillTheSame } from './util';",
        "import legacy from './legacy';",
        'console.log(port + samePort + stillTheSame, legacy.greeting);',
        '',
      ].join('\n'),
    });
    expect(await run(path.join(at, 'client.ts'), way)).toMatchObject({ exitCode: 0, stdout: '37035 halo' });
  });

  test('whose comments mention require() and __dirname', async () => {
    const at = folder(`${way}-comments`, { 'client.ts': `// Not const net = require('net'), nor __dirname: see http://example.com/require(\n/* module.exports */\n${topLevelAwait}` });
    expect(await run(path.join(at, 'client.ts'), way)).toMatchObject({ exitCode: 0, stdout: 'esm 42 function' });
  });
});

describe.concurrent.each(ways)('%s: CommonJS stays CommonJS', (way) => {
  test('a .ts written with require() runs as CommonJS with no package.json above it', async () => {
    const at = folder(`${way}-require-ts`, { 'server.ts': commonJs });
    expect(await run(path.join(at, 'server.ts'), way)).toMatchObject({ exitCode: 0, stdout: 'cjs 7 function string' });
  });

  test('and beside a package.json with "type": "commonjs"', async () => {
    const at = folder(`${way}-require-ts-commonjs`, { 'server.ts': commonJs }, { type: 'commonjs' });
    expect(await run(path.join(at, 'server.ts'), way)).toMatchObject({ exitCode: 0, stdout: 'cjs 7 function string' });
  });

  test('a .cts runs as CommonJS wherever it lives, even beside "type": "module"', async () => {
    const at = folder(`${way}-cts`, { 'server.cts': commonJs }, { type: 'module' });
    expect(await run(path.join(at, 'server.cts'), way)).toMatchObject({ exitCode: 0, stdout: 'cjs 7 function string' });
  });

  test('a .mts runs as an ES module, even beside "type": "commonjs"', async () => {
    const at = folder(`${way}-mts`, { 'client.mts': topLevelAwait }, { type: 'commonjs' });
    expect(await run(path.join(at, 'client.mts'), way)).toMatchObject({ exitCode: 0, stdout: 'esm 42 function' });
  });

  test('a .ts written with require() beside the student\'s own "type": "module" fails as it would for them', async () => {
    const at = folder(`${way}-require-ts-module`, { 'server.ts': commonJs }, { type: 'module' });
    // Compiled, it would fail with another message: it runs through tsx instead.
    const result = await run(path.join(at, 'server.ts'), way, false);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('require is not defined in ES module scope');
  });
});

describe.concurrent('compiled once by the kit, a program runs as it would under tsx', () => {
  test("a crash's stack trace names the student's own file and line", async () => {
    const at = folder('stack-trace', { 'server.ts': "const port: number = 1;\nfunction boom(): never {\n  throw new Error('boom ' + port);\n}\nboom();\n" });
    const result = await run(path.join(at, 'server.ts'), 'compiled');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('Error: boom 1');
    expect(result.stderr).toContain(`${path.join(at, 'server.ts')}:3`);
  });

  test('import.meta and __dirname name its own file and folder, not the compiled one', async () => {
    const esm = folder('own-names-esm', { 'client.ts': "import { fileURLToPath } from 'node:url';\nconsole.log(fileURLToPath(import.meta.url), import.meta.dirname);\n" });
    const cjs = folder('own-names-cjs', { 'server.ts': 'const net = require("node:net");\nconsole.log(__filename, __dirname);\n' });
    expect((await run(path.join(esm, 'client.ts'), 'compiled')).stdout).toBe(`${path.join(esm, 'client.ts')} ${esm}`);
    expect((await run(path.join(cjs, 'server.ts'), 'compiled')).stdout).toBe(`${path.join(cjs, 'server.ts')} ${cjs}`);
  });

  test('a CommonJS package from its own node_modules gets a require of its own', async () => {
    const at = folder('package', { 'client.ts': "import greet from 'greet';\nconsole.log(greet());\n" });
    mkdirSync(path.join(at, 'node_modules/greet'), { recursive: true });
    writeFileSync(path.join(at, 'node_modules/greet/index.js'), "const os = require('node:os');\nmodule.exports = () => 'halo ' + typeof os.cpus;\n");
    expect(await run(path.join(at, 'client.ts'), 'compiled')).toMatchObject({ exitCode: 0, stdout: 'halo function' });
  });

  test('a syntax error runs through tsx, so that the student sees the error they would see', async () => {
    const at = folder('syntax-error', { 'server.ts': 'const port: number = ;\n' });
    const result = await run(path.join(at, 'server.ts'), 'compiled', false);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('server.ts');
  });

  test("a file from outside the submission's folder is never compiled in: it runs through tsx, as the sandbox's user", async () => {
    const secret = path.join(scratch, 'secret.txt');
    writeFileSync(secret, 'the instructor\'s secret\n');
    const at = folder('reads-outside', { 'client.ts': "import secret from '../secret.txt';\nconsole.log(secret);\n" });
    const command = await launchCommandFor(path.join(at, 'client.ts'), { compiler: builds, submission: at });
    expect(command.label).toContain('tsx');
  });
});
