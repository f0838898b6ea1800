import type { OptionName } from '../cli/option-table.ts';
import type { ZipRefusal } from '../class/unzip.ts';
import type { DiagnosisCode } from '../diagnoses.ts';
import type { DiscoveryReason, EvidenceKey, ExchangeLabel, Part, SkipReason, Status, Tier } from '../result.ts';
import type { SetupProblem } from '../setup-error.ts';
import type { TranscriptEventKind } from '../net/transcript.ts';
import type { PortNote } from '../net/port-ledger.ts';

// The shape of the message catalogue: every text a user reads, in each language. The English
// catalogue defines it; every other language must fill in all of it (the compiler checks).

export type Values = Readonly<Record<string, string | number>>;

/**
 * A text that names code, commands or library calls: one for Python programs and one for Node
 * programs (TypeScript and JavaScript share theirs), or a single string where they do not differ.
 */
export type ByLanguage = string | { readonly python: string; readonly node: string };

export interface DiagnosisText {
  /** What the code means, as a sentence about the student's program. */
  readonly meaning: string;
  /** The likely cause in the code. */
  readonly why: ByLanguage;
  /** What to change. */
  readonly hint: ByLanguage;
}

export interface CheckText {
  readonly title: string;
  /** What the check sends and expects, for the catalogue of checks. */
  readonly what: string;
}

export interface AnalysisValues {
  readonly startupSeconds: string;
  readonly port: number;
  readonly portSource: 'env' | 'fixed';
}

