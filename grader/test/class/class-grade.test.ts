import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, expect, test } from 'vitest';
import { runCli } from '../helpers/grade-fixture.ts';
import { scratchOutsideKit } from '../helpers/outside-kit.ts';
import { repoRoot } from '../helpers/processes.ts';

// A small class as an instructor downloads it: Moodle-named folders, a .zip, a Python classic on
// the hard-coded port 12345, TypeScript and JavaScript, one with nothing to grade, and an archive
// that tries to unpack outside its folder. Graded in parallel and one at a time: the same rows.

const scratch = scratchOutsideKit('lab-class-');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const fixture = (...parts: string[]) => path.join(repoRoot, 'grader/test/fixtures', ...parts);

function buildClass(): string {
  const folder = path.join(scratch, 'kelas-A');
  mkdirSync(folder);
  cpSync(path.join(repoRoot, 'solutions/python'), path.join(folder, 'Budi Santoso_1001_assignsubmission_file_'), { recursive: true });
  cpSync(path.join(repoRoot, 'solutions/javascript'), path.join(folder, 'Citra Dewi_1002_assignsubmission_file_'), { recursive: true });
  cpSync(fixture('fakes/strips-message'), path.join(folder, 'siti'), { recursive: true });
  cpSync(fixture('fakes/timer-from-start'), path.join(folder, 'tugas-rahmat'), { recursive: true });
  // siti's server with its names changed: the same code to anyone who reads it.
  mkdirSync(path.join(folder, 'tono'));
  const renamed = readFileSync(fixture('fakes/strips-message/server.py'), 'utf8').replaceAll('pesan', 'teks').replaceAll('conn', 'koneksi').replaceAll('chunk', 'potongan');
  writeFileSync(path.join(folder, 'tono', 'server.py'), renamed);
  mkdirSync(path.join(folder, 'kosong'));
  return folder;
}

/** A .zip written by Python's zipfile (as any student's tool would): `entries` maps names in it to contents. */
async function writeZip(archive: string, entries: Record<string, string>): Promise<void> {
  const script = `import json, sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], 'w') as z:\n    for name, text in json.loads(sys.argv[2]).items(): z.writestr(name, text)`;
  await execa('python3', ['-c', script, archive, JSON.stringify(entries)]);
}

const rowsOf = (csv: string) => csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(','));

test('a class is graded in parallel and one at a time with the same rows, resumed, and nothing is lost', { timeout: 300_000 }, async () => {
  const folder = buildClass();
  // The lab report's Python server, hard-coding 12345 without SO_REUSEADDR, handed in as a zip.
  await writeZip(path.join(folder, 'andi.zip'), { 'tugas1/server.py': readFileSync(fixture('fakes/number-spray/server.py'), 'utf8') });
  await writeZip(path.join(folder, 'jahat.zip'), { '../../evil.py': 'print(1)' });

  const grades = async (jobs: number, out: string) => {
    const run = await runCli(['--class', folder, '--out', out, '--quick', '--jobs', String(jobs), '--lang', 'en'], {}, 240_000);
    expect(run.exitCode, String(run.stderr)).toBe(0);
    return { run, csv: readFileSync(path.join(out, 'gradebook.csv'), 'utf8') };
  };
  const parallel = await grades(3, path.join(scratch, 'parallel'));
  const alone = await grades(1, path.join(scratch, 'alone'));

  const rows = rowsOf(parallel.csv);
  expect(parallel.csv.startsWith('\uFEFF')).toBe(true);
  expect(rows.map((row) => row[0])).toEqual(['student', 'andi', 'Budi Santoso', 'Citra Dewi', 'jahat', 'kosong', 'siti', 'tono', 'tugas-rahmat']);
  const byStudent = Object.fromEntries(rows.slice(1).map((row) => [row[0], { passed: row[4], status: row[5], codes: row.at(-3) }]));
  expect(byStudent['Budi Santoso']).toEqual({ passed: 'yes', status: 'graded', codes: '' });
  expect(byStudent['Citra Dewi']).toEqual({ passed: 'yes', status: 'graded', codes: '' });
  expect(byStudent.siti).toEqual({ passed: 'no', status: 'graded', codes: 'counts-stripped' });
  expect(byStudent.andi?.status).toBe('graded');
  expect(byStudent.andi?.codes).toContain('ambiguous-reply');
  expect(byStudent.jahat?.status).toBe('error');
  expect(byStudent.kosong?.status).toBe('error');
  expect(parallel.csv).toContain('the archive was refused: its entry ""../../evil.py"" would be unpacked outside its folder');
  expect(parallel.run.stdout).toMatch(/Graded: 6 of 8; 2 could not be graded/);
  // Flagged, never graded down: the renamed copy, and the kit's own solutions handed in.
  const summary = readFileSync(path.join(scratch, 'parallel', 'class-summary.md'), 'utf8');
  expect(summary).toContain('- siti and tono: 100 % alike');
  expect(summary).toContain("- Budi Santoso: 100 % alike the kit's solutions/python");
  expect(summary).toContain("- Citra Dewi: 100 % alike the kit's solutions/javascript");
  expect(summary).toMatch(/\| `counts-stripped` \| 2 \| siti, tono \|/);
  expect(parallel.run.stdout).toContain("To look at: 1 pair of submissions alike, 2 alike the kit's solutions (class-summary.md)");
  expect(byStudent.tono).toEqual(byStudent.siti);
  // One at a time, the same verdicts and codes, row for row (the times aside).
  const verdicts = (csv: string) => rowsOf(csv).map((row) => row.slice(0, -2).join(',') + row.at(-1));
  expect(verdicts(alone.csv)).toEqual(verdicts(parallel.csv));

  // A second run grades nothing that did not change; a changed submission is graded again.
  cpSync(path.join(repoRoot, 'solutions/python/server.py'), path.join(folder, 'siti/server.py'));
  const again = await runCli(['--class', folder, '--out', path.join(scratch, 'parallel'), '--quick', '--lang', 'en'], {}, 240_000);
  expect(again.exitCode).toBe(0);
  expect(String(again.stdout).match(/unchanged since its last grade/g)?.length).toBe(7);
  expect(String(again.stdout)).toMatch(/\] siti: \d+\/\d+ PASSED/);
});

test('a class folder that is not one, and a bad --csv-delimiter, are one line and exit status 2', async () => {
  const missing = await runCli(['--class', path.join(scratch, 'nowhere'), '--no-sandbox', '--lang', 'en']);
  expect(missing.exitCode).toBe(2);
  expect(String(missing.stderr).trim().split('\n')).toEqual([expect.stringContaining('--class needs a folder of submissions')]);
  const delimiter = await runCli(['--class', scratch, '--csv-delimiter', 'tab', '--lang', 'en']);
  expect(delimiter.exitCode).toBe(2);
  expect(String(delimiter.stderr).trim()).toBe('--csv-delimiter is "," or ";", not "tab".');
});
