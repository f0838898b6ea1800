import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';
import { afterAll, expect, test } from 'vitest';
import { runCli } from '../helpers/grade-fixture.ts';
import { scratchOutsideKit } from '../helpers/outside-kit.ts';
import { repoRoot } from '../helpers/processes.ts';

// class.html as an instructor opens it: rendered by a real browser (Debian's chromium, headless),
// with no network. The test reads the page's DOM after its script ran, and keeps a screenshot
// in test-results/ for a person to look at.

const scratch = scratchOutsideKit('lab-test-class-page-');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function chromium(): Promise<string> {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const found = await execa('sh', ['-c', `command -v ${name}`], { reject: false });
    if (found.exitCode === 0) return String(found.stdout).trim();
  }
  throw new Error('chromium is needed for this test (.ci/run installs it: apt-get install chromium)');
}

test('class.html shows the class in a real browser: counts, charts, mistakes linking to reports, the look-alikes, every student', { timeout: 180_000 }, async () => {
  const folder = path.join(scratch, 'kelas');
  mkdirSync(folder);
  cpSync(path.join(repoRoot, 'solutions/python'), path.join(folder, 'Budi Santoso_1001_assignsubmission_file_'), { recursive: true });
  cpSync(path.join(repoRoot, 'grader/test/fixtures/fakes/strips-message'), path.join(folder, 'siti <b>'), { recursive: true });
  mkdirSync(path.join(folder, 'kosong'));
  const out = path.join(scratch, 'nilai');
  const run = await runCli(['--class', folder, '--out', out, '--quick', '--no-sandbox', '--lang', 'en'], {}, 120_000);
  expect(run.exitCode, String(run.stderr)).toBe(0);
  const page = path.join(out, 'class.html');
  expect(readFileSync(page, 'utf8')).not.toMatch(/<(?:script|link|img)[^>]+(?:src|href)="https?:/);

  const executable = await chromium();
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions', `--user-data-dir=${path.join(scratch, 'profile')}`];
  const dom = String((await execa(executable, [...flags, '--dump-dom', pathToFileURL(page).href], { timeout: 60_000 })).stdout);
  expect(dom).toContain('<h1>The class</h1>');
  expect(dom).toContain('3 submissions, 2 graded, 1 passed.');
  expect(dom).toMatch(/<svg role="img" aria-label="Scores"[^>]*>.*<rect/s);
  // The mistakes table links each student to their report; a name is text, never markup.
  expect(dom).toMatch(/<code>counts-stripped<\/code><\/td><td>1<\/td><td><a href="siti_b_\/report.txt">siti &lt;b&gt;<\/a>/);
  expect(dom).not.toContain('<b></a>');
  expect(dom).toContain("Budi Santoso: 100 % alike the kit's solutions/python");
  expect(dom.match(/<tr><td>/g)?.length).toBeGreaterThanOrEqual(4);
  expect(dom).toContain('kosong');

  mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true });
  const shot = path.join(scratch, 'class-page.png');
  await execa(executable, [...flags, '--window-size=1100,1800', `--screenshot=${shot}`, pathToFileURL(page).href], { timeout: 60_000 });
  expect(existsSync(shot) && statSync(shot).size > 10_000).toBe(true);
  copyFileSync(shot, path.join(repoRoot, 'test-results', 'class-page.png'));
});
