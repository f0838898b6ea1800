import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli, serverFixture } from '../helpers/grade-fixture.ts';
import { repoRoot } from '../helpers/processes.ts';

// What a student reads: the hints of the report name the language of the program graded only.
// "npm run grade" (the "Repeat this run" line) is the kit's own command, whatever the language.

// A TypeScript server that serves its first client correctly, then calls server.close().
const stopsAfterFirstClient = `import net from 'node:net';

const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  const chunks: Buffer[] = [];
  let replied = false;
  const reply = (): void => {
    if (replied) return;
    replied = true;
    const message = Buffer.concat(chunks).toString('utf8').split('\\n')[0].replace(/\\r$/, '');
    socket.end(\`\${[...message].length}\\n\`);
    server.close(); // the mistake: no client after this one
  };
  socket.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    if (chunk.includes(0x0a)) reply();
  });
  socket.on('end', reply);
  socket.on('error', () => {});
});
server.listen(Number(process.env.PORT || 12345), process.env.HOST || '127.0.0.1', () => console.log('Listening'));
`;

const countingBytesPair = path.join(repoRoot, 'grader/test/fixtures/pairs/counting-bytes');
const otherNpmRun = /npm run (?!grade )/;

describe('a TypeScript server that stops after its first client', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'hints-by-language-'));
    await writeFile(path.join(folder, 'server.ts'), stopsAfterFirstClient);
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  test('is told to keep its server open, in Node terms, and nothing about Python', async () => {
    const run = await runCli([folder, '--quick', '--lang', 'en']);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('exits-after-first-client: ');
    expect(run.stdout).toContain('call server.close() only when the idle timeout fires');
    expect(run.stdout).not.toContain('while True');
    expect(run.stdout).not.toContain('except socket');
    expect(run.stdout).not.toMatch(/python/i);
  });
});

describe('a Python server that counts bytes', () => {
  test('is told how to count in Python, and nothing about Node', async () => {
    // --verbose: the short report leaves "why" to --explain.
    const run = await runCli([serverFixture('counts-bytes'), '--quick', '--lang', 'en', '--verbose']);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('why: The length of the raw bytes was taken: len(data) on the bytes from recv().');
    expect(run.stdout).toContain('what to do: Decode first, then count: len(data.decode("utf-8", errors="replace")).');
    for (const nodeWord of ['Node', 'TypeScript', 'JavaScript', 'socket.on(', 'buffer.toString']) expect(run.stdout).not.toContain(nodeWord);
    expect(run.stdout).not.toMatch(otherNpmRun);
  });
});

describe('a Python pair whose end-to-end check fails', () => {
  test('is told to run its programs with python3, not with npm', async () => {
    const run = await runCli([countingBytesPair, '--quick', '--lang', 'en']);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('end-to-end-fails: ');
    expect(run.stdout).toContain("what to do: Run them together by hand (python3 and your server's file, then python3 and your client's file in a second terminal)");
    expect(run.stdout).not.toMatch(otherNpmRun);
    expect(run.stdout).not.toContain('Node');
  });

  test('is told the same in Bahasa Indonesia', async () => {
    const run = await runCli([countingBytesPair, '--quick', '--lang', 'id']);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('end-to-end-fails: ');
    expect(run.stdout).toContain('Jalankan keduanya bersama secara manual (python3 dengan file server Anda, lalu python3 dengan file klien Anda di terminal kedua)');
    expect(run.stdout).not.toMatch(otherNpmRun);
    expect(run.stdout).not.toContain('Node');
  });
});
