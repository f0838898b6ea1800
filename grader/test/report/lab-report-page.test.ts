import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { keepScreenshot, renderedDom } from '../helpers/browser.ts';
import { labReportFixture, runCli } from '../helpers/grade-fixture.ts';
import { scratchOutsideKit } from '../helpers/outside-kit.ts';

// The lab report a student hands in (--report html=laporan.html), as their lecturer opens it in
// a browser: the lab report's own first-year Python pair, graded in Bahasa Indonesia. The page
// is rendered by headless chromium; the test reads what is on it, and keeps a screenshot in
// test-results/. The Markdown lab report of the same run draws each failure's connection in Mermaid.

const scratch = scratchOutsideKit('lab-test-lab-report-');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Check {
  id: string;
  status: string;
  evidence: { key: string; values?: Record<string, number> }[];
}

test('laporan.html: what was run, the results, the analysis in sentences, and a picture of each connection that went wrong', { timeout: 150_000 }, async () => {
  const [page, markdown, json] = ['laporan.html', 'laporan.md', 'hasil.json'].map((name) => path.join(scratch, name)) as [string, string, string];
  const run = await runCli([labReportFixture('pair'), '--quick', '--lang', 'id', '--report', `html=${page}`, '--report', `markdown=${markdown}`, '--json', json], {}, 120_000);
  expect(run.exitCode, String(run.stderr)).toBe(1);
  const checks = (JSON.parse(readFileSync(json, 'utf8')) as { checks: Check[] }).checks;
  const html = readFileSync(page, 'utf8');
  // One file: nothing fetched, no script.
  expect(html).not.toMatch(/<script|<link|<img|\bsrc=|https?:\/\//);

  const dom = await renderedDom(page, path.join(scratch, 'profile'));
  expect(dom).toContain('<html lang="id">');
  expect(dom).toContain('<h1>Laporan praktikum: Client–Server (single thread)</h1>');
  for (const heading of ['Yang dijalankan', 'Hasil', 'Analisa', 'Urutan waktu setiap koneksi']) expect(dom).toContain(`<h2>${heading}</h2>`);
  // A row per check, with its status in Indonesian.
  expect(dom.match(/<tr class="(pass|fail|warn|skip)">/g)).toHaveLength(checks.length);
  expect(dom).toMatch(/<tr class="fail"><td>GAGAL<\/td><td>Menghitung huruf beraksen sebagai satu karakter <code>counts-accented<\/code>/);
  // The analysis says, in a sentence, what it counted for which message: bytes, not characters.
  const accented = checks.find((check) => check.id === 'counts-accented');
  const size = accented?.evidence.find((e) => e.key === 'message-size')?.values;
  const counted = accented?.evidence.find((e) => e.key === 'expected-count')?.values;
  expect(size?.bytes).toBeGreaterThan(size?.chars ?? Infinity);
  expect(dom).toContain(
    `Menghitung huruf beraksen sebagai satu karakter: grader mengirim pesan ${size?.chars} karakter (${size?.bytes} byte dalam UTF-8), dan balasannya "${counted?.got}"; hitungan yang benar adalah ${counted?.expected}.`,
  );
  expect(dom).toMatch(/<li>mulai: mendengarkan [\d.]+ detik setelah dijalankan, di port 12345 yang ditulis mati<\/li>/);
  // Pictures: the connection of counts-accented, arrow by arrow, with its bytes and TCP's signals.
  const svgs = dom.match(/<svg [^>]*class="sequence"[\s\S]*?<\/svg>/g) ?? [];
  expect(svgs.length).toBeGreaterThanOrEqual(5);
  expect(svgs.length).toBeLessThanOrEqual(14);
  const picture = svgs.find((svg) => svg.includes('<title>Menghitung huruf beraksen'));
  expect(picture).toContain('SYN · grader menyambung');
  expect(picture).toContain(`>"${counted?.got}" (${String(counted?.got).length} byte)</text>`);
  expect(picture).toContain('FIN · server menutup');
  expect(picture).toMatch(/<text x="8" y="\d+" class="time">[\d.]+ ms<\/text>/);
  // The client too: the program is the one that connects, and sends its line.
  expect(dom).toMatch(/<title>Mengirim baris yang diketik[^<]*<\/title>[\s\S]*?SYN · klien Anda menyambung/);
  // Under each picture of a failure: what the grader saw, and what the code means.
  expect(dom).toMatch(/<ul class="why"><li>pesannya: \d+ karakter[^<]*<\/li><li>diharapkan \d+, didapat \d+<\/li><li>counts-bytes: /);

  expect(await keepScreenshot(page, path.join(scratch, 'profile'), 'lab-report.png', '1100,4000')).toBeGreaterThan(10_000);

  // Markdown: each failure shown in full has its first connection as a Mermaid diagram.
  const md = readFileSync(markdown, 'utf8');
  const diagram = md.split('```mermaid\n')[1]?.split('\n```')[0] ?? '';
  expect(diagram.split('\n').slice(0, 3)).toEqual(['sequenceDiagram', '  participant G as grader', expect.stringMatching(/^ {2}participant P as server\.py \(Python 3\.\d+\.\d+\)$/)]);
  expect(diagram).toMatch(/^ {2}G-\)P: SYN · grader menyambung · [\d.]+ ms$/m);
  expect(diagram).toMatch(/^ {2}P->>G: "\d+" \(\d byte\) · [\d.]+ ms$/m);
});
