import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { DiscoveryReason, FoundProgram, Part } from '../result.ts';
import { SetupError } from '../setup-error.ts';
import { type Candidate, leaningOf, listCandidates } from './candidates.ts';
import { languageOfFile, programExtensions, readHead } from './language.ts';
import { refuseOutside } from './link.ts';
import { isKitStub } from './signals.ts';

// Which program of a folder is the server and which the client (issue 8). server.<ext> and
// client.<ext> at the top are taken as they always were; otherwise the programs below are
// weighed by their names and their calls, a real program always before a copy of the kit's stub,
// and nearer the top before deeper down. Two equally likely programs are never guessed between.

export interface Chosen {
  readonly file: string;
  readonly found: FoundProgram;
}

function exactFiles(folder: string, part: Part): string[] {
  const names = new Set(readdirSync(folder));
  return programExtensions
    .map((ext) => `${part}.${ext}`)
    .filter((name) => names.has(name))
    .map((name) => path.join(folder, name))
    .map((file) => {
      // server.py itself must be the program: not a folder, not a way out of the submission.
      refuseOutside(folder, file);
      return file;
    });
}

function isStubFile(file: string): boolean {
  const language = languageOfFile(file)?.language;
  return language !== undefined && isKitStub(readHead(file) ?? '', language);
}

function exactChoice(folder: string, file: string): Chosen {
  return { file, found: { file: path.relative(folder, file), reasons: [{ key: 'exact-name' }] } };
}

function reasonsFor(chosen: Candidate, part: Part, passedOver: readonly Candidate[]): DiscoveryReason[] {
  const signs = chosen.signs[part];
  const stubs = passedOver.filter((other) => other.stub && !chosen.stub);
  const deeper = passedOver.filter((other) => other.stub === chosen.stub && other.signs[part].score === signs.score);
  const { language, from } = chosen.finding;
  return [
    ...(signs.nameWord ? [{ key: 'name-says', word: signs.nameWord } as const] : []),
    ...(signs.folder ? [{ key: 'folder-says', folder: signs.folder.name, word: signs.folder.word } as const] : []),
    ...(signs.calls.length > 0 ? [{ key: 'calls', calls: signs.calls } as const] : []),
    ...(from === 'extension' ? [] : [{ key: 'language', language, from } as const]),
    ...(chosen.stub ? [{ key: 'stub' } as const] : []),
    ...(stubs.length > 0 ? [{ key: 'over-stub', stubs: stubs.map((stub) => stub.relative) } as const] : []),
    ...(deeper.length > 0 ? [{ key: 'nearest-top', others: deeper.map((other) => other.relative) } as const] : []),
  ];
}

/** The most likely of `candidates` for the part; a tie at the top is a question for the user. */
function pick(folder: string, candidates: readonly Candidate[], part: Part, stubs: readonly Candidate[]): Chosen {
  const rank = (c: Candidate) => [c.signs[part].score, -c.depth] as const;
  const order = (a: Candidate, b: Candidate) => rank(b)[0] - rank(a)[0] || rank(b)[1] - rank(a)[1];
  const [best, ...rest] = [...candidates].sort(order);
  if (best === undefined) throw new Error('pick() needs a candidate');
  const tied = rest.filter((other) => order(best, other) === 0);
  if (tied.length > 0) {
    throw new SetupError({ kind: 'ambiguous-program', path: folder, part, candidates: [best, ...tied].map((c) => c.relative) });
  }
  return { file: best.file, found: { file: best.relative, reasons: reasonsFor(best, part, [...rest, ...stubs]) } };
}

/**
 * The server and the client among the files of `folder`, for each of `parts`; `taken` are files
 * already named on the command line, which are no candidates for the other part.
 */
export function discoverPrograms(folder: string, parts: readonly Part[], taken: readonly string[]): Partial<Record<Part, Chosen>> {
  const chosen: Partial<Record<Part, Chosen>> = {};
  let listed: Candidate[] | undefined;
  const candidates = () => (listed ??= listCandidates(folder).filter((c) => !taken.includes(c.file)));
  for (const part of parts) {
    const exact = exactFiles(folder, part);
    const only = exact.length === 1 ? exact[0] : undefined;
    // server.py at the top, and no stub: found exactly as before, nothing else looked at.
    if (only !== undefined && !isStubFile(only)) {
      chosen[part] = exactChoice(folder, only);
      continue;
    }
    const forPart = candidates().filter((c) => leaningOf(c) === part);
    const real = forPart.filter((c) => !c.stub);
    const stubs = forPart.filter((c) => c.stub);
    if (real.length > 0) chosen[part] = pick(folder, real, part, stubs);
    // Nothing but stubs: the kit's own folder (exercises/) grades its top stub, as always.
    else if (only !== undefined) chosen[part] = exactChoice(folder, only);
    else if (stubs.length > 0) chosen[part] = pick(folder, stubs, part, []);
  }
  return chosen;
}
