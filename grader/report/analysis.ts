import type { Catalogue } from '../i18n/catalogue.ts';
import type { Measurements } from '../result.ts';

// The "Analisa" section: what the grader measured about the server, as sentences a student can
// put next to their own observations.

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const seconds = (ms: number | undefined) => (ms === undefined ? undefined : (ms / 1000).toFixed(2));

export function analysisLines(analysis: Partial<Measurements>, text: Catalogue, toleranceSeconds: number): string[] {
  const lines: string[] = [];
  const r = text.report;
  if (analysis.startupMs !== undefined && analysis.port !== undefined && analysis.portSource !== undefined) {
    lines.push(r.startup({ startupSeconds: (analysis.startupMs / 1000).toFixed(2), port: analysis.port, portSource: analysis.portSource }));
  }
  const latencies = analysis.replyLatenciesMs ?? [];
  if (latencies.length > 0) {
    lines.push(r.latency(median(latencies).toFixed(1), Math.max(...latencies).toFixed(1), latencies.length));
  }
  if (analysis.idleTimeoutBehaviour !== undefined && analysis.idleTimeoutExpectedMs !== undefined) {
    const measured = r.idle(seconds(analysis.idleTimeoutMessageMs), seconds(analysis.idleTimeoutExitMs), analysis.idleTimeoutExpectedMs / 1000, toleranceSeconds);
    const timing = analysis.idleTimeoutOnTime === false ? `, ${r.idleOffTime}` : '';
    lines.push(`${measured}: ${r.idleBehaviour[analysis.idleTimeoutBehaviour]}${timing}`);
  }
  if (analysis.secondClientBlocked) lines.push(r.blocked);
  else if (analysis.secondClientWaitMs !== undefined) {
    lines.push(analysis.secondClientConcurrent ? r.concurrent(analysis.secondClientWaitMs.toFixed(0)) : r.sequential(seconds(analysis.secondClientWaitMs) ?? ''));
  }
  if (analysis.restarts) lines.push(r.restarts(analysis.restarts));
  return lines;
}
