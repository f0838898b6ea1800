import type { CheckResult, GradeResult, Part } from '../result.ts';
import { analysisLines } from './analysis.ts';
import { escapeBytes, escapeFields, escapeHtml as xml, escapeLine, escapeName } from './escape.ts';
import type { ReportContext } from './reporters.ts';
import { sequenceSvg } from './sequence-svg.ts';
import { isFailure } from './short-plan.ts';
import { timelineSteps } from './timeline.ts';

// The lab report (--report html=laporan.html): what a student hands in beside their code, in
// the report's language. What was run, the results, an analysis in sentences from what was
// measured, and a picture of each connection that matters (every one that went wrong first,
// then a few that show the lab's protocol working). One self-contained file: no script, no
// link, nothing fetched. Every text from the submission is escaped, then made inert for HTML.

const countChecks = ['counts-ascii', 'counts-digits', 'counts-accented', 'counts-cjk', 'counts-emoji', 'counts-empty-message', 'counts-padded-message', 'large-message'];
// Connections that show the protocol working, where nothing went wrong.
const examples = ['counts-accented', 'serves-clients-in-turn', 'idle-timeout', 'client-sends-line', 'end-to-end'];
// A report a lecturer reads through: the server's mistakes, then the client's.
const picturesAtMost = { server: 8, client: 5 } as const;
const perCheckAtMost = 2;

/** One sentence per count check: the message sent, its size, and what came back. */
function countSentences(result: GradeResult, context: ReportContext): string[] {
  const { text } = context;
  return result.checks.flatMap((check) => {
    if (!countChecks.includes(check.id) || check.skipReason) return [];
    const size = check.evidence.find((e) => e.key === 'message-size')?.values;
    if (!size) return [];
    const expected = check.evidence.find((e) => e.key === 'expected-count')?.values?.expected;
    const received = check.exchanges[0]?.exchange.events.find((event) => event.kind === 'receive' && event.bytesBase64 !== undefined);
    const reply = received?.bytesBase64 === undefined ? text.labReport.noReply : escapeBytes(Buffer.from(received.bytesBase64, 'base64'), 40);
    const title = text.checks[check.id]?.title ?? check.id;
    return [text.labReport.counted(title, size.chars ?? '?', size.bytes ?? '?', reply, check.status === 'fail' ? expected : undefined)];
  });
}

/** The checks whose connections are drawn: each distinct failure first, then examples, within each part's share. */
function pictured(result: GradeResult): CheckResult[] {
  return (['server', 'client'] as const).flatMap((part) => {
    const ordered = result.checks.filter((check) => check.part === part && check.exchanges.length > 0);
    // One picture per cause: checks that fail with the same codes fail the same way.
    const causes = new Set<string>();
    const failures = ordered.filter(isFailure).filter((check) => {
      const cause = [...check.diagnoses].sort().join(',') || check.id;
      if (causes.has(cause)) return false;
      causes.add(cause);
      return true;
    });
    const chosen = [...failures, ...examples.flatMap((id) => ordered.filter((check) => check.id === id && !isFailure(check)))];
    const shown: CheckResult[] = [];
    let pictures = 0;
    for (const check of chosen) {
      if (pictures >= picturesAtMost[part]) break;
      shown.push(check);
      pictures += Math.min(perCheckAtMost, check.exchanges.length);
    }
    return shown;
  });
}

