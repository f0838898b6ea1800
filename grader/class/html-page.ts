import type { Catalogue } from '../i18n/catalogue.ts';
import type { LookAlike, SolutionCopy } from './look-alikes.ts';
import type { StudentRow } from './student-grade.ts';
import { escapeHtml as html } from '../report/escape.ts';
import { checkPassRates, median, mistakesOf } from './summary.ts';

// class.html: the class on one self-contained page (no network, no CDN): a histogram of scores
// and the pass rate of each check as inline SVG, the mistakes with each student linking to their
// report, the submissions to look at, and a student table that sorts by any column (a few lines
// of inline script; without it the table is still all there). Rendered from the rows alone.

const href = (report: string | undefined) => (report === undefined ? undefined : report.split(/[\\/]/).map(encodeURIComponent).join('/'));

function studentLink(row: StudentRow): string {
  const link = href(row.report);
  return link === undefined ? html(row.student) : `<a href="${html(link)}">${html(row.student)}</a>`;
}

function histogram(percents: readonly number[], label: string): string {
  const counts = Array.from({ length: 10 }, (_, bucket) => percents.filter((p) => Math.min(9, Math.floor(p / 10)) === bucket).length);
  const most = Math.max(1, ...counts);
  const bars = counts
    .map((count, bucket) => {
      const height = Math.round((120 * count) / most);
      const x = 10 + bucket * 40;
      return `<rect x="${x}" y="${140 - height}" width="32" height="${height}" fill="#4a7bd0"><title>${bucket * 10}–${bucket === 9 ? 100 : bucket * 10 + 9} %: ${count}</title></rect><text x="${x + 16}" y="${134 - height}" text-anchor="middle" font-size="11">${count}</text><text x="${x + 16}" y="156" text-anchor="middle" font-size="10">${bucket * 10}</text>`;
    })
    .join('');
  return `<svg role="img" aria-label="${html(label)}" width="420" height="165" viewBox="0 0 420 165">${bars}</svg>`;
}

function checkBars(rows: readonly StudentRow[], checkIds: readonly string[]): string {
  const judged = checkPassRates(rows, checkIds);
  const bars = judged
    .map((check, i) => {
      const width = Math.round((260 * check.got) / check.of);
      return `<text x="0" y="${i * 18 + 13}" font-size="11">${html(check.id)}</text><rect x="190" y="${i * 18 + 3}" width="${width}" height="12" fill="#3f9b5a"></rect><rect x="${190 + width}" y="${i * 18 + 3}" width="${260 - width}" height="12" fill="#e3e3e3"></rect><text x="456" y="${i * 18 + 13}" font-size="11">${check.got}/${check.of}</text>`;
    })
    .join('');
  return `<svg role="img" width="500" height="${judged.length * 18 + 6}" viewBox="0 0 500 ${judged.length * 18 + 6}">${bars}</svg>`;
}

const sortScript = `document.querySelectorAll('table.sortable th').forEach((th, column) => th.addEventListener('click', () => {
  const body = th.closest('table').tBodies[0];
  const key = (row) => { const text = row.cells[column].dataset.sort ?? row.cells[column].textContent; const n = Number(text); return text !== '' && !Number.isNaN(n) ? n : text.toLowerCase(); };
  const up = th.dataset.order !== 'up';
  th.dataset.order = up ? 'up' : 'down';
  [...body.rows].sort((a, b) => (key(a) > key(b) ? 1 : key(a) < key(b) ? -1 : 0) * (up ? 1 : -1)).forEach((row) => body.append(row));
}));`;

export function renderClassPage(rows: readonly StudentRow[], checkIds: readonly string[], alike: { pairs: LookAlike[]; copies: SolutionCopy[] }, text: Catalogue): string {
  const t = text.classPage;
  const graded = rows.filter((row) => row.status === 'graded' && row.maxScore > 0);
  const percent = (row: StudentRow) => (100 * row.score) / row.maxScore;
  const middle = median(graded.map(percent));
  const byName = new Map(rows.map((row) => [row.student, row]));
  const mistakes = mistakesOf(graded)
    .map((m) => `<tr><td><code>${html(m.code)}</code></td><td>${m.students.length}</td><td>${m.students.map((s) => studentLink(byName.get(s) as StudentRow)).join(', ')}</td></tr>`)
    .join('');
  const students = rows
    .map((row) => {
      const p = row.status === 'graded' && row.maxScore > 0 ? percent(row).toFixed(1) : '';
      return `<tr><td>${studentLink(row)}</td><td>${row.score}</td><td>${row.maxScore}</td><td>${p}</td><td>${row.passed ? '✔' : '✘'}</td><td>${html(row.status)}</td><td>${html(row.codes.join(' ') || row.reason || '')}</td></tr>`;
    })
    .join('');
  const lookAt = [
    ...alike.pairs.map((pair) => `<li>${html(t.pair(pair.students[0], pair.students[1], Math.round(pair.similarity * 100)))}</li>`),
    ...alike.copies.map((copy) => `<li>${html(t.copy(copy.student, copy.solution, Math.round(copy.similarity * 100)))}</li>`),
  ];
  return `<!doctype html>
<html lang="${html(t.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${html(t.title)}</title>
<style>body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#222}table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}th{background:#f3f3f3;cursor:pointer}h2{margin-top:1.6em}</style></head>
<body>
<h1>${html(t.title)}</h1>
<p id="counts">${html(t.counts(rows.length, graded.length, graded.filter((row) => row.passed).length))}${middle === undefined ? '' : ` ${html(text.classGrade.summaryMedian(middle.toFixed(1)))}`}</p>
<h2>${html(t.distribution)}</h2>
${histogram(graded.map(percent), t.distribution)}
<h2>${html(t.checks)}</h2>
${checkBars(graded, checkIds)}
<h2>${html(t.mistakes)}</h2>
<table id="mistakes"><thead><tr><th>${html(t.code)}</th><th>${html(t.students)}</th><th>${html(t.who)}</th></tr></thead><tbody>${mistakes}</tbody></table>
<h2>${html(t.lookAt)}</h2>
<p>${html(t.lookAtWhy)}</p>
<ul id="look-at">${lookAt.length > 0 ? lookAt.join('') : `<li>${html(t.nothingAlike)}</li>`}</ul>
<h2>${html(t.studentTable)}</h2>
<table id="students" class="sortable"><thead><tr>${t.columns.map((column) => `<th>${html(column)}</th>`).join('')}</tr></thead><tbody>${students}</tbody></table>
<script>${sortScript}</script>
</body></html>
`;
}
