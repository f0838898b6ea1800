import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, expect, test } from 'vitest';
import { runCli } from '../helpers/grade-fixture.ts';
import { scratchOutsideKit } from '../helpers/outside-kit.ts';
import { processesMentioning, repoRoot, waitUntil } from '../helpers/processes.ts';

// A small class as an instructor downloads it: Moodle-named folders, a .zip, a Python classic on
// the hard-coded port 12345, TypeScript and JavaScript, one with nothing to grade, and an archive
// that tries to unpack outside its folder. Graded in parallel and one at a time: the same rows.

const scratch = scratchOutsideKit('lab-test-class-');
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
  // Two at a time, so that andi's number spray and Budi's correct server are graded side by side
  // in one event loop: judging the spray once held that loop for 2 s and failed Budi's timing.
  const parallel = await grades(2, path.join(scratch, 'parallel'));
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

test("Moodle's other layouts: a student's folder holding their .zip, and loose files named after the student", { timeout: 300_000 }, async () => {
  const folder = path.join(scratch, 'moodle');
  mkdirSync(path.join(folder, 'Dewi Lestari_2001_assignsubmission_file'), { recursive: true });
  const python = (file: string) => readFileSync(path.join(repoRoot, 'solutions/python', file), 'utf8');
  await writeZip(path.join(folder, 'Dewi Lestari_2001_assignsubmission_file', 'tugas1.zip'), { 'Tugas 1/Server.py': python('server.py'), 'Tugas 1/client.py': python('client.py') });
  writeFileSync(path.join(folder, 'Eko Prasetyo_2002_assignsubmission_file_server.py'), python('server.py'));
  writeFileSync(path.join(folder, 'Eko Prasetyo_2002_assignsubmission_file_client.py'), python('client.py'));
  const fajarZip = path.join(folder, 'Fajar_2003_assignsubmission_file_tugas.zip');
  await writeZip(fajarZip, { 'server.py': readFileSync(fixture('fakes/strips-message/server.py'), 'utf8') });

  const out = path.join(scratch, 'moodle-grades');
  // Every student's folder also gets the formats asked for by name.
  const run = await runCli(['--class', folder, '--out', out, '--quick', '--jobs', '3', '--lang', 'en', '--report', 'junit', '--report', 'markdown'], {}, 240_000);
  expect(run.exitCode, String(run.stderr)).toBe(0);
  const rows = rowsOf(readFileSync(path.join(out, 'gradebook.csv'), 'utf8'));
  const byStudent = Object.fromEntries(rows.slice(1).map((row) => [row[0], { passed: row[4], status: row[5], codes: row.at(-3) }]));
  const fajarJunit = readFileSync(path.join(out, 'Fajar', 'report.xml'), 'utf8');
  expect(fajarJunit).toMatch(/<failure [^>]*counts-stripped/);
  expect(readFileSync(path.join(out, 'Fajar', 'report.md'), 'utf8')).toContain('counts-stripped');
  expect(readFileSync(path.join(out, 'Dewi_Lestari', 'report.xml'), 'utf8')).not.toContain('<failure');
  expect(byStudent).toEqual({
    'Dewi Lestari': { passed: 'yes', status: 'graded', codes: '' },
    'Eko Prasetyo': { passed: 'yes', status: 'graded', codes: '' },
    Fajar: { passed: 'no', status: 'graded', codes: 'counts-stripped' },
  });
  // Loose files are kept together in the student's folder, which the report's repeat line grades by hand.
  const handedIn = path.join(out, 'Eko_Prasetyo', 'handed-in');
  expect(readFileSync(path.join(handedIn, 'server.py'), 'utf8')).toBe(python('server.py'));
  expect(readFileSync(path.join(out, 'Eko_Prasetyo', 'report.txt'), 'utf8')).toContain(`npm run grade -- ${handedIn} --seed`);
  // A .zip's repeat line names the .zip, and a single grade takes one.
  expect(readFileSync(path.join(out, 'Fajar', 'report.txt'), 'utf8')).toContain(`npm run grade -- ${fajarZip} --seed`);
  const byHand = await runCli([fajarZip, '--quick', '--lang', 'en', '--json', path.join(scratch, 'fajar.json')]);
  expect(byHand.exitCode).toBe(1);
  expect(JSON.parse(readFileSync(path.join(scratch, 'fajar.json'), 'utf8')).checks.flatMap((check: { diagnoses: string[] }) => check.diagnoses)).toEqual(['counts-stripped']);
});

test('Ctrl-C stops a class cleanly, says how far it got, leaves nothing running, and the next run goes on from there', { timeout: 300_000 }, async () => {
  const folder = path.join(scratch, 'interrupted');
  for (const name of ['ani', 'bayu', 'cici', 'dodi']) cpSync(path.join(repoRoot, 'solutions/python'), path.join(folder, name), { recursive: true });
  const out = path.join(scratch, 'interrupted-grades');
  const args = ['--import', 'tsx', 'grader/cli.ts', '--class', folder, '--out', out, '--quick', '--jobs', '1', '--lang', 'en'];
  const grader = execa(process.execPath, args, { cwd: repoRoot, reject: false, env: { NO_COLOR: '1' } });
  try {
    let stdout = '';
    grader.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    expect(await waitUntil(() => stdout.includes('[1/4]'), 120_000)).toBe(true);
    grader.kill('SIGINT');
    const stopped = await grader;
    expect(stopped.exitCode).toBe(130);
    const graded = (stdout.match(/\[\d\/4\]/g) ?? []).length;
    expect(graded).toBeGreaterThanOrEqual(1);
    expect(String(stopped.stderr)).toContain(`${graded} of 4 students graded and kept in ${out}. Run the same command again to grade the rest`);
    expect(await waitUntil(() => processesMentioning([folder]).length === 0, 3_000)).toBe(true);

    const again = await runCli(['--class', folder, '--out', out, '--quick', '--jobs', '1', '--lang', 'en'], {}, 240_000);
    expect(again.exitCode).toBe(0);
    expect(String(again.stdout).match(/unchanged since its last grade/g)?.length).toBe(graded);
    expect(rowsOf(readFileSync(path.join(out, 'gradebook.csv'), 'utf8')).slice(1).map((row) => [row[0], row[4]])).toEqual(['ani', 'bayu', 'cici', 'dodi'].map((name) => [name, 'yes']));
  } finally {
    grader.kill('SIGKILL');
  }
});
