import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { launchCommandFor } from '../../submission/command.ts';
import { packageJsonAbove, scratchOutsideKit } from '../helpers/outside-kit.ts';

// How a TypeScript file runs when it lives outside the kit (submission/typescript-format/): as an
// ES module, whatever package.json is above it or not, unless it is written as CommonJS. Each
// program prints one line; they run with the grader's own launch command.

const scratch = scratchOutsideKit('lab-ts-format-');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder of the given files, optionally with a package.json, outside any package of the kit's. */
function folder(name: string, files: Record<string, string | Buffer>, packageJson?: object): string {
  const at = path.join(scratch, name);
  mkdirSync(at);
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(at, file), text);
  if (packageJson) writeFileSync(path.join(at, 'package.json'), JSON.stringify(packageJson));
  return at;
}

async function run(file: string) {
  const command = await launchCommandFor(file);
  const result = await execa(command.command, command.args, { cwd: command.cwd, reject: false, timeout: 20_000 });
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}

const topLevelAwait = "import net from 'node:net';\nconst n: number = await Promise.resolve(42);\nconsole.log('esm', n, typeof net.connect);\n";
const commonJs = "const net = require('node:net');\nconst n: number = 7;\nconsole.log('cjs', n, typeof net.connect, typeof __dirname);\n";

test('the scratch folder has no package.json above it', () => {
  expect(packageJsonAbove(scratch)).toBeUndefined();
});

describe.concurrent('a .ts file with top-level await runs as an ES module', () => {
  test.each([
    ['with no package.json above it', undefined],
    ['beside the package.json of npm init -y, which has no "type"', { name: 'tugas', version: '1.0.0', main: 'index.js' }],
    ['beside a package.json with "type": "commonjs" (newer npm init)', { name: 'tugas', version: '1.0.0', type: 'commonjs' }],
    ['beside a package.json with "type": "module"', { name: 'tugas', type: 'module' }],
  ])('%s', async (name, packageJson) => {
    const at = folder(name.replace(/\W+/g, '-'), { 'client.ts': topLevelAwait }, packageJson);
    expect(await run(path.join(at, 'client.ts'))).toMatchObject({ exitCode: 0, stdout: 'esm 42 function' });
  });

  test('with a byte order mark and CRLF line endings', async () => {
    const at = folder('bom-crlf', { 'client.ts': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(topLevelAwait.replaceAll('\n', '\r\n'))]) });
    expect(await run(path.join(at, 'client.ts'))).toMatchObject({ exitCode: 0, stdout: 'esm 42 function' });
  });

  test("that imports sibling .ts files as './util.ts', './util.js' and './util', and a CommonJS one", async () => {
    const at = folder('siblings', {
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
    expect(await run(path.join(at, 'client.ts'))).toMatchObject({ exitCode: 0, stdout: '37035 halo' });
  });

  test('whose comments mention require() and __dirname', async () => {
    const at = folder('comments', { 'client.ts': `// Not const net = require('net'), nor __dirname: see http://example.com/require(\n/* module.exports */\n${topLevelAwait}` });
    expect(await run(path.join(at, 'client.ts'))).toMatchObject({ exitCode: 0, stdout: 'esm 42 function' });
  });
});

describe.concurrent('CommonJS stays CommonJS', () => {
  test('a .ts written with require() runs as CommonJS with no package.json above it', async () => {
    const at = folder('require-ts', { 'server.ts': commonJs });
    expect(await run(path.join(at, 'server.ts'))).toMatchObject({ exitCode: 0, stdout: 'cjs 7 function string' });
  });

  test('and beside a package.json with "type": "commonjs"', async () => {
    const at = folder('require-ts-commonjs', { 'server.ts': commonJs }, { type: 'commonjs' });
    expect(await run(path.join(at, 'server.ts'))).toMatchObject({ exitCode: 0, stdout: 'cjs 7 function string' });
  });

  test('a .cts runs as CommonJS wherever it lives, even beside "type": "module"', async () => {
    const at = folder('cts', { 'server.cts': commonJs }, { type: 'module' });
    expect(await run(path.join(at, 'server.cts'))).toMatchObject({ exitCode: 0, stdout: 'cjs 7 function string' });
  });

  test('a .mts runs as an ES module, even beside "type": "commonjs"', async () => {
    const at = folder('mts', { 'client.mts': topLevelAwait }, { type: 'commonjs' });
    expect(await run(path.join(at, 'client.mts'))).toMatchObject({ exitCode: 0, stdout: 'esm 42 function' });
  });

  test('a .ts written with require() beside the student\'s own "type": "module" fails as it would for them', async () => {
    const at = folder('require-ts-module', { 'server.ts': commonJs }, { type: 'module' });
    const result = await run(path.join(at, 'server.ts'));
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('require is not defined in ES module scope');
  });
});
