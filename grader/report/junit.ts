import type { Catalogue } from '../i18n/catalogue.ts';
import type { CheckResult, GradeResult, Part } from '../result.ts';
import { explanationLines, transcriptLines } from './check-details.ts';

// JUnit XML, the test report every CI reads (Jenkins, GitLab, GitHub's test reporters): one
// <testsuite> per part, one <testcase> per check with classname "server" or "client". A check
// that failed has a <failure> (its codes, and why), a grader's own error an <error>, a skipped
// one <skipped> with the reason; the transcript goes in <system-out>. A warning passes, with its
// explanation in <system-out>: JUnit has no warnings. Times are in seconds.

/** XML 1.0 allows no control characters but tab and line ends, not even escaped, nor lone surrogates. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function testcase(check: CheckResult, result: GradeResult, text: Catalogue): string[] {
  const name = `${check.id}: ${text.checks[check.id]?.title ?? check.id}`;
  const open = `    <testcase name="${xml(name)}" classname="${check.part}" time="${seconds(check.durationMs)}">`;
  const explanation = explanationLines(check, result, text).join('\n');
  const transcript = transcriptLines(check, text).join('\n');
  const body: string[] = [];
  if (check.status === 'skip') body.push(`      <skipped message="${xml(check.skipReason ? text.skips[check.skipReason] : '')}"/>`);
  else if (check.error !== undefined) body.push(`      <error message="${xml(text.report.graderError(check.error))}" type="grader-error">${xml(explanation)}</error>`);
  else if (check.status === 'fail') body.push(`      <failure message="${xml(check.diagnoses.join(', '))}" type="${xml(check.diagnoses[0] ?? 'failed')}">${xml(explanation)}</failure>`);
  const out = [check.status === 'warn' ? explanation : '', transcript].filter((part) => part !== '').join('\n\n');
  if (out !== '') body.push(`      <system-out>${xml(out)}</system-out>`);
  return body.length === 0 ? [`${open.slice(0, -1)}/>`] : [open, ...body, '    </testcase>'];
}

function counts(checks: readonly CheckResult[]) {
  return {
    tests: checks.length,
    failures: checks.filter((check) => check.status === 'fail' && check.error === undefined).length,
    errors: checks.filter((check) => check.status !== 'skip' && check.error !== undefined).length,
    skipped: checks.filter((check) => check.status === 'skip').length,
    time: seconds(checks.reduce((sum, check) => sum + check.durationMs, 0)),
  };
}

const attributes = (record: Record<string, string | number>) =>
  Object.entries(record)
    .map(([key, value]) => `${key}="${xml(String(value))}"`)
    .join(' ');

export function renderJunit(result: GradeResult, text: Catalogue): string {
  const parts = (['server', 'client'] as Part[]).filter((part) => result.checks.some((check) => check.part === part));
  const suites = parts.flatMap((part) => {
    const checks = result.checks.filter((check) => check.part === part);
    return [
      `  <testsuite ${attributes({ name: part, ...counts(checks) })}>`,
      '    <properties>',
      ...Object.entries({ rubric: result.rubric, seed: result.seed, score: `${result.score}/${result.maxScore}`, passed: String(result.passed), program: result.submission[part] ?? '' }).map(
        ([key, value]) => `      <property name="${key}" value="${xml(String(value))}"/>`,
      ),
      '    </properties>',
      ...checks.flatMap((check) => testcase(check, result, text)),
      '  </testsuite>',
    ];
  });
  const all = counts(result.checks);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${attributes({ name: text.report.title, tests: all.tests, failures: all.failures, errors: all.errors, skipped: all.skipped, time: seconds(result.durationMs) })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
