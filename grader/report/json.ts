import type { Catalogue } from '../i18n/catalogue.ts';
import type { GradeResult } from '../result.ts';
import { escapeBytes, escapeLine } from './escape.ts';

// The machine-readable results (lab contract §8), for instructors who grade a class. Titles are
// in the report's language; everything else is language-neutral data.

export function renderJson(result: GradeResult, text: Catalogue): string {
  const document = {
    // A run that could not grade writes status "error" instead (report/error-json.ts).
    status: 'graded',
    rubric: result.rubric,
    score: result.score,
    maxScore: result.maxScore,
    passed: result.passed,
    seed: result.seed,
    quick: result.quick,
    idleTimeoutSeconds: result.idleTimeoutSeconds,
    idleToleranceSeconds: result.idleToleranceSeconds,
    submission: result.submission,
    isolation: result.isolation,
    network: { ...result.network, notes: result.network.notes.map((note) => ({ ...note, text: (text.report.portNotes[note.kind] as (n: typeof note) => string)(note) })) },
    portsLeftBound: result.portsLeftBound,
    durationMs: result.durationMs,
    // Less than a whole grade (--only, --check): the checks below are not the grade.
    ...(result.selection ? { selection: result.selection } : {}),
    checks: result.checks.map((check) => ({
      id: check.id,
      part: check.part,
      title: text.checks[check.id]?.title ?? check.id,
      tier: check.tier,
      status: check.status,
      required: check.required,
      points: check.points,
      maxPoints: check.maxPoints,
      diagnoses: check.diagnoses,
      severities: check.severities,
      durationMs: check.durationMs,
      ...(check.skipReason ? { skipReason: check.skipReason } : {}),
      ...(check.error ? { error: check.error } : {}),
      evidence: check.evidence.map((e) => ({ key: e.key, ...(e.values ? { values: e.values } : {}), text: text.evidence[e.key](e.values ?? {}) })),
      transcript: check.exchanges.map(({ label, n, exchange }) => ({
        label: text.labels[label](n),
        events: exchange.events.map((event) => ({
          kind: event.kind,
          atMs: event.atMs,
          ...(event.host ? { host: event.host } : {}),
          ...(event.bytesBase64 !== undefined
            ? { bytes: escapeBytes(Buffer.from(event.bytesBase64, 'base64'), 240), byteLength: event.byteLength }
            : {}),
        })),
      })),
      output: check.output.map((line) => ({ stream: line.stream, atMs: Math.round(line.atMs), text: escapeLine(line.text) })),
    })),
    analysis: result.analysis,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
