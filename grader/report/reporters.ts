import type { GradeResult } from '../result.ts';
import type { ReportContext } from './context.ts';
import { renderClassroom } from './classroom.ts';
import { renderGradescope } from './gradescope.ts';
import { renderJson } from './json.ts';
import { renderJunit } from './junit.ts';
import { renderLabReport } from './lab-report.ts';
import { renderMarkdown } from './markdown.ts';
import { renderTerminal } from './terminal.ts';

// Every format a grade can be written in, by name (`--report NAME[=PATH]`). A reporter is a
// pure function of the result data, which the rubric has already weighed: none judges again.
// Adding a format is one file in report/ and one line here.

export type { ReportContext };

export type Reporter = (result: GradeResult, context: ReportContext) => string;

export const reporters = {
  terminal: (result, context) => renderTerminal(result, context),
  json: (result, context) => renderJson(result, context.text),
  junit: (result, context) => renderJunit(result, context.text),
  markdown: (result, context) => renderMarkdown(result, context),
  gradescope: (result, context) => renderGradescope(result, context),
  classroom: (result, context) => renderClassroom(result, context),
  html: (result, context) => renderLabReport(result, context),
} satisfies Record<string, Reporter>;

export type ReporterName = keyof typeof reporters;

/** The file each format is written to in a student's folder of a class grade. */
export const studentReportFiles: Readonly<Record<ReporterName, string>> = {
  terminal: 'report.txt',
  json: 'report.json',
  junit: 'report.xml',
  markdown: 'report.md',
  gradescope: 'results.json',
  classroom: 'classroom-result.txt',
  html: 'report.html',
};

export const reporterNames = Object.keys(reporters) as ReporterName[];

export function isReporterName(name: string): name is ReporterName {
  return Object.hasOwn(reporters, name);
}
