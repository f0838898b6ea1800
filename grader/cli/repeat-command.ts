import { escapeText } from '../report/escape.ts';
import type { CliOptions } from './args.ts';
import { optionTable } from './option-table.ts';

// The "Repeat this run" line: the command that grades again with the same seed, to paste into a
// terminal. The values in it (a folder, a file, a command) are whatever the user typed, and a
// folder may be named by anyone: pasted, the line must run nothing else and split nowhere (a
// folder "x $(touch y)" stays one argument, and runs no touch).
//
// One form serves the shells the kit's users paste into: POSIX shells (sh, bash, zsh: Linux,
// macOS, WSL, Git Bash) and PowerShell (Windows). A plain value needs nothing. Any other goes
// between single quotes, inside which both take every character as it is ($, `, \, spaces, ;, &,
// |, globs, ~), except their quotes, which they escape differently ('it'\''s, 'it''s): no one
// form holds a single quote for both, and PowerShell also ends a string at ‘ ’ ‚ ‛. A value
// that no form suits is shown escaped, as everywhere in the report, and the line says to type
// it by hand: a single quote of any kind; a double quote (Windows PowerShell 5.1 hands it on to
// npm unescaped); an empty value (which 5.1 drops); a space with a backslash at the end (which
// 5.1 hands on as an escaped quote); a control character (which the report never prints raw).
// cmd.exe (no single quotes) and fish (\\ and \' inside them) are not served.

export interface RepeatCommand {
  readonly command: string;
  /** Whether every value could be written for both shells. */
  readonly pasteable: boolean;
}

const plain = /^[A-Za-z0-9_./:=+][A-Za-z0-9_./:=+-]*$/;
const unquotable = /['"\u2018-\u201b\p{C}\p{Zl}\p{Zp}]/u;

/** A value as one argument for a POSIX shell and PowerShell alike, or undefined when no form suits both. */
export function quoteForShells(value: string): string | undefined {
  if (plain.test(value)) return value;
  if (value === '' || unquotable.test(value) || (/\s/u.test(value) && value.endsWith('\\'))) return undefined;
  return `'${value}'`;
}

export function repeatCommand(options: CliOptions, seed: number): RepeatCommand {
  let pasteable = true;
  const value = (text: string) => {
    const quoted = quoteForShells(text);
    if (quoted === undefined) pasteable = false;
    return quoted ?? escapeText(text, Number.POSITIVE_INFINITY);
  };
  // A folder not typed is not typed again: pasted where it was typed, the same default is graded.
  const parts = ['npm run grade --', ...(options.folderTyped ? [value(options.folderArg)] : []), `--seed ${seed}`];
  for (const spec of optionTable) {
    const typed = options.typed[spec.name];
    if (!spec.repeated || typed === undefined || typed === false || typed === spec.default) continue;
    parts.push(typed === true ? `--${spec.name}` : `--${spec.name} ${value(String(typed))}`);
  }
  return { command: parts.join(' '), pasteable };
}
