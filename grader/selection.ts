import type { ClientCheck } from './client/check.ts';
import { clientChecks } from './client/checks/index.ts';
import type { Part } from './result.ts';
import type { ServerCheck } from './server/check.ts';
import { serverChecks } from './server/checks/index.ts';

// Less than a whole grade, for a student fixing one thing (--only server, --check ID[,ID]): the
// checks asked for, and each part's first check, which starts its program and which every other
// check of the part needs. A check not asked for is not run and not in the result: the score is
// that of the checks run, and the report says it is not the grade.

export interface Selection {
  readonly only?: Part;
  readonly checks?: readonly string[];
}

export interface SelectedChecks {
  readonly server: readonly ServerCheck[];
  readonly client: readonly ClientCheck[];
  /** A client check that runs the student's server too (end-to-end) is among them. */
  readonly pairs: boolean;
}

export const allCheckIds: readonly string[] = [...serverChecks, ...clientChecks].map((check) => check.id);

function selectPart<T extends { readonly id: string }>(checks: readonly T[], asked: (id: string) => boolean): T[] {
  const [first] = checks;
  return first !== undefined && checks.some((check) => asked(check.id)) ? checks.filter((check) => check === first || asked(check.id)) : [];
}

export function selectChecks(selection: Selection | undefined): SelectedChecks {
  const asked = (id: string) => selection?.checks === undefined || selection.checks.includes(id);
  const server = selection?.only === 'client' ? [] : selectPart(serverChecks, asked);
  const client = selection?.only === 'server' ? [] : selectPart(clientChecks, asked);
  return { server, client, pairs: client.some((check) => check.pairsWithServer) };
}
