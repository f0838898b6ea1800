import type { Catalogue } from '../i18n/catalogue.ts';
import type { Colors } from './colors.ts';

// What every reporter is given besides the result: the language, colour (the terminal's only),
// and what the command line knows (how the user named the submission, the repeat line).

export interface ReportContext {
  readonly text: Catalogue;
  /** Colour for the terminal; every other format is plain text. */
  readonly colors: Colors;
  /** The "Repeat this run" line, and whether it can be pasted as it is. */
  readonly repeatCommand: string;
  readonly repeatPasteable?: boolean;
  /** The submission as the user named it. */
  readonly folderLabel: string;
  /** The terminal's width, for cutting long lines of a program's output. */
  readonly columns?: number;
  /** The terminal report in full (--verbose): every check's transcript and the whole explanation of each code. */
  readonly verbose?: boolean;
}
