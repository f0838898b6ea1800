import path from 'node:path';
import { parseArgs } from 'node:util';
import { isLang, type Lang } from '../i18n/index.ts';
import { SetupError } from '../setup-error.ts';

// The command line of lab contract §8. Bad input becomes a SetupError: one clear line and
// exit status 2, never a stack trace.

export interface CliOptions {
  /** The folder as the user typed it, for the report and the repeat command. */
  readonly folderArg: string;
  readonly folder: string;
  readonly quick: boolean;
  readonly seed?: number;
  readonly port?: number;
  readonly json?: string;
  readonly lang?: Lang;
  readonly serverCmd?: string;
  readonly help: boolean;
}

function usage(detail: string): SetupError {
  return new SetupError({ kind: 'usage', detail });
}

function integer(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw usage(`--${name} needs a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

/** `cwd` is where the user typed the command: npm runs scripts from the package root, but says where in INIT_CWD. */
export function parseCliArgs(argv: readonly string[], cwd: string): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        quick: { type: 'boolean', default: false },
        seed: { type: 'string' },
        port: { type: 'string' },
        json: { type: 'string' },
        lang: { type: 'string' },
        'server-cmd': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw usage(error instanceof Error ? error.message.split('\n')[0] ?? 'bad arguments' : 'bad arguments');
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw usage(`one folder at a time, not ${positionals.length} (${positionals.join(', ')})`);
  if (values.lang !== undefined && !isLang(values.lang)) throw usage(`--lang is id or en, not "${values.lang}"`);
  const folderArg = positionals[0] ?? 'exercises';
  // The default folder belongs to the kit, whatever folder the command was typed in.
  const base = positionals[0] === undefined ? process.cwd() : cwd;
  return {
    folderArg,
    folder: path.resolve(base, folderArg),
    quick: values.quick,
    seed: integer('seed', values.seed, 0, 2 ** 32 - 1),
    port: integer('port', values.port, 1, 65_535),
    json: values.json === undefined ? undefined : path.resolve(cwd, values.json),
    lang: values.lang as Lang | undefined,
    serverCmd: values['server-cmd'],
    help: values.help,
  };
}
