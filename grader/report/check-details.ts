import type { Catalogue } from '../i18n/catalogue.ts';
import type { CheckResult, GradeResult } from '../result.ts';
import { inLanguage } from './by-language.ts';
import { noColors } from './colors.ts';
import { escapeFields, escapeLine } from './escape.ts';
import { renderExchange, renderOutput } from './transcript.ts';

// What the formats other than the terminal say about one check, as plain lines (escaped like
// the terminal's): why it did not pass, and the transcript of what was said and printed.

/**
 * For the engines that know only passed and failed (Gradescope, GitHub Classroom): a check
 * passed when it got all its points and did not fail; a warning that cost points did not.
 */
export function gotItsPoints(check: CheckResult): boolean {
  return check.status !== 'fail' && check.points === check.maxPoints;
}

/** The evidence, then each diagnosis code with its weight under the rubric, what it means, why, and what to do. */
export function explanationLines(check: CheckResult, result: GradeResult, text: Catalogue): string[] {
  const language = check.part === 'server' ? result.submission.serverLanguage : result.submission.clientLanguage;
  const lines = check.evidence.map((e) => text.evidence[e.key](escapeFields(e.values ?? {}, escapeLine)));
  if (check.skipReason) lines.unshift(text.skips[check.skipReason]);
  if (check.error) lines.push(text.report.graderError(escapeLine(check.error)));
  for (const code of check.diagnoses) {
    const d = text.diagnoses[code];
    const severity = check.severities[code] ?? 'error';
    lines.push(`${code}${severity === 'error' ? '' : ` (${text.report.severity[severity]})`}: ${d.meaning}`);
    lines.push(`  ${text.report.why}: ${inLanguage(d.why, language)}`);
    lines.push(`  ${text.report.hint}: ${inLanguage(d.hint, language)}`);
  }
  return lines;
}

/** Every connection of the check, byte for byte, and the program's last lines. */
export function transcriptLines(check: CheckResult, text: Catalogue, columns = 100): string[] {
  return [
    ...check.exchanges.flatMap((exchange) => renderExchange(exchange, text, noColors, '', columns)),
    ...renderOutput(check.output, text, noColors, '', new Map(), check.id, columns),
  ];
}
