import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { keepScreenshot, renderedDom } from '../helpers/browser.ts';
import { runCli } from '../helpers/grade-fixture.ts';
import { scratchOutsideKit } from '../helpers/outside-kit.ts';
import { repoRoot } from '../helpers/processes.ts';

// class.html as an instructor opens it: rendered by a real browser (Debian's chromium, headless),
// with no network. The test reads the page's DOM after its script ran, and keeps a screenshot
// in test-results/ for a person to look at.

const scratch = scratchOutsideKit('lab-test-class-page-');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));


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

  const profile = path.join(scratch, 'profile');
  const dom = await renderedDom(page, profile);
  expect(dom).toContain('<h1>The class</h1>');
  expect(dom).toContain('3 submissions, 2 graded, 1 passed.');
  expect(dom).toMatch(/<svg role="img" aria-label="Scores"[^>]*>.*<rect/s);
  // The mistakes table links each student to their report; a name is text, never markup.
  expect(dom).toMatch(/<code>counts-stripped<\/code><\/td><td>1<\/td><td><a href="siti_b_\/report.txt">siti &lt;b&gt;<\/a>/);
  expect(dom).not.toContain('<b></a>');
  expect(dom).toContain("Budi Santoso: 100 % alike the kit's solutions/python");
  expect(dom.match(/<tr><td>/g)?.length).toBeGreaterThanOrEqual(4);
  expect(dom).toContain('kosong');

  expect(await keepScreenshot(page, profile, 'class-page.png')).toBeGreaterThan(10_000);
});
