import type { Catalogue } from '../i18n/catalogue.ts';
import type { LookAlike, SolutionCopy } from './look-alikes.ts';
import type { StudentRow } from './student-grade.ts';
import { checkPassRates, mistakesOf } from './summary.ts';

// class-summary.md: what the class got, for the instructor: the distribution of scores, how
// many passed each check, the mistakes by frequency (with who), and the submissions to look at.
// Rendered from the rows alone; names are the students' own text, so Markdown in them is escaped.

const markdown = (text: string) => text.replace(/[\\`*_[\]<>|#]/g, (char) => `\\${char}`).replace(/[\r\n]+/g, ' ');

export function renderSummaryPage(rows: readonly StudentRow[], checkIds: readonly string[], alike: { pairs: LookAlike[]; copies: SolutionCopy[] }, text: Catalogue): string {
  const t = text.classPage;
  const graded = rows.filter((row) => row.status === 'graded' && row.maxScore > 0);
  const lines = [`# ${t.title}`, '', t.counts(rows.length, graded.length, graded.filter((row) => row.passed).length), ''];
  lines.push(`## ${t.distribution}`, '', `| ${t.range} | ${t.students} |`, '|---|---|');
  for (let low = 0; low < 100; low += 10) {
    const inRange = graded.filter((row) => {
      const percent = (100 * row.score) / row.maxScore;
      return percent >= low && (low === 90 ? percent <= 100 : percent < low + 10);
    });
    lines.push(`| ${low}–${low === 90 ? 100 : low + 9} % | ${'█'.repeat(inRange.length)} ${inRange.length} |`);
  }
  lines.push('', `## ${t.checks}`, '', `| ${t.check} | ${t.passedIt} |`, '|---|---|');
  for (const check of checkPassRates(graded, checkIds)) lines.push(`| \`${check.id}\` | ${check.got} / ${check.of} |`);
  lines.push('', `## ${t.mistakes}`, '', `| ${t.code} | ${t.students} | ${t.who} |`, '|---|---|---|');
  for (const mistake of mistakesOf(graded)) lines.push(`| \`${mistake.code}\` | ${mistake.students.length} | ${mistake.students.map(markdown).join(', ')} |`);
  const errors = rows.filter((row) => row.status === 'error');
  if (errors.length > 0) {
    lines.push('', `## ${t.notGraded}`, '');
    for (const row of errors) lines.push(`- ${markdown(row.student)}: ${markdown(row.reason ?? '')}`);
  }
  lines.push('', `## ${t.lookAt}`, '', t.lookAtWhy, '');
  if (alike.pairs.length === 0 && alike.copies.length === 0) lines.push(t.nothingAlike);
  for (const pair of alike.pairs) lines.push(`- ${t.pair(markdown(pair.students[0]), markdown(pair.students[1]), Math.round(pair.similarity * 100))}`);
  for (const copy of alike.copies) lines.push(`- ${t.copy(markdown(copy.student), copy.solution, Math.round(copy.similarity * 100))}`);
  return `${lines.join('\n')}\n`;
}
