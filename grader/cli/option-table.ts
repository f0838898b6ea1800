import type { ParseArgsConfig } from 'node:util';
import type { Catalogue } from '../i18n/catalogue.ts';

// Every option of the command line, once: node:util's parseArgs reads this table, the usage
// text is written from it in each language (the catalogue holds only what each option does),
// and so is the "Repeat this run" line (repeat-command.ts). Adding an option is one line here
// and its help in both catalogues (the compiler asks for them).

export type OptionName =
  | 'server'
  | 'client'
  | 'quick'
  | 'track'
  | 'only'
  | 'check'
  | 'explain'
  | 'verbose'
  | 'repeat'
  | 'watch'
  | 'rubric'
  | 'seed'
  | 'port'
  | 'report'
  | 'json'
  | 'lang'
  | 'server-cmd'
  | 'client-cmd'
  | 'sandbox'
  | 'class'
  | 'out'
  | 'jobs'
  | 'force'
  | 'csv-delimiter'
  | 'no-sandbox'
  | 'help';

export interface OptionSpec {
  readonly name: OptionName;
  readonly type: 'string' | 'boolean';
  /** What the value is, in the usage text (`<file>`); string options only. */
  readonly value?: string;
  readonly short?: string;
  /** Given more than once, it is a list (--report). */
  readonly multiple?: boolean;
  readonly default?: string | boolean;
  /**
   * Part of the "Repeat this run" line, as the user typed it: what makes another run grade the
   * same way. The seed is always there, from the result; where the results go is not.
   */
  readonly repeated?: boolean;
}

// The order of the usage text and of the "Repeat this run" line.
export const optionTable: readonly OptionSpec[] = [
  { name: 'server', type: 'string', value: '<file>', repeated: true },
  { name: 'client', type: 'string', value: '<file>', repeated: true },
  { name: 'quick', type: 'boolean', default: false, repeated: true },
  { name: 'track', type: 'string', value: '<typescript|python>', repeated: true },
  { name: 'only', type: 'string', value: '<server|client>', repeated: true },
  { name: 'check', type: 'string', value: '<id>[,<id>]', repeated: true },
  { name: 'explain', type: 'string', value: '<code>' },
  { name: 'verbose', type: 'boolean', short: 'v', default: false },
  { name: 'repeat', type: 'string', value: '<n>' },
  { name: 'watch', type: 'boolean', default: false },
  // No default here: the kit's lab-settings.json may name the course's rubric.
  { name: 'rubric', type: 'string', value: '<r>', repeated: true },
  { name: 'seed', type: 'string', value: '<n>' },
  { name: 'port', type: 'string', value: '<n>', repeated: true },
  { name: 'report', type: 'string', value: '<name>[=<file>]', multiple: true },
  { name: 'json', type: 'string', value: '<file>' },
  { name: 'lang', type: 'string', value: '<id|en>', repeated: true },
  { name: 'server-cmd', type: 'string', value: '<cmd>', repeated: true },
  { name: 'client-cmd', type: 'string', value: '<cmd>', repeated: true },
  { name: 'sandbox', type: 'boolean', default: false, repeated: true },
  { name: 'class', type: 'string', value: '<folder>' },
  { name: 'out', type: 'string', value: '<folder>' },
  { name: 'jobs', type: 'string', value: '<n>' },
  { name: 'force', type: 'boolean', default: false },
  { name: 'csv-delimiter', type: 'string', value: '<c>', default: ',' },
  { name: 'no-sandbox', type: 'boolean', default: false },
  { name: 'help', type: 'boolean', short: 'h', default: false },
];

/** The table as node:util's parseArgs wants it. */
export function parseArgsOptions(): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(
    optionTable.map((spec) => [
      spec.name,
      {
        type: spec.type,
        ...(spec.short === undefined ? {} : { short: spec.short }),
        ...(spec.multiple ? { multiple: true } : {}),
        ...(spec.default === undefined ? {} : { default: spec.default }),
      },
    ]),
  ) as NonNullable<ParseArgsConfig['options']>;
}

/** The options part of the usage text: `--name <value>` and what it does, wrapped under it when long. */
export function optionLines(help: Readonly<Record<OptionName, string>>): string[] {
  const heads = optionTable.map((spec) => `--${spec.name}${spec.value === undefined ? '' : ` ${spec.value}`}`);
  const width = Math.min(22, Math.max(...heads.map((head) => head.length)) + 2);
  return optionTable.flatMap((spec, index) => {
    const head = heads[index] as string;
    const [first = '', ...more] = help[spec.name].split('\n');
    const lines = head.length + 2 > width ? [`  ${head}`, `  ${' '.repeat(width)}${first}`] : [`  ${head.padEnd(width)}${first}`];
    return [...lines, ...more.map((line) => `  ${' '.repeat(width)}${line}`)];
  });
}

/** `npm run grade -- --help`, in the catalogue's language. */
export function usageText(text: Catalogue): string {
  return [text.cli.usageHead, ...optionLines(text.cli.optionHelp), '', text.cli.usageTail].join('\n');
}
