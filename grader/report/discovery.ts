import type { Catalogue } from '../i18n/catalogue.ts';
import type { Discovery, DiscoveryReason, Part } from '../result.ts';
import { escapeFields, escapeName } from './escape.ts';

// Which program the grader took for each part, and why: one line per part, under the report's
// "Grading" line. A program found by the kit's own name (server.py at the top) needs no line.
// The names in it (files, folders, the stubs passed over) are the submission's: shown escaped.

const parts: readonly Part[] = ['server', 'client'];

function reasonText(text: Catalogue, reason: DiscoveryReason): string {
  return (text.report.discovery.reasons[reason.key] as (r: DiscoveryReason) => string)(escapeFields(reason));
}

export function discoveryLines(discovery: Discovery | undefined, text: Catalogue): string[] {
  return parts.flatMap((part) => {
    const found = discovery?.[part];
    if (found === undefined || found.reasons.every((reason) => reason.key === 'exact-name')) return [];
    const reasons = found.reasons.map((reason) => reasonText(text, reason)).join('; ');
    return [text.report.discovery.line(text.report.parts[part], escapeName(found.file), reasons)];
  });
}