export interface Catalogue {
  readonly status: Record<Status, string>;
  readonly tiers: Record<Tier, string>;
  readonly checks: Record<string, CheckText>;
  readonly diagnoses: Record<DiagnosisCode, DiagnosisText>;
  readonly evidence: Record<EvidenceKey, (values: Values) => string>;
  readonly skips: Record<SkipReason, string>;
  readonly labels: Record<ExchangeLabel, (n?: number) => string>;
  readonly transcript: Record<TranscriptEventKind, string> & { readonly bytes: (n: number) => string; readonly empty: string };
  readonly report: {
    readonly title: string;
    readonly grading: (folder: string, program: string) => string;
    /** How the grader chose each program, one line per part, such as "Server: tugas1/Server.py (its name says server; …)". */
    readonly discovery: {
      readonly line: (part: string, file: string, reasons: string) => string;
      readonly reasons: { readonly [K in DiscoveryReason['key']]: (reason: Extract<DiscoveryReason, { key: K }>) => string };
    };
    readonly seedLine: (seed: number, mode: string, rubric: string) => string;
    /** Less than a whole grade was asked for: what, and that the score is not the grade. */
    readonly selectionLine: (asked: string) => string;
    readonly fullMode: (seconds: number) => string;
    readonly quickMode: (seconds: number) => string;
    readonly parts: Record<Part, string>;
    readonly required: string;
    readonly optional: string;
    readonly why: string;
    readonly hint: string;
    /** Said after a code that does not fail its check under the rubric. */
    readonly severity: Record<'warning' | 'accepted', string>;
    readonly programOutput: string;
    readonly sameOutput: (checkId: string) => string;
    readonly graderError: (message: string) => string;
    readonly analysisTitle: string;
    /** The short report: the block at the top, the failure to fix first in that part. */
    readonly fixFirst: (part: string) => string;
    /** Under the check in the list that the block at the top shows. */
    readonly fixFirstAbove: string;
    /** Under a check that failed with the same codes as one shown in full. */
    readonly sameCauseAs: (checkId: string) => string;
    /** Where the whole explanation of a code is. */
    readonly explainMore: (code: string) => string;
    /** At the end of the short report: how to see everything. */
    readonly verboseHint: string;
    /** Before the ids of the checks that passed, in the short report. */
    readonly passedChecks: (count: number) => string;
    /** Checks this mode does not judge (0 points either way), and why. */
    readonly notJudgedInMode: (ids: string, reason: string) => string;
    readonly startup: (values: AnalysisValues) => string;
    readonly latency: (medianMs: string, maxMs: string, count: number) => string;
    readonly idle: (messageSeconds: string | undefined, exitSeconds: string | undefined, expected: number, tolerance: number) => string;
    readonly idleOffTime: string;
    readonly idleBehaviour: Record<'stops' | 'keeps-running' | 'never' | 'crashes' | 'silent-stop', string>;
    readonly concurrent: (ms: string) => string;
    readonly sequential: (seconds: string) => string;
    readonly blocked: string;
    readonly restarts: (count: number) => string;
    readonly score: (score: number, max: number) => string;
    readonly passed: string;
    readonly notPassed: (failed: string) => string;
    readonly repeat: (command: string) => string;
    /** The repeat line when a value in it cannot be pasted safely into every shell, shown escaped. */
    readonly repeatByHand: (command: string) => string;
    readonly notStarted: (count: number, reason: string) => string;
    readonly quickNote: string;
    readonly portNotes: { readonly [K in PortNote['kind']]: (note: Extract<PortNote, { kind: K }>) => string };
    readonly portsLeftBound: (ports: readonly number[]) => string;
  };
  readonly setup: { readonly [K in SetupProblem['kind']]: (problem: Extract<SetupProblem, { kind: K }>) => string };
  readonly classGrade: {
    readonly progress: (done: number, total: number, student: string, outcome: string) => string;
    readonly progressBar: (done: number, total: number, passed: number, failed: number, errors: number, eta: string | undefined) => string;
    readonly passed: (score: number, max: number, seconds: string) => string;
    readonly failed: (score: number, max: number, seconds: string) => string;
    readonly error: (reason: string) => string;
    readonly resumed: (outcome: string) => string;
    readonly start: (count: number, folder: string, jobs: number, sandbox: boolean) => string;
    readonly summaryGraded: (graded: number, total: number, errors: number) => string;
    readonly summaryPassed: (passed: number, graded: number) => string;
    readonly summaryMedian: (percent: string) => string;
    readonly summaryMistakes: string;
    readonly summaryMistake: (code: string, students: number) => string;
    readonly summaryError: (student: string, reason: string) => string;
    readonly summaryStopped: (count: number) => string;
    readonly interrupted: (done: number, total: number, out: string) => string;
    readonly written: (out: string, gradebook: string) => string;
    readonly zipRefused: (refusal: ZipRefusal) => string;
  };
  readonly classPage: {
    readonly title: string;
    readonly counts: (students: number, graded: number, passed: number) => string;
    readonly distribution: string;
    readonly range: string;
    readonly students: string;
    readonly checks: string;
    readonly check: string;
    readonly passedIt: string;
    readonly mistakes: string;
    readonly code: string;
    readonly who: string;
    readonly notGraded: string;
    readonly lookAt: string;
    readonly lookAtWhy: string;
    readonly nothingAlike: string;
    readonly pair: (a: string, b: string, percent: number) => string;
    readonly copy: (student: string, solution: string, percent: number) => string;
    readonly terminalLine: (pairs: number, copies: number) => string;
    /** The page's language, for <html lang>. */
    readonly lang: string;
    readonly studentTable: string;
    /** The student table's columns: student, score, max, percent, passed, status, codes or reason. */
    readonly columns: readonly string[];
  };
  /** Headings of the Markdown report (report/markdown.ts). */
  readonly markdown: {
    readonly status: string;
    readonly check: string;
    readonly points: string;
    readonly codes: string;
    readonly failures: (shown: number, total: number) => string;
  };
  readonly explain: {
    /** How much the code weighs under the kit rubric. */
    readonly severity: Readonly<Record<'error' | 'warning' | 'accepted', string>>;
    readonly givenBy: (checks: string) => string;
    readonly example: (language: string) => string;
    readonly wrong: string;
    readonly right: string;
    readonly noExample: string;
    readonly everyCode: string;
  };
  /** The live progress while a grade runs (cli/live-progress.ts). */
  readonly live: {
    /** Before any check runs: the programs are found, built and started. */
    readonly preparing: (seconds: string) => string;
    readonly status: (seconds: string, judged: number, total: number) => string;
    readonly running: (ids: string) => string;
    readonly idleDue: (seconds: number) => string;
    readonly idleOverdue: (seconds: number) => string;
    /** The passed checks folded into one line where the terminal is too short for all. */
    readonly passedSoFar: (count: number) => string;
    /** The lines that do not fit under the others. */
    readonly more: (count: number) => string;
  };
  /** The lab report (--report html, report/lab-report.ts) and its pictures of each connection. */
  readonly labReport: {
    readonly title: string;
    readonly run: string;
    readonly folder: string;
    readonly programs: string;
    readonly mode: string;
    readonly results: string;
    readonly analysis: string;
    /** A count check in one sentence: the message, its size, and the reply that came back. */
    readonly counted: (title: string, chars: string | number, bytes: string | number, reply: string, expected?: string | number) => string;
    readonly noReply: string;
    readonly timelines: string;
    readonly timelinesIntro: string;
    readonly grader: string;
    readonly connects: (who: 'grader' | 'program') => string;
    readonly diagramTitle: (check: string, connection: string) => string;
    readonly otherChecks: (count: number) => string;
    readonly repeat: string;
  };
  /** --repeat N (report/repeat-summary.ts). */
  readonly repeat: {
    readonly title: (runs: number, folder: string, quick: boolean) => string;
    /** One line on stderr after each run. */
    readonly runLine: (run: number, runs: number, seed: number, passed: boolean, checksPassed: number, checks: number) => string;
    readonly steady: string;
    readonly flickering: string;
    readonly rate: (passed: number, runs: number) => string;
    readonly notPassedWith: (seeds: string, more: number) => string;
    readonly replay: (command: string) => string;
    readonly alwaysPassed: (count: number) => string;
    readonly neverPassed: (ids: string) => string;
    readonly gradePassed: (passed: number, runs: number) => string;
  };
  /** --watch (cli/watch-grades.ts, report/watch-changes.ts). */
  readonly watch: {
    readonly sinceLast: string;
    readonly nothingChanged: string;
    readonly fixed: (ids: string) => string;
    readonly broke: (ids: string) => string;
    readonly watching: (folder: string) => string;
    readonly saved: (file: string) => string;
  };
  readonly cli: {
    /** Above the options (cli/option-table.ts writes them). */
    readonly usageHead: string;
    readonly usageTail: string;
    /** What each option does; a line break starts another line under it. */
    readonly optionHelp: Readonly<Record<OptionName, string>>;
    readonly interrupted: string;
    readonly crashed: (message: string) => string;
    readonly jsonWritten: (file: string) => string;
  };
}
