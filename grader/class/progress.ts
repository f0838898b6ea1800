import type { Catalogue } from '../i18n/catalogue.ts';

// The class grade's progress on a terminal: one status line, redrawn in place under the lines
// of the students already done: a bar, done / total, passed / failed so far, and an estimate of
// the time left from the pace so far (only once a student is done: before that there is none).

export interface ClassProgress {
  readonly done: number;
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly errors: number;
  readonly elapsedMs: number;
}

export function progressLine(progress: ClassProgress, text: Catalogue, columns = 80): string {
  const width = 20;
  const filled = progress.total === 0 ? width : Math.round((width * progress.done) / progress.total);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  const left = progress.total - progress.done;
  const eta = progress.done > 0 && left > 0 ? Math.ceil((progress.elapsedMs / progress.done) * left / 1000) : undefined;
  const line = `${bar} ${text.classGrade.progressBar(progress.done, progress.total, progress.passed, progress.failed, progress.errors, eta === undefined ? undefined : clock(eta))}`;
  return line.slice(0, Math.max(20, columns - 1));
}

function clock(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes}:${String(seconds % 60).padStart(2, '0')}` : `0:${String(seconds).padStart(2, '0')}`;
}
