import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { catalogues } from '../../i18n/index.ts';
import { discoveryLines } from '../../report/discovery.ts';
import type { Discovery } from '../../result.ts';
import { SetupError, type SetupProblem } from '../../setup-error.ts';
import { findSubmission, type NamedPrograms } from '../../submission/find.ts';
import { repoRoot } from '../helpers/processes.ts';

// How the grader finds the server and the client in a folder as handed in, tested on folders
// made for each case (the command line is tested on real programs in handed-in.test.ts).

const pythonServer = 'import socket\n\ns = socket.socket()\ns.bind(("localhost", 12345))\ns.listen(1)\nconn, addr = s.accept()\nconn.close()\n';
const pythonClient = 'import socket\n\nc = socket.socket()\nc.connect(("localhost", 12345))\nprint(c.recv(1024))\n';
const javascriptClient = "const net = require('net');\nconst socket = net.connect(12345, 'localhost');\nsocket.on('data', (data) => console.log(String(data)));\n";
const kitStub = readFileSync(path.join(repoRoot, 'exercises/server.ts'), 'utf8');

const made: string[] = [];
afterAll(() => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'lab-discover-'));
  made.push(folder);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), content);
  }
  return folder;
}

function discover(folder: string, named: NamedPrograms = {}): Discovery {
  return findSubmission(folder, ['server', 'client'], named).discovery;
}

function problemOf(find: () => unknown): SetupProblem | undefined {
  try {
    find();
  } catch (error) {
    if (error instanceof SetupError) return error.problem;
    throw error;
  }
  return undefined;
}

describe('finding the programs of a folder', () => {
  test('passes over installed packages, caches, virtual environments, hidden folders and files that are not programs', () => {
    const folder = folderWith({
      'node_modules/net-thing/server.js': "require('net').createServer().listen(1);\n",
      '__pycache__/server.py': pythonServer,
      'venv/lib/server.py': pythonServer,
      '.venv/server.py': pythonServer,
      '.git/hooks/server.py': pythonServer,
      'README.md': 'server.py: bind, listen, accept\n',
      'server.txt': pythonServer,
      'Server': 'binary\0server\n',
      'client': '#!/bin/sh\nnc localhost 12345\n',
    });
    expect(problemOf(() => discover(folder))).toEqual({ kind: 'nothing-to-grade', path: folder });
  });

  test('reads names in English and Indonesian, in any case, and the names of folders', () => {
    expect(discover(folderWith({ 'Peladen.py': pythonServer, 'KLIEN.py': pythonClient }))).toEqual({
      server: { file: 'Peladen.py', reasons: [{ key: 'name-says', word: 'peladen' }, { key: 'calls', calls: ['bind', 'listen', 'accept'] }] },
      client: { file: 'KLIEN.py', reasons: [{ key: 'name-says', word: 'klien' }, { key: 'calls', calls: ['connect'] }] },
    });
    expect(discover(folderWith({ 'srv/main.py': pythonServer, 'cli/main.py': pythonClient }))).toEqual({
      server: { file: 'srv/main.py', reasons: [{ key: 'folder-says', folder: 'srv', word: 'srv' }, { key: 'calls', calls: ['bind', 'listen', 'accept'] }] },
      client: { file: 'cli/main.py', reasons: [{ key: 'folder-says', folder: 'cli', word: 'cli' }, { key: 'calls', calls: ['connect'] }] },
    });
  });

  test('tells the language of a file without an extension by its code', () => {
    expect(discover(folderWith({ Client: javascriptClient })).client).toEqual({
      file: 'Client',
      reasons: [{ key: 'name-says', word: 'client' }, { key: 'calls', calls: ['net.connect'] }, { key: 'language', language: 'node', from: 'content' }],
    });
  });

  test('prefers a program nearer the top, and says which it passed over', () => {
    const folder = folderWith({ 'Tugas 1/server.py': pythonServer, 'Tugas 1/lama/server.py': pythonServer });
    expect(discover(folder).server?.reasons.at(-1)).toEqual({ key: 'nearest-top', others: ['Tugas 1/lama/server.py'] });
  });

  test('two programs equally likely for one part are a question, never a guess', () => {
    const folder = folderWith({ 'Tugas 1/server.py': pythonServer, 'Tugas 2/server.py': pythonServer, 'client.py': pythonClient });
    expect(problemOf(() => discover(folder))).toEqual({ kind: 'ambiguous-program', path: folder, part: 'server', candidates: ['Tugas 1/server.py', 'Tugas 2/server.py'] });
  });

  test("prefers the student's program to the kit's stub, but one that still has the stub's last lines is no stub", () => {
    const leftLines = `${pythonServer}print("server.py: not implemented yet (belum dikerjakan)")\n`;
    expect(discover(folderWith({ 'server.ts': kitStub, 'Tugas/server.py': leftLines })).server).toEqual({
      file: 'Tugas/server.py',
      reasons: [{ key: 'name-says', word: 'server' }, { key: 'calls', calls: ['bind', 'listen', 'accept'] }, { key: 'over-stub', stubs: ['server.ts'] }],
    });
    // Nothing but a stub: it is graded, so that the student is told it is still the stub.
    expect(discover(folderWith({ 'Tugas/server.ts': kitStub })).server?.reasons).toEqual([{ key: 'name-says', word: 'server' }, { key: 'stub' }]);
  });

  test("the kit's own folders are found exactly as before", () => {
    for (const folder of ['exercises', 'exercises/python', 'solutions']) {
      const { server, client } = discover(path.join(repoRoot, folder));
      expect([server?.reasons, client?.reasons], folder).toEqual([[{ key: 'exact-name' }], [{ key: 'exact-name' }]]);
    }
  });

  test('refuses a link out of the folder wherever the link is', () => {
    const outside = folderWith({ 'server.py': pythonServer });
    const folder = folderWith({ 'client.py': pythonClient });
    mkdirSync(path.join(folder, 'Tugas'));
    symlinkSync(path.join(outside, 'server.py'), path.join(folder, 'Tugas/server.py'));
    expect(problemOf(() => discover(folder))).toMatchObject({ kind: 'link-outside', file: 'server.py' });
  });

  test('--server names a file of any name; its language by its #! line', () => {
    const folder = folderWith({ 'jalankan-ini': `#!/usr/bin/env python3\n${pythonServer}`, 'catatan.md': 'hello\n' });
    expect(discover(folder, { server: path.join(folder, 'jalankan-ini') }).server).toEqual({
      file: 'jalankan-ini',
      reasons: [{ key: 'named', option: '--server' }, { key: 'language', language: 'python', from: 'shebang' }],
    });
    expect(problemOf(() => discover(folder, { server: path.join(folder, 'catatan.md') }))).toEqual({ kind: 'unknown-language', file: 'catatan.md' });
  });
});

describe('the report of what was chosen', () => {
  const discovery: Discovery = {
    server: { file: 'tugas1/Server.py', reasons: [{ key: 'name-says', word: 'server' }, { key: 'calls', calls: ['bind', 'listen'] }] },
    client: { file: 'client.py', reasons: [{ key: 'exact-name' }] },
  };

  test('is one line per part found by its signs, in English and in Bahasa Indonesia; none for the kit\'s own name', () => {
    expect(discoveryLines(discovery, catalogues.en)).toEqual(['Server: tugas1/Server.py (its name says server; it calls bind and listen)']);
    expect(discoveryLines(discovery, catalogues.id)).toEqual(['Server: tugas1/Server.py (namanya memuat kata server; memanggil bind dan listen)']);
    expect(discoveryLines(undefined, catalogues.en)).toEqual([]);
  });
});
