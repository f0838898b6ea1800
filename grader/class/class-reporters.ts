import type { Catalogue } from '../i18n/catalogue.ts';
import { renderGradebook, type CsvDelimiter } from './gradebook.ts';
import { renderClassPage } from './html-page.ts';
import type { LookAlike, SolutionCopy } from './look-alikes.ts';
import type { StudentRow } from './student-grade.ts';
import { renderSummaryPage } from './summary-page.ts';

// The class's own files, each a pure function of the class's rows, as a grade's reporters are of
// its result (report/reporters.ts); each student's folder is written by those. Adding a class
// format is one file in class/ and one line here.

export interface ClassResult {
  readonly rows: readonly StudentRow[];
  readonly checkIds: readonly string[];
  readonly lookAlikes: { readonly pairs: LookAlike[]; readonly copies: SolutionCopy[] };
  readonly text: Catalogue;
  readonly csvDelimiter: CsvDelimiter;
}

export interface ClassReporter {
  /** Its file in the out folder. */
  readonly file: string;
  render(result: ClassResult): string;
}

export const classReporters = {
  gradebook: { file: 'gradebook.csv', render: (c) => renderGradebook(c.rows, c.checkIds, c.csvDelimiter) },
  summary: { file: 'class-summary.md', render: (c) => renderSummaryPage(c.rows, c.checkIds, c.lookAlikes, c.text) },
  page: { file: 'class.html', render: (c) => renderClassPage(c.rows, c.checkIds, c.lookAlikes, c.text) },
} satisfies Record<string, ClassReporter>;
