import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ProgramLanguage } from '../result.ts';
import type { StartGate } from '../process/start-gate.ts';
import { SetupError } from '../setup-error.ts';
import { languageOfFile } from './language.ts';
import { kitFile } from '../kit-root.ts';
import { findPython } from './python-runtime.ts';

// How a submission's file is run (lab contract §4). TypeScript is compiled once per grade by the
// kit (typescript-build.ts) and run on plain node; what that cannot compile goes through the
// kit's own tsx loader, by absolute path, in the same single node process: never npx, never a
// tsx found in the submission's folder, and never a second process that could orphan the
// program. After tsx, the kit's typescript-format hooks make a .ts file an ES module wherever
// it lives (see there).

export type Runtime = 'typescript' | 'node' | 'python' | 'custom';

export interface LaunchCommand {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly runtime: Runtime;
  /** What the report calls it, such as "server.py (Python 3.11.7)". */
  readonly label: string;
  /** Run inside the --sandbox. */
  readonly sandboxed?: boolean;
  /** Folders of the grader's own that the program reads (its compiled code): the sandbox mounts them. */
  readonly mounts?: readonly string[];
  /** Shared by the grades of a class: when the program may start (process/start-gate.ts). */
  readonly startGate?: StartGate;
}

const tsxLoader = import.meta.resolve('tsx');
const typescriptFormat = pathToFileURL(kitFile('grader', 'submission', 'typescript-format', 'register.mjs')).href;

/** The kit's own files a TypeScript program loads besides node_modules: the sandbox mounts them. */
export const typescriptFormatFolder = path.dirname(fileURLToPath(typescriptFormat));

/**
 * Starts finding the Python interpreter if one of the files is Python: where the answer is not
 * in the cache yet that takes ~0.4 s with a version manager (python-runtime.ts), which then
 * overlaps the grader's other preparations instead of delaying the first start.
 */
export function findRuntimesEarly(files: readonly (string | undefined)[]): void {
  if (files.some((file) => file !== undefined && languageOfFile(file)?.language === 'python')) void findPython();
}

export interface TypeScriptCompiler {
  /** The compiled program, or undefined where it has to run through tsx. */
  compile(file: string, submission: string): Promise<string | undefined>;
}

/** `compiler` and the submission's folder: TypeScript compiled once instead of by tsx at every start. */
export async function launchCommandFor(file: string, compiled?: { readonly compiler: TypeScriptCompiler; readonly submission: string }): Promise<LaunchCommand> {
  const cwd = path.dirname(file);
  const name = path.basename(file);
  // By extension; a file without one (a student's `Server`) by its #! line or its text.
  const language = languageOfFile(file)?.language;
  if (language === undefined) throw new SetupError({ kind: 'unknown-language', file: name });
  if (language === 'python') {
    const python = await findPython();
    if (!python) throw new SetupError({ kind: 'runtime-missing', runtime: 'python3', file: name });
    return { command: python.executable, args: [file], cwd, runtime: 'python', label: `${name} (Python ${python.version})` };
  }
  if (language === 'typescript') {
    const program = compiled && (await compiled.compiler.compile(file, compiled.submission));
    if (program !== undefined) {
      // Source maps: a crash's stack trace names the student's file and line, as under tsx.
      return { command: process.execPath, args: ['--enable-source-maps', program], cwd, runtime: 'typescript', label: `${name} (Node ${process.version}, compiled by the kit)`, mounts: [path.dirname(program)] };
    }
    return { command: process.execPath, args: ['--import', tsxLoader, '--import', typescriptFormat, file], cwd, runtime: 'typescript', label: `${name} (Node ${process.version} + tsx)` };
  }
  return { command: process.execPath, args: [file], cwd, runtime: 'node', label: `${name} (Node ${process.version})` };
}

/** The language of the hints a program's report gets. */
export function languageOf(command: LaunchCommand): ProgramLanguage {
  return command.runtime === 'python' ? 'python' : command.runtime === 'custom' ? 'other' : 'node';
}

/** An instructor's own command line, for anything the extensions do not cover. */
export function customLaunchCommand(commandLine: string, cwd: string): LaunchCommand {
  const words = splitCommandLine(commandLine);
  const [command, ...args] = words;
  if (command === undefined) throw new SetupError({ kind: 'empty-command' });
  return { command, args, cwd, runtime: 'custom', label: commandLine };
}

/** Splits on spaces, keeping quoted parts together; no shell is ever involved. */
export function splitCommandLine(commandLine: string): string[] {
  const words: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of commandLine.matchAll(pattern)) words.push(match[1] ?? match[2] ?? match[3] ?? '');
  return words;
}
