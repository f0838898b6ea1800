import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Discovery, DiscoveryReason, Part } from '../result.ts';
import { SetupError } from '../setup-error.ts';
import { type Chosen, discoverPrograms } from './discover.ts';
import { languageOfFile } from './language.ts';
import { isInside, refuseOutside } from './link.ts';

// A submission is a folder holding a server and/or a client (lab contract §4): named on the
// command line (--server, --client), server.<ext> and client.<ext> at its top, or found below
// it by their names and their calls (submission/discover.ts).

export interface Submission {
  readonly folder: string;
  readonly server?: string;
  readonly client?: string;
  /** How each file was found, for the report. */
  readonly discovery: Discovery;
}

/** Files the user named with --server and --client (absolute paths). */
export type NamedPrograms = Partial<Record<Part, string>>;

/** A file named on the command line: any name, its language from its extension, #! line or text. */
function namedProgram(folder: string, part: Part, file: string): Chosen {
  const option = part === 'server' ? '--server' : '--client';
  if (!existsSync(file)) throw new SetupError({ kind: 'no-such-file', option, path: file });
  // Outside the folder it is still the user's own choice; a way out of its own folder is not.
  refuseOutside(isInside(folder, file) ? folder : path.dirname(file), file);
  const relative = path.relative(folder, file).split(path.sep).join('/');
  const finding = languageOfFile(file);
  if (finding === undefined) throw new SetupError({ kind: 'unknown-language', file: relative });
  const { language, from } = finding;
  const reasons: DiscoveryReason[] = [{ key: 'named', option }, ...(from === 'extension' ? [] : [{ key: 'language', language, from } as const])];
  return { file, found: { file: relative, reasons } };
}

/** Finds the files of the parts to be graded; the others are not looked at. */
export function findSubmission(folder: string, parts: readonly Part[], named: NamedPrograms = {}): Submission {
  const absolute = path.resolve(folder);
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    throw new SetupError({ kind: 'no-such-folder', path: folder });
  }
  const chosen: Partial<Record<Part, Chosen>> = {};
  for (const part of parts) {
    const file = named[part];
    if (file !== undefined) chosen[part] = namedProgram(absolute, part, path.resolve(file));
  }
  const taken = Object.values(chosen).map(({ file }) => file);
  Object.assign(chosen, discoverPrograms(absolute, parts.filter((part) => chosen[part] === undefined), taken));
  const { server, client } = chosen;
  if (parts.length > 0 && !server && !client) throw new SetupError({ kind: 'nothing-to-grade', path: folder });
  return { folder: absolute, server: server?.file, client: client?.file, discovery: { server: server?.found, client: client?.found } };
}