function resultsTable(checks: readonly CheckResult[], context: ReportContext): string {
  const { text } = context;
  const rows = checks.map(
    (check) =>
      `<tr class="${check.status}"><td>${xml(text.status[check.status])}</td><td>${xml(text.checks[check.id]?.title ?? check.id)} <code>${xml(check.id)}</code></td><td class="num">${check.points}/${check.maxPoints}</td><td>${check.diagnoses.map((code) => `<code>${xml(code)}</code>`).join(' ')}</td></tr>`,
  );
  return `<table><thead><tr><th>${xml(text.markdown.status)}</th><th>${xml(text.markdown.check)}</th><th>${xml(text.markdown.points)}</th><th>${xml(text.markdown.codes)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function pictures(result: GradeResult, context: ReportContext): string[] {
  const { text } = context;
  const programOf = (part: Part) => escapeName((part === 'server' ? result.submission.server : result.submission.client) ?? part);
  const checks = pictured(result);
  const others = result.checks.filter((check) => check.exchanges.length > 0 && !checks.includes(check)).length;
  return [
    ...checks.flatMap((check) => {
      const title = text.checks[check.id]?.title ?? check.id;
      return [
        `<h3><span class="badge ${check.status}">${xml(text.status[check.status])}</span> ${xml(title)} <code>${xml(check.id)}</code></h3>`,
        ...check.exchanges.slice(0, perCheckAtMost).map(({ label, n, exchange }) => {
          const connection = text.labels[label](n);
          const svg = sequenceSvg(timelineSteps(exchange, check.part, text), { grader: text.labReport.grader, program: programOf(check.part), title: text.labReport.diagramTitle(title, connection) });
          return `<figure>${svg}<figcaption>${xml(text.labReport.diagramTitle(check.id, connection))}</figcaption></figure>`;
        }),
        // What the grader made of it, and what each code means.
        ...(isFailure(check)
          ? [
              `<ul class="why">${[
                ...check.evidence.map((e) => text.evidence[e.key](escapeFields(e.values ?? {}, escapeLine))),
                ...check.diagnoses.map((code) => `${code}: ${text.diagnoses[code].meaning}`),
              ]
                .map((line) => `<li>${xml(line)}</li>`)
                .join('')}</ul>`,
            ]
          : []),
      ];
    }),
    ...(others > 0 ? [`<p class="more">${xml(text.labReport.otherChecks(others))}</p>`] : []),
  ];
}

const style = `body{font:15px/1.5 system-ui,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #d0d7de}h3{font-size:1rem;margin:1.5rem 0 .3rem}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
td.num{text-align:right;white-space:nowrap}code{font:13px ui-monospace,monospace;background:#f3f4f6;padding:0 .2rem}
tr.fail td:first-child,.badge.fail{color:#b42318}tr.warn td:first-child,.badge.warn{color:#9a6700}tr.pass td:first-child,.badge.pass{color:#1a7f37}
.verdict{font-size:1.2rem;font-weight:600}figure{margin:.5rem 0 1rem}figcaption{font-size:.85rem;color:#57606a}
svg.sequence{max-width:100%;height:auto;font:12px ui-monospace,monospace}.actor{fill:#eef2f7;stroke:#57606a}
.actor-name{text-anchor:middle;font-weight:600}.lifeline{stroke:#8c959f;stroke-dasharray:4 4}.time{fill:#57606a}
.arrow{stroke-width:1.6}.arrow.data{stroke:#0550ae}.arrow.signal{stroke:#57606a;stroke-dasharray:6 3}.arrow.rst{stroke:#b42318}
.head.data{fill:#0550ae}.head.signal{fill:#57606a}.head.rst{fill:#b42318}.label{text-anchor:middle}.label.rst{fill:#b42318}
.note{fill:#fff8c5;stroke:#d4a72c}.note-text{text-anchor:middle;font-style:italic}`;

export function renderLabReport(result: GradeResult, context: ReportContext): string {
  const { text } = context;
  const r = text.report;
  const l = text.labReport;
  const mode = result.quick ? r.quickMode(result.idleTimeoutSeconds) : r.fullMode(result.idleTimeoutSeconds);
  const failed = result.checks.filter((check) => check.required && check.status === 'fail').map((check) => check.id);
  const programs = [result.submission.server, result.submission.client].filter((label) => label !== undefined).map((label) => escapeName(label));
  const analysis = [...analysisLines(result.analysis, text, result.idleToleranceSeconds), ...countSentences(result, context)];
  const parts = (['server', 'client'] as const).filter((part) => result.checks.some((check) => check.part === part));
  return [
    '<!doctype html>',
    `<html lang="${xml(text.classPage.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`,
    `<title>${xml(l.title)}</title><style>${style}</style></head><body>`,
    `<h1>${xml(l.title)}</h1>`,
    `<h2>${xml(l.run)}</h2>`,
    '<dl>',
    `<dt>${xml(l.folder)}</dt><dd><code>${xml(escapeName(context.folderLabel))}</code></dd>`,
    `<dt>${xml(l.programs)}</dt><dd>${programs.map((label) => `<code>${xml(label)}</code>`).join(' · ')}</dd>`,
    `<dt>${xml(l.mode)}</dt><dd>${xml(r.seedLine(result.seed, mode, result.rubric))}</dd>`,
    '</dl>',
    `<h2>${xml(l.results)}</h2>`,
    `<p class="verdict">${xml(r.score(result.score, result.maxScore))} · ${xml(result.passed ? r.passed : r.notPassed(failed.join(', ')))}</p>`,
    ...parts.flatMap((part) => [`<h3>${xml(r.parts[part])}</h3>`, resultsTable(result.checks.filter((check) => check.part === part), context)]),
    `<h2>${xml(l.analysis)}</h2>`,
    `<ul>${analysis.map((line) => `<li>${xml(line)}</li>`).join('')}</ul>`,
    `<h2>${xml(l.timelines)}</h2>`,
    `<p>${xml(l.timelinesIntro)}</p>`,
    ...pictures(result, context),
    `<p>${xml(l.repeat)} <code>${xml(escapeLine(context.repeatCommand, Number.POSITIVE_INFINITY))}</code></p>`,
    '</body></html>',
    '',
  ].join('\n');
}
